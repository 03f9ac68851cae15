// Who points at what. A module declares the columns of its tables that refer to another
// module's entities (assets.location_id → location); deleting an entity asks every declaration,
// so a delete that would orphan rows is refused with counts instead of a database error.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

export interface ReferenceDeclaration {
  /** The entity referred to, e.g. 'person', 'department', 'location'. */
  entity: string;
  /** The referring table and column. Trusted identifiers from code. */
  table: string;
  column: string;
  /** Key reported to the client, e.g. 'people', 'users', 'children'. */
  as: string;
}

export interface References {
  declare(ref: ReferenceDeclaration): void;
  /** Counts of rows that refer to (entity, id), only the non-zero ones. */
  count(db: Kysely<Database>, entity: string, id: number): Promise<Record<string, number>>;
}

export function createReferences(): References {
  const refs: ReferenceDeclaration[] = [];
  return {
    declare(ref) {
      refs.push(ref);
    },
    async count(db, entity, id) {
      const out: Record<string, number> = {};
      const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
      for (const ref of refs.filter((r) => r.entity === entity)) {
        const row = await anyDb
          .selectFrom(ref.table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(ref.column, '=', id)
          .executeTakeFirst();
        const n = Number(row?.n ?? 0);
        if (n > 0) out[ref.as] = (out[ref.as] ?? 0) + n;
      }
      return out;
    },
  };
}
