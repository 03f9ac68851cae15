// Keeps the two locale files complete: every key in both files, every literal t('key') used in
// the web code present in both, and every key family built at run time (t(`roles.${r}`)) covered
// for each value the code can produce.
// Run: node --import tsx --test web/src/lib/locales.test.ts
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCATION_KINDS, PERSON_KINDS, PERSON_STATUSES } from '../../../shared/contracts/org.js';
import { PERMISSIONS, ROLES } from '../../../shared/lib/access.js';
import { NAV_GROUPS } from '../app/route-types.js';
import { mergeLocales } from './locale-merge.js';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../modules/system/audit-vocabulary.js';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = ['zh-CN', 'en'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const readTree = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
/** Folders with module strings: modules/<name>/locales/ and any part folders below it. */
const moduleLocaleDirs = readdirSync(join(srcDir, 'modules'))
  .map((m) => join(srcDir, 'modules', m, 'locales'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => [
    dir,
    ...readdirSync(dir)
      .map((p) => join(dir, p))
      .filter((p) => statSync(p).isDirectory()),
  ])
  .filter((dir) => existsSync(join(dir, 'zh-CN.json')) || existsSync(join(dir, 'en.json')) || existsSync(join(dir, 'families.ts')));

const locales = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    flatten(
      mergeLocales(
        readTree(join(srcDir, 'locales', `${l}.json`)),
        ...moduleLocaleDirs.filter((dir) => existsSync(join(dir, `${l}.json`))).map((dir) => readTree(join(dir, `${l}.json`))),
      ) as Tree,
    ),
  ]),
) as Record<(typeof LOCALES)[number], Map<string, string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Literal keys: t('a.b'), i18n.t("a.b"), and route descriptors' labelKey: 'a.b'. */
function usedKeys(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [/\bt\(\s*(['"])([A-Za-z0-9_.:-]+)\1/g, /\blabelKey:\s*(['"])([A-Za-z0-9_.:-]+)\1/g];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.set(m[2]!, file.slice(srcDir.length));
  }
  return found;
}

/**
 * Key families whose last part comes from a list in the code. A module adds its own in
 * modules/<name>/locales/families.ts (`export const FAMILIES = { 'assets.status.': [...] }`).
 */
const moduleFamilies = await Promise.all(
  moduleLocaleDirs
    .filter((dir) => existsSync(join(dir, 'families.ts')))
    .map(async (dir) => ((await import(join(dir, 'families.ts'))) as { FAMILIES: Record<string, readonly string[]> }).FAMILIES),
);
const FAMILIES: Record<string, readonly string[]> = {
  ...Object.assign({}, ...moduleFamilies),
  'roles.': ROLES,
  'permissions.': PERMISSIONS,
  'org.personKind.': PERSON_KINDS,
  'org.personStatus.': PERSON_STATUSES,
  'org.locationKind.': LOCATION_KINDS,
  'nav.groups.': NAV_GROUPS,
  'account.tokens.state.': ['active', 'expired', 'revoked'],
  'password.': ['too_short', 'too_long', 'needs_letter_and_digit', 'contains_login'],
  'audit.actions.': AUDIT_ACTIONS,
  'audit.entities.': AUDIT_ENTITY_TYPES,
  // Field labels of the import wizard: the importers' field keys (server/modules/org/org.spreadsheets.ts).
  'fields.people.': ['name', 'number', 'kind', 'department', 'phone', 'email', 'position', 'status', 'notes'],
  'fields.departments.': ['name', 'code', 'parent', 'head', 'sortOrder', 'notes'],
};

test('both locale files have the same keys', () => {
  const [a, b] = LOCALES;
  const onlyA = [...locales[a].keys()].filter((k) => !locales[b].has(k));
  const onlyB = [...locales[b].keys()].filter((k) => !locales[a].has(k));
  assert.deepEqual(onlyA, [], `keys in ${a}.json missing from ${b}.json`);
  assert.deepEqual(onlyB, [], `keys in ${b}.json missing from ${a}.json`);
});

test('no translation is empty', () => {
  for (const l of LOCALES) {
    const empty = [...locales[l]].filter(([, v]) => v.trim() === '').map(([k]) => k);
    assert.deepEqual(empty, [], `empty strings in ${l}.json`);
  }
});

test('every key used in the code exists in every locale', () => {
  const used = usedKeys();
  assert.ok(used.size > 50, `expected to find many t('...') calls, found ${used.size}`);
  for (const l of LOCALES) {
    const missing = [...used].filter(([k]) => !locales[l].has(k)).map(([k, file]) => `${k} (${file})`);
    assert.deepEqual(missing, [], `keys used in code but missing from ${l}.json`);
  }
});

test('every key built at run time from a known list exists in every locale', () => {
  for (const l of LOCALES) {
    const missing = Object.entries(FAMILIES).flatMap(([prefix, values]) => values.map((v) => prefix + v).filter((k) => !locales[l].has(k)));
    assert.deepEqual(missing, [], `run-time keys missing from ${l}.json`);
  }
});

test('placeholders match between the languages', () => {
  const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  const [a, b] = LOCALES;
  const differ = [...locales[a]]
    .filter(([k, v]) => locales[b].has(k) && JSON.stringify(names(v)) !== JSON.stringify(names(locales[b].get(k)!)))
    .map(([k]) => k);
  assert.deepEqual(differ, [], 'keys whose {{placeholders}} differ between languages');
});
