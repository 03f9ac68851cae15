// Similar published articles for a text (a fault being reported, a ticket being worked): the
// bigram table narrows the articles to those sharing the most with the text, then each is scored
// by kb.similarity.ts with weights from how common each bigram is among the articles.
import type { Kysely } from 'kysely';
import type { KbSuggestion, KbVisibility } from '../../../shared/contracts/kb.js';
import type { Actor } from '../../core/actor.js';
import type { Database } from '../../db/database.js';
import { createKbRepository } from './kb.repository.js';
import { scopeOf } from './kb.service.js';
import { CJK_GRAM, scoreCandidates, similarityTokens, SUGGESTION_LIMIT, SUGGESTION_THRESHOLD } from './kb.similarity.js';

/** A long description is judged by its first few hundred distinct tokens. */
const MAX_TOKENS = 300;

export async function suggestArticles(db: Kysely<Database>, actor: Actor, text: string): Promise<KbSuggestion[]> {
  const tokens = [...similarityTokens(text)].slice(0, MAX_TOKENS);
  if (!tokens.length) return [];
  const query = new Set(tokens);
  const grams = tokens.filter((t) => CJK_GRAM.test(t));
  const words = tokens.filter((t) => !CJK_GRAM.test(t));
  const repo = createKbRepository(db);
  const candidates = await repo.suggestionCandidates(grams, words, scopeOf(actor));
  if (!candidates.length) return [];
  const { documents, frequencies } = await repo.gramFrequencies(grams);
  return scoreCandidates(query, candidates, documents, frequencies)
    .map(({ candidate: c, score }) => ({
      id: c.id,
      title: c.title,
      category: c.category,
      visibility: c.visibility as KbVisibility,
      score,
    }))
    .filter((s) => s.score >= SUGGESTION_THRESHOLD)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, SUGGESTION_LIMIT)
    .map((s) => ({ ...s, score: Math.round(s.score * 1000) / 1000 }));
}
