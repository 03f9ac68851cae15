import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Runs `work` in a transaction, or in the caller's when `db` already is one. Services are built
 * on either a connection or an open transaction, so one transaction can span several service
 * calls (imports, demo data) with every rule and audit entry unchanged.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
