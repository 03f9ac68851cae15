// Chinese text similarity between what someone typed (a fault's title and description) and an
// article. Not exact matching: both sides become sets of CJK bigrams and Latin words, and the
// score combines how much the query shares with the title (Dice, weighted) and how much of the
// query the article covers at all. Words every article has count little (inverse document
// frequency from the bigram table), so 打印机卡纸 matches 打印机总是卡纸怎么办 and not 网络断了.
//
// Only the query's words that some article holds (the knowledge base's vocabulary) are weighed
// against an article. A detailed report is mostly words no article has (早上, 合同, cross-word
// bigrams like 纸了): they cannot tell one article from another, and counting them made more
// detail push a clearly matching article below the threshold, worst on a small knowledge base
// where every known word is common and weighs little. Words another article has but this one
// lacks still count against it, so with many articles the weights and the ranking stay as before.
import { cjkBigrams, normaliseSearch } from '../../db/dialect.js';

/**
 * Bigrams of question and filler words: they say how someone asks, not what is wrong, and would
 * otherwise make every "怎么办" question look alike.
 */
const FILLER = new Set([
  '怎么',
  '么办',
  '么样',
  '么回',
  '回事',
  '为什',
  '什么',
  '是什',
  '么了',
  '请问',
  '如何',
  '总是',
  '老是',
  '一直',
  '经常',
  '突然',
  '一下',
  '时候',
  '的时',
  '现在',
  '我的',
  '了怎',
  '帮忙',
  '麻烦',
  '谢谢',
  '一个',
  '这个',
  '那个',
]);

/** Latin words of two or more characters (vpn, outlook, hp1020, 192.168.1.1). */
const WORD = /[a-z0-9][a-z0-9._-]*[a-z0-9]/g;

/** Distinct tokens of a text: CJK bigrams without filler, and Latin words. */
export function similarityTokens(text: string): Set<string> {
  const norm = normaliseSearch(text);
  const out = new Set<string>();
  for (const g of cjkBigrams(norm)) if (!FILLER.has(g)) out.add(g);
  for (const m of norm.matchAll(WORD)) out.add(m[0]);
  return out;
}

/** How much a token says: 1 everywhere by default; inverse document frequency from the index. */
export type TokenWeight = (token: string) => number;
export const EVEN_WEIGHT: TokenWeight = () => 1;

/** Which tokens count for the query's side of the score; by default all of them. */
export interface Vocabulary {
  has(token: string): boolean;
}
export const ALL_KNOWN: Vocabulary = { has: () => true };

/**
 * BM25's inverse document frequency: rare tokens weigh more, none weighs zero or less. A token
 * no article has (outside the vocabulary, so it is not weighed at all in suggestions) weighs like
 * a fairly common one for callers that score without a vocabulary.
 */
export const UNSEEN_TOKEN_WEIGHT = 1;
export function idfWeight(documents: number, frequencies: ReadonlyMap<string, number>): TokenWeight {
  return (token) => {
    const df = frequencies.get(token);
    if (!df) return UNSEEN_TOKEN_WEIGHT;
    return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
  };
}

const TITLE_SHARE = 0.55;

/**
 * 0–1. `body` answers whether the whole article (title, tags and body text) holds a token; a
 * long body need not be split into a set for that (see textContains). The title part
 * rewards a title that says the same thing (and little else); the coverage part rewards an
 * article that mentions every part of the query somewhere. Query tokens outside `known` (and
 * absent from this article) are left out of both parts: see the note at the top.
 */
export function similarityScore(
  query: ReadonlySet<string>,
  title: ReadonlySet<string>,
  body: { has(token: string): boolean },
  weight: TokenWeight = EVEN_WEIGHT,
  known: Vocabulary = ALL_KNOWN,
): number {
  if (!query.size) return 0;
  let queryWeight = 0;
  let sharedTitle = 0;
  let covered = 0;
  for (const t of query) {
    const inArticle = title.has(t) || body.has(t);
    if (!inArticle && !known.has(t)) continue;
    const w = weight(t);
    queryWeight += w;
    if (title.has(t)) sharedTitle += w;
    if (inArticle) covered += w;
  }
  if (queryWeight <= 0) return 0;
  let titleWeight = 0;
  for (const t of title) titleWeight += weight(t);
  const dice = titleWeight > 0 ? (2 * sharedTitle) / (queryWeight + titleWeight) : 0;
  return TITLE_SHARE * dice + (1 - TITLE_SHARE) * (covered / queryWeight);
}

/**
 * Token membership straight from normalised text: a bigram or word is in the text when it is a
 * substring of it (a Latin word may then match inside a longer one, which only helps recall).
 */
export function textContains(normalisedText: string): { has(token: string): boolean } {
  return { has: (token) => normalisedText.includes(token) };
}

/** A two-character token that is not a Latin word: what the bigram table holds. */
export const CJK_GRAM = /^[^a-z0-9]{2}$/;

/** What scoring reads of a candidate article: its title and its normalised search text. */
export interface ScoredText {
  title: string;
  search_text: string;
}

/**
 * Scores candidates against the query tokens with weights from the whole knowledge base:
 * `documents` articles, of which `frequencies` hold each CJK bigram. A bigram is in the
 * vocabulary when some article holds it; a Latin word (not in the bigram table) when some
 * candidate does, since every article holding one of the query's words is a candidate.
 */
export function scoreCandidates<T extends ScoredText>(
  query: ReadonlySet<string>,
  candidates: readonly T[],
  documents: number,
  frequencies: ReadonlyMap<string, number>,
): { candidate: T; score: number }[] {
  const weight = idfWeight(Math.max(documents, candidates.length), frequencies);
  const texts = candidates.map((c) => textContains(c.search_text));
  const knownWords = new Set([...query].filter((t) => !CJK_GRAM.test(t) && texts.some((x) => x.has(t))));
  const known: Vocabulary = { has: (t) => (frequencies.get(t) ?? 0) > 0 || knownWords.has(t) };
  return candidates.map((c, i) => ({ candidate: c, score: similarityScore(query, similarityTokens(c.title), texts[i]!, weight, known) }));
}

/** Below this an article shares only a word or two with the text: not worth suggesting. */
export const SUGGESTION_THRESHOLD = 0.2;
export const SUGGESTION_LIMIT = 5;

/** Convenience for tests and single comparisons: two texts, even weights. */
export function textSimilarity(query: string, articleTitle: string, articleBody = ''): number {
  const title = similarityTokens(articleTitle);
  const body = similarityTokens(`${articleTitle} ${articleBody}`);
  return similarityScore(similarityTokens(query), title, body);
}
