// Names the record pages build translation keys from at run time. Kept free of imports so the
// locale test (locales/record/families.ts) can load them in Node.

/** How a hand-out record reads: 领用, 借出 or 归还. */
export const ASSIGNMENT_KINDS = ['handout', 'loan', 'return'] as const;
