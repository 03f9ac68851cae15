import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEventBus } from './events.js';
import { createScheduler } from './scheduler.js';

declare module './events.js' {
  interface EventMap {
    'test.happened': { n: number };
  }
}

test('event handlers run after emit, a failing one is reported and does not stop the others', async () => {
  const failures: string[] = [];
  const bus = createEventBus((event) => failures.push(event));
  const seen: number[] = [];
  bus.on('test.happened', () => {
    throw new Error('boom');
  });
  const off = bus.on('test.happened', async ({ n }) => void seen.push(n));
  bus.emit('test.happened', { n: 1 });
  assert.deepEqual(seen, []); // not synchronous: the emitting request has already answered
  await bus.idle();
  assert.deepEqual(seen, [1]);
  assert.deepEqual(failures, ['test.happened']);
  off();
  bus.emit('test.happened', { n: 2 });
  await bus.idle();
  assert.deepEqual(seen, [1]);
});

test('scheduler refuses duplicate names, runs a job on demand and logs a failing one', async () => {
  const logged: string[] = [];
  const s = createScheduler((msg) => logged.push(msg));
  let runs = 0;
  s.add({ name: 'count', schedule: '* * * * * *', run: async () => void runs++ });
  assert.throws(() => s.add({ name: 'count', schedule: '* * * * * *', run: async () => {} }));
  await s.runNow('count');
  assert.equal(runs, 1);
  s.add({ name: 'fails', schedule: '* * * * * *', run: async () => Promise.reject(new Error('x')) });
  s.start('Asia/Shanghai');
  await new Promise((r) => setTimeout(r, 1100));
  s.stop();
  assert.ok(runs >= 2);
  assert.ok(logged.includes('job fails failed'));
});
