// Every query of the dictionaries and dictionary_items tables.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DictionariesTable, DictionaryItemsTable } from './org.tables.js';

export function createDictionariesRepository(db: Kysely<Database>) {
  return {
    all: () => db.selectFrom('dictionaries').selectAll().orderBy('system', 'desc').orderBy('code').execute(),
    items: () => db.selectFrom('dictionary_items').selectAll().orderBy('sort_order').orderBy('id').execute(),
    itemsOf: (dictionaryId: number) =>
      db.selectFrom('dictionary_items').selectAll().where('dictionary_id', '=', dictionaryId).orderBy('sort_order').orderBy('id').execute(),
    byId: (id: number) => db.selectFrom('dictionaries').selectAll().where('id', '=', id).executeTakeFirst(),
    byCode: (code: string) => db.selectFrom('dictionaries').selectAll().where('code', '=', code).executeTakeFirst(),
    insert: async (row: Insertable<DictionariesTable>) =>
      (await db.insertInto('dictionaries').values(row).returning('id').executeTakeFirstOrThrow()).id,
    update: (id: number, patch: Updateable<DictionariesTable>) => db.updateTable('dictionaries').set(patch).where('id', '=', id).execute(),
    remove: (id: number) => db.deleteFrom('dictionaries').where('id', '=', id).execute(),
    itemById: (dictionaryId: number, itemId: number) =>
      db.selectFrom('dictionary_items').selectAll().where('dictionary_id', '=', dictionaryId).where('id', '=', itemId).executeTakeFirst(),
    itemByValue: (dictionaryId: number, value: string) =>
      db.selectFrom('dictionary_items').selectAll().where('dictionary_id', '=', dictionaryId).where('value', '=', value).executeTakeFirst(),
    insertItem: async (row: Insertable<DictionaryItemsTable>) =>
      (await db.insertInto('dictionary_items').values(row).returning('id').executeTakeFirstOrThrow()).id,
    updateItem: (id: number, patch: Updateable<DictionaryItemsTable>) =>
      db.updateTable('dictionary_items').set(patch).where('id', '=', id).execute(),
    removeItem: (id: number) => db.deleteFrom('dictionary_items').where('id', '=', id).execute(),
  };
}
