// A small seeded PRNG (mulberry32) so the demo data is identical on every run and every
// database. Each step draws from its own named stream: adding a step, or changing how many
// values one step draws, leaves every other step's data as it was.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Like pick, but earlier items are more likely (for lists ordered by frequency). */
  pickSkewed<T>(items: readonly T[], power?: number): T;
  chance(probability: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
}

/** FNV-1a: a stable 32-bit seed from a stream name. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number | string): Random {
  let state = typeof seed === 'string' ? seedOf(seed) : seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const index = (length: number) => {
    if (length <= 0) throw new Error('cannot pick from an empty list');
    return Math.floor(next() * length);
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[index(items.length)]!,
    pickSkewed: (items, power = 1.8) => {
      if (!items.length) throw new Error('cannot pick from an empty list');
      return items[Math.floor(next() ** power * items.length)]!;
    },
    chance: (probability) => next() < probability,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = index(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
