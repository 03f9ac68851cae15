// The audit page's vocabulary keeps up with the server: every entity type and action written as
// a literal in an audit entry (entityType: 'ticket', action: internal ? 'note' : 'comment') is in
// the lists, so the page's filters offer it and the locale test makes sure it is translated.
// Run: node --import tsx --test web/src/modules/system/audit-vocabulary.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from './audit-vocabulary.js';

const serverDir = fileURLToPath(new URL('../../../../server', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Literals of `key: ...` up to the end of the value; of a ternary, both outcomes (not its condition). */
function written(key: string): Map<string, string> {
  const found = new Map<string, string>();
  const property = new RegExp(`\\b${key}:\\s*([^,\\n}]+)`, 'g');
  for (const file of sources(serverDir)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('audit.record')) continue;
    for (const m of text.matchAll(property)) {
      const value = m[1]!.includes('?') ? m[1]!.slice(m[1]!.indexOf('?')) : m[1]!;
      for (const literal of value.matchAll(/'([a-z][a-z_]*)'/g)) found.set(literal[1]!, file.slice(serverDir.length + 1));
    }
  }
  return found;
}

test('every audited entity type is in the vocabulary', () => {
  const found = written('entityType');
  assert.ok(found.has('ticket') && found.has('kb_article') && found.has('vendor'), 'the scan finds the modules');
  const missing = [...found].filter(([e]) => !AUDIT_ENTITY_TYPES.includes(e)).map(([e, file]) => `${e} (${file})`);
  assert.deepEqual(missing, []);
});

test('every audited action is in the vocabulary', () => {
  const found = written('action');
  assert.ok(found.has('note') && found.has('comment'), 'both sides of a conditional action are read');
  const missing = [...found].filter(([a]) => !AUDIT_ACTIONS.includes(a)).map(([a, file]) => `${a} (${file})`);
  assert.deepEqual(missing, []);
});
