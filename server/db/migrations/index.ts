// Every migration in order. Names are timestamps; a landed migration is never edited.
import type { Migration } from 'kysely';
import * as m2026112901 from './2026112901_foundation.js';

export const migrations: Record<string, Migration> = {
  '2026112901_foundation': m2026112901,
};
