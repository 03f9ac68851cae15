// Run by crash.api.test.ts as a separate process: writes many people in one transaction through
// the real service, says "writing" once half-way, and waits there to be killed.
import { systemActor } from '../core/actor.js';
import { standaloneDeps } from '../core/standalone.js';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { inTransaction } from '../db/transaction.js';
import { createPeopleService } from '../modules/org/index.js';

const [databaseUrl] = process.argv.slice(2);
const conn = connect(loadConfig({ SYSWARD_DATABASE_URL: databaseUrl }).database);
await inTransaction(conn.db, async (trx) => {
  const people = createPeopleService(standaloneDeps(trx));
  for (let i = 0; i < 400; i++) {
    await people.createIn(trx, systemActor('crash'), {
      name: `中断测试${i}`,
      number: `K${i}`,
      kind: 'employee',
      departmentId: null,
      phone: '',
      email: '',
      position: '',
      notes: '',
    });
  }
  process.stdout.write('writing\n');
  await new Promise(() => {}); // killed here, mid-transaction
});
