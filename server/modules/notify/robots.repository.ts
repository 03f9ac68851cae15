// Every query of the notify_robots table. Rows carry the address and secret: only the channel and
// the test send read them; everything a person sees goes through robots.mappers.ts.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import { normaliseSearch } from '../../db/dialect.js';
import type { NotifyRobotsTable } from './robots.tables.js';

export type RobotRow = Selectable<NotifyRobotsTable>;
type RobotWrite = Omit<Insertable<NotifyRobotsTable>, 'name_key'>;

/** What makes two names the same robot: what search makes of them (width, case, spaces). */
export const robotNameKey = (name: string) => normaliseSearch(name);

export function createRobotsRepository(db: Kysely<Database>) {
  return {
    list() {
      return db.selectFrom('notify_robots').selectAll().orderBy('name').orderBy('id').execute();
    },
    byId(id: number) {
      return db.selectFrom('notify_robots').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** The enabled robots among `ids`. */
    enabledAmong(ids: number[]) {
      if (!ids.length) return Promise.resolve([]);
      return db.selectFrom('notify_robots').selectAll().where('id', 'in', ids).where('enabled', '=', 1).orderBy('id').execute();
    },
    async nameTaken(name: string, exceptId: number | null): Promise<boolean> {
      let q = db.selectFrom('notify_robots').select('id').where('name_key', '=', robotNameKey(name));
      if (exceptId !== null) q = q.where('id', '<>', exceptId);
      return (await q.executeTakeFirst()) !== undefined;
    },
    async insert(row: RobotWrite): Promise<number> {
      const res = await db
        .insertInto('notify_robots')
        .values({ ...row, name_key: robotNameKey(row.name) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return res.id;
    },
    async update(id: number, patch: Omit<Updateable<NotifyRobotsTable>, 'name_key' | 'id'>) {
      await db
        .updateTable('notify_robots')
        .set({ ...patch, ...(patch.name !== undefined ? { name_key: robotNameKey(patch.name) } : {}) })
        .where('id', '=', id)
        .execute();
    },
    async remove(id: number) {
      await db.deleteFrom('notify_robots').where('id', '=', id).execute();
    },
  };
}
