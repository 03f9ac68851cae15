// Ticket numbers are found inside the text around them and nothing else is taken for one.
// Run: node --import tsx --test web/src/modules/assets/components/record/ticket-ref.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ticketRefParts } from './ticket-ref';

test('a ticket number between Chinese words is its own part', () => {
  assert.deepEqual(ticketRefParts('送修 GZ-20261204-0001 已返回'), [
    { text: '送修 ', ticket: false },
    { text: 'GZ-20261204-0001', ticket: true },
    { text: ' 已返回', ticket: false },
  ]);
  assert.deepEqual(ticketRefParts('GZ-20261204-0001'), [{ text: 'GZ-20261204-0001', ticket: true }]);
  assert.deepEqual(
    ticketRefParts('修复返回GZ-20261204-0002，见IT-20261205-12345')
      .filter((p) => p.ticket)
      .map((p) => p.text),
    ['GZ-20261204-0002', 'IT-20261205-12345'],
  );
});

test('text without a ticket number stays one plain part, markup included', () => {
  assert.deepEqual(ticketRefParts('<img src=x onerror=alert(1)>'), [{ text: '<img src=x onerror=alert(1)>', ticket: false }]);
  assert.deepEqual(ticketRefParts(''), []);
  for (const text of ['gz-20261204-0001', 'GZ-2026124-0001', 'ABCDEFG-20261204-0001', 'XGZ20261204-0001'])
    assert.ok(!ticketRefParts(text).some((p) => p.ticket), text);
});
