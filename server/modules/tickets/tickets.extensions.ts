// Extension points other modules fill in at registration, so tickets never import them: the
// knowledge base adds article suggestions while someone reports a fault, and tells which articles
// were written from a ticket. They hang off the app's ModuleContext (one set per app: tests build
// several apps in one process).
import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';

export interface SuggestedArticle {
  id: number;
  title: string;
  /** 0–1, comparable with the other providers' scores. */
  score: number;
}

/**
 * Suggests articles for a fault being described. Called for every signed-in caller: the provider
 * decides what this actor may read (staff: published FAQ only).
 */
export interface TicketSuggestionProvider {
  key: string;
  suggest(db: Kysely<Database>, actor: Actor, text: string): Promise<SuggestedArticle[]>;
}

/** Ids of articles made from a ticket (the ticket page links to them). */
export type TicketArticleSource = (db: Kysely<Database>, ticketId: number) => Promise<number[]>;

interface TicketExtensions {
  suggestionProviders: Map<string, TicketSuggestionProvider>;
  articleSources: TicketArticleSource[];
}

const byApp = new WeakMap<ModuleContext, TicketExtensions>();

export function extensionsOf(ctx: ModuleContext): TicketExtensions {
  let ext = byApp.get(ctx);
  if (!ext) byApp.set(ctx, (ext = { suggestionProviders: new Map(), articleSources: [] }));
  return ext;
}

export function registerTicketSuggestionProvider(ctx: ModuleContext, provider: TicketSuggestionProvider): void {
  const { suggestionProviders } = extensionsOf(ctx);
  if (suggestionProviders.has(provider.key)) throw new Error(`ticket suggestion provider '${provider.key}' is registered twice`);
  suggestionProviders.set(provider.key, provider);
}

export function registerTicketArticleSource(ctx: ModuleContext, source: TicketArticleSource): void {
  extensionsOf(ctx).articleSources.push(source);
}
