// Suggestions while a fault is described: similar past tickets (technicians) and articles from
// the registered providers (the knowledge base). Chinese similarity without exact matching: the
// text's CJK bigrams and Latin words are compared with a candidate's; candidates come from the
// tickets' bigram table, so a two-character overlap (打印, 卡纸) is enough to be found.
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { suggestions, TicketState } from '../../../shared/contracts/tickets.js';
import type { Actor } from '../../core/actor.js';
import type { ModuleContext } from '../../core/module.js';
import type { Database } from '../../db/database.js';
import { cjkBigrams, dialectOf, idIn, normaliseSearch, planSearch } from '../../db/dialect.js';
import { viewerOf } from './tickets.core.js';
import { extensionsOf } from './tickets.extensions.js';

type Suggestions = z.infer<typeof suggestions>;

const MAX_GRAMS = 24;
const MAX_WORDS = 6;
/** Tickets read per term: bounds the work for a term half the tickets share (打印). */
const PER_TERM = 300;
const CANDIDATES = 200;
const SHOWN = 5;
export const MIN_SCORE = 0.25;

/** The terms similarity counts: CJK bigrams and Latin words / numbers of two or more characters. */
export function terms(text: string): Set<string> {
  const normal = normaliseSearch(text);
  const words = normal.match(/[a-z0-9][a-z0-9._-]*[a-z0-9]/g) ?? [];
  return new Set([...cjkBigrams(normal), ...words]);
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}

/**
 * 0–1. A close title counts fully (Dice coefficient of the two term sets); a longer description
 * that holds most of the query's terms counts a little less (share of the query's terms found).
 */
export function similarity(query: Set<string>, title: string, body: string): number {
  if (!query.size) return 0;
  const t = terms(title);
  const dice = t.size ? (2 * shared(query, t)) / (query.size + t.size) : 0;
  const all = terms(`${title} ${body}`);
  const covered = shared(query, all) / query.size;
  return Math.round(Math.max(dice, covered * 0.8) * 1000) / 1000;
}

export async function suggestFor(db: Kysely<Database>, ctx: ModuleContext, actor: Actor, text: string): Promise<Suggestions> {
  const articles: Suggestions['articles'] = [];
  for (const provider of extensionsOf(ctx).suggestionProviders.values()) articles.push(...(await provider.suggest(db, actor, text)));
  articles.sort((a, b) => b.score - a.score);
  const tickets = viewerOf(actor).readsAll ? await similarTickets(db, text) : [];
  return { articles: articles.slice(0, SHOWN), tickets };
}

async function similarTickets(db: Kysely<Database>, text: string): Promise<Suggestions['tickets']> {
  const query = terms(text);
  const grams = cjkBigrams(text).slice(0, MAX_GRAMS);
  const words = [...query].filter((t) => !grams.includes(t) && t.length >= 3).slice(0, MAX_WORDS);
  if (!grams.length && !words.length) return [];
  // Candidates: the most recent tickets holding each bigram (an index range per bigram, bounded
  // however common the bigram is), ranked by how many of the text's bigrams they share.
  const shared = new Map<number, number>();
  // Terms no ticket holds (早上, 合同, bigrams across two words) cannot tell one ticket from
  // another; counted in the query's size they made a detailed description score lower against a
  // clearly matching ticket than a terse one, so they are left out of the comparison.
  const unseen = new Set<string>();
  for (const gram of grams) {
    const rows = await db.selectFrom('tickets_grams').select('id').where('gram', '=', gram).orderBy('id', 'desc').limit(PER_TERM).execute();
    if (!rows.length) unseen.add(gram);
    for (const r of rows) shared.set(r.id, (shared.get(r.id) ?? 0) + 1);
  }
  // Latin words (model names, error codes) through the search index.
  for (const word of words) {
    const plan = await planSearch(db, 'tickets', word, 'tickets', PER_TERM);
    const rows = await db
      .selectFrom('tickets')
      .select('id')
      .where(() => plan.condition)
      .orderBy('id', 'desc')
      .limit(PER_TERM)
      .execute();
    if (!rows.length) unseen.add(word);
    for (const r of rows) shared.set(r.id, (shared.get(r.id) ?? 0) + 1);
  }
  const known = new Set([...query].filter((t) => !unseen.has(t)));
  const ids = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, CANDIDATES)
    .map(([id]) => id);
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'title', 'state', 'description', 'problem', 'solution'])
    .where(idIn(dialectOf(db), 'tickets.id', ids, true))
    .where(sql<boolean>`tickets.state in ('resolved', 'closed')`)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state as TicketState,
      score: similarity(known, r.title, `${r.problem || r.description} ${r.solution}`),
    }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, SHOWN);
}
