import type { Db } from '../../server/db/connect.js';

export async function seedDemo(_db: Db): Promise<string> {
  throw new Error('demo data is not written yet');
}
