// Alert storm grouping with fake timers: a storm becomes one message per channel, a few alerts
// stay single, channels are independent, and a new window opens after one closes.
// Run: node --import tsx --test server/modules/monitors/engine/storm.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStormGrouper } from './storm.js';

/** Timers that fire only in advance(), in order. */
function fakeTime(start = 1_000_000) {
  let now = start;
  let next = 0;
  const pending = new Map<number, { at: number; fn: () => void }>();
  return {
    clock: { now: () => now },
    timers: {
      set: (fn: () => void, ms: number) => {
        pending.set(++next, { at: now + ms, fn });
        return next;
      },
      clear: (h: unknown) => void pending.delete(h as number),
    },
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...pending].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    timerCount: () => pending.size,
  };
}

function setup(maxSingles = 3, windowMs = 30_000) {
  const t = fakeTime();
  const emitted: { channel: string; batch: number[]; at: number }[] = [];
  const grouper = createStormGrouper<number>({
    windowMs,
    maxSingles,
    clock: t.clock,
    timers: t.timers,
    emit: (channel, batch) => emitted.push({ channel, batch, at: t.clock.now() }),
  });
  return { t, emitted, grouper };
}

describe('storm grouping', () => {
  it('5,000 alerts in one window become exactly one message per channel', () => {
    const { t, emitted, grouper } = setup();
    for (let i = 0; i < 5000; i++) {
      grouper.add('email:admin', i);
      grouper.add('dingtalk:ops', i);
      if (i % 100 === 0) t.advance(100);
    }
    assert.equal(emitted.length, 0, 'nothing before the window closes');
    assert.equal(t.timerCount(), 2, 'one timer per channel, not per alert');
    t.advance(30_000);
    assert.equal(emitted.length, 2);
    for (const e of emitted) {
      assert.equal(e.batch.length, 5000);
      assert.deepEqual(e.batch.slice(0, 3), [0, 1, 2]);
      assert.equal(e.at, 1_000_000 + 30_000);
    }
    assert.deepEqual(emitted.map((e) => e.channel).sort(), ['dingtalk:ops', 'email:admin']);
  });

  it('up to maxSingles alerts go out one by one, in order', () => {
    const { t, emitted, grouper } = setup(3);
    grouper.add('wecom', 1);
    t.advance(1000);
    grouper.add('wecom', 2);
    grouper.add('wecom', 3);
    t.advance(29_000);
    assert.deepEqual(
      emitted.map((e) => e.batch),
      [[1], [2], [3]],
    );
    assert.ok(
      emitted.every((e) => e.at === 1_030_000),
      'the window counts from its first alert',
    );
  });

  it('one more than maxSingles is a summary batch', () => {
    const { t, emitted, grouper } = setup(3);
    for (const n of [1, 2, 3, 4]) grouper.add('feishu', n);
    t.advance(30_000);
    assert.deepEqual(
      emitted.map((e) => e.batch),
      [[1, 2, 3, 4]],
    );
  });

  it('channels are independent: each has its own window', () => {
    const { t, emitted, grouper } = setup(1);
    grouper.add('a', 1);
    t.advance(20_000);
    grouper.add('b', 2);
    grouper.add('b', 3);
    t.advance(10_000);
    assert.deepEqual(emitted, [{ channel: 'a', batch: [1], at: 1_030_000 }]);
    t.advance(20_000);
    assert.deepEqual(emitted[1], { channel: 'b', batch: [2, 3], at: 1_050_000 });
  });

  it('an alert after the window closed opens a new one', () => {
    const { t, emitted, grouper } = setup(0);
    grouper.add('mail', 1);
    t.advance(30_000);
    grouper.add('mail', 2);
    assert.deepEqual(grouper.pending(), [{ channelKey: 'mail', count: 1, openedAt: 1_030_000 }]);
    t.advance(29_999);
    assert.equal(emitted.length, 1);
    t.advance(1);
    assert.deepEqual(
      emitted.map((e) => [e.batch, e.at]),
      [
        [[1], 1_030_000],
        [[2], 1_060_000],
      ],
    );
  });

  it('flush() sends everything now, and the old timers do nothing afterwards', () => {
    const { t, emitted, grouper } = setup(2);
    grouper.add('a', 1);
    for (const n of [1, 2, 3]) grouper.add('b', n);
    grouper.flush();
    assert.deepEqual(
      emitted.map((e) => [e.channel, e.batch]),
      [
        ['a', [1]],
        ['b', [1, 2, 3]],
      ],
    );
    assert.deepEqual(grouper.pending(), []);
    grouper.add('a', 9);
    t.advance(60_000);
    assert.deepEqual(emitted[2], { channel: 'a', batch: [9], at: 1_030_000 });
    assert.equal(emitted.length, 3);
  });

  it('a throwing emit does not stop the other batches', () => {
    const t = fakeTime();
    const sent: number[] = [];
    const errors: string[] = [];
    const grouper = createStormGrouper<number>({
      windowMs: 10,
      maxSingles: 5,
      timers: t.timers,
      emit: (_c, [n]) => {
        if (n === 2) throw new Error('outbox full');
        sent.push(n!);
      },
      onError: (e, c) => errors.push(`${c}:${(e as Error).message}`),
    });
    for (const n of [1, 2, 3]) grouper.add('x', n);
    t.advance(10);
    assert.deepEqual(sent, [1, 3]);
    assert.deepEqual(errors, ['x:outbox full']);

    const strict = createStormGrouper<number>({
      windowMs: 10,
      maxSingles: 5,
      timers: t.timers,
      emit: (_c, [n]) => {
        if (n === 1) throw new Error('boom');
        sent.push(n!);
      },
    });
    strict.add('y', 1);
    strict.add('y', 4);
    assert.throws(() => strict.flush(), /boom/);
    assert.deepEqual(sent, [1, 3, 4]);
  });
});
