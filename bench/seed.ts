// Seeds a realistic organisation directory fast: bulk multi-row inserts in transactions of about
// a thousand rows, with the search structures (search_text, <table>_grams, and <table>_fts on
// SQLite) computed by the same helpers the app's writeSearchIndex uses, so the data is identical.
import { sortKey } from '../server/core/sort-key.js';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/database.js';
import { dialectOf, normaliseSearch, writeSearchIndex, writeSearchIndexBulk } from '../server/db/dialect.js';
import { personSearchText } from '../server/modules/org/people.repository.js';

/** Small seeded PRNG (mulberry32): the same data on every run and on both databases. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOP = [
  '信息中心',
  '网络中心',
  '教务处',
  '财务处',
  '人事处',
  '后勤管理处',
  '图书馆',
  '保卫处',
  '学生工作处',
  '科研处',
  '计算机学院',
  '电子信息学院',
  '机械工程学院',
  '经济管理学院',
  '外国语学院',
  '艺术设计学院',
  '土木工程学院',
  '数学与统计学院',
  '继续教育学院',
  '附属医院',
];
const UNIT = ['综合办公室', '网络运维科', '系统管理科', '信息安全科', '教研室', '实验室', '服务大厅', '机房', '档案室', '项目组'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
// Commonest surnames first; picked with a skew so that 王/李/张 dominate as they do in life.
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '志强',
  '海燕',
  '晓东',
  '文博',
  '子涵',
  '雨欣',
  '浩然',
  '思远',
  '嘉怡',
  '俊杰',
  '欣怡',
  '梓轩',
  '一鸣',
  '佳琪',
  '宇航',
  '晨曦',
];
const POSITIONS = [
  '工程师',
  '网络工程师',
  '系统管理员',
  '高级工程师',
  '助理工程师',
  '科员',
  '主任',
  '副主任',
  '教师',
  '讲师',
  '副教授',
  '教授',
  '实验员',
  '技术员',
  '辅导员',
  '运维工程师',
  '会计',
  '馆员',
];
const DUTIES = ['机房巡检', '打印机维护', '网络设备管理', '弱电布线', '资产盘点', '值班', '服务器维护', '监控系统', '一卡通', '门户网站'];

export interface SeedResult {
  topDepartmentIds: number[];
  personIds: number[];
  departments: number;
  people: number;
  grams: number;
}

/** The grams and side-table rows of freshly inserted rows, through the app's own bulk writer. */
const bulkSearchIndex = (trx: Kysely<Database>, table: 'people' | 'departments', items: { id: number; text: string }[]) =>
  writeSearchIndexBulk(trx, table, items);

/**
 * PostgreSQL updates GIN and other secondary indexes row by row during a bulk load; dropping them
 * first and building each once afterwards is many times faster and gives the same indexes (their
 * definitions are read back, not restated). SQLite: nothing to do. Returns the rebuild step.
 */
export async function dropIndexesForLoad(db: Kysely<Database>, names: string[]): Promise<() => Promise<void>> {
  if (dialectOf(db) !== 'postgres') return async () => {};
  const defs = (await sql<{ indexdef: string }>`select indexdef from pg_indexes where indexname in (${sql.join(names)})`.execute(db)).rows;
  for (const name of names) await sql`drop index if exists ${sql.ref(name)}`.execute(db);
  return async () => {
    for (const d of defs) await sql.raw(d.indexdef).execute(db);
  };
}

/** One row's text in its search side table (<table>_fts), for the checks below. */
export async function searchBody(db: Kysely<Database>, table: string, id: number): Promise<string | undefined> {
  const key = sql.raw(dialectOf(db) === 'sqlite' ? 'rowid' : 'id');
  return (await sql<{ body: string }>`select body from ${sql.table(`${table}_fts`)} where ${key} = ${id}`.execute(db)).rows[0]?.body;
}

export async function seedOrganisation(
  db: Kysely<Database>,
  opts = { tops: 20, childrenPerTop: 99, people: 100_000, seed: 2026 },
): Promise<SeedResult> {
  const rnd = prng(opts.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const now = Date.now();
  let grams = 0;

  // ---- departments: ~20 top departments with ~100 children each ----
  const tops = TOP.slice(0, opts.tops).map((name, i) => ({
    name,
    code: `D${String(i + 1).padStart(2, '0')}`,
    parent_id: null,
    head_person_id: null,
    sort_order: i,
    notes: '',
    created_at: now,
    updated_at: now,
  }));
  const leaves: { id: number; top: string }[] = [];
  const topIds: number[] = [];
  await db.transaction().execute(async (trx) => {
    const withText = tops.map((d) => ({
      ...d,
      name_sort: sortKey(d.name),
      search_text: normaliseSearch([d.name, d.code, d.notes].join(' ')),
    }));
    const rows = await trx.insertInto('departments').values(withText).returning(['id', 'code']).execute();
    const byCode = new Map(withText.map((d) => [d.code, d]));
    grams += await bulkSearchIndex(
      trx,
      'departments',
      rows.map((r) => ({ id: r.id, text: byCode.get(r.code!)!.search_text })),
    );
    for (const r of rows) {
      topIds.push(r.id);
      leaves.push({ id: r.id, top: byCode.get(r.code!)!.name });
    }
  });
  for (const [t, topId] of topIds.entries()) {
    const topName = tops[t]!.name;
    const children = Array.from({ length: opts.childrenPerTop }, (_, j) => {
      const name = `${UNIT[j % UNIT.length]}${CN_NUM[Math.floor(j / UNIT.length) % CN_NUM.length]}组`;
      const code = `${tops[t]!.code}-${String(j + 1).padStart(3, '0')}`;
      return {
        name,
        code,
        parent_id: topId,
        head_person_id: null,
        sort_order: j,
        notes: `${topName}下属`,
        created_at: now,
        updated_at: now,
      };
    });
    await db.transaction().execute(async (trx) => {
      const withText = children.map((d) => ({
        ...d,
        name_sort: sortKey(d.name),
        search_text: normaliseSearch([d.name, d.code, d.notes].join(' ')),
      }));
      const rows = await trx.insertInto('departments').values(withText).returning(['id', 'code']).execute();
      const byCode = new Map(withText.map((d) => [d.code, d.search_text]));
      grams += await bulkSearchIndex(
        trx,
        'departments',
        rows.map((r) => ({ id: r.id, text: byCode.get(r.code!)! })),
      );
      for (const r of rows) leaves.push({ id: r.id, top: topName });
    });
  }

  // ---- people, spread over every department ----
  const personIds: number[] = [];
  for (let start = 0; start < opts.people; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, opts.people - start) }, (_, k) => {
      const i = start + k;
      const dept = pick(leaves);
      const student = rnd() < 0.3;
      const name = SURNAMES[Math.floor(SURNAMES.length * rnd() ** 2.5)]! + pick(GIVEN);
      const notes = rnd() < 0.4 ? `负责${dept.top}${pick(DUTIES)}` : '';
      return {
        name,
        number: student ? `S2024${String(i).padStart(6, '0')}` : `E${String(i).padStart(6, '0')}`,
        kind: student ? 'student' : 'employee',
        department_id: dept.id,
        phone: `1${3 + Math.floor(rnd() * 7)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
        email: `u${i}@example.edu.cn`,
        position: student ? '学生' : pick(POSITIONS),
        status: student ? (rnd() < 0.8 ? 'studying' : 'graduated') : rnd() < 0.9 ? 'active' : 'left',
        notes,
        created_at: now - Math.floor(rnd() * 3e10),
        updated_at: now,
      };
    });
    await db.transaction().execute(async (trx) => {
      const withText = batch.map((p) => ({ ...p, name_sort: sortKey(p.name), search_text: normaliseSearch(personSearchText(p)) }));
      const rows = await trx.insertInto('people').values(withText).returning(['id', 'number']).execute();
      const textOf = new Map(withText.map((p) => [p.number, p.search_text]));
      grams += await bulkSearchIndex(
        trx,
        'people',
        rows.map((r) => ({ id: r.id, text: textOf.get(r.number!)! })),
      );
      for (const r of rows) personIds.push(r.id);
    });
  }
  return { topDepartmentIds: topIds, personIds, departments: leaves.length, people: personIds.length, grams };
}

/**
 * Rewrites a few people's search structures with the app's own writeSearchIndex and checks that
 * nothing changed: the bulk path above must stay identical to what the app writes.
 */
export async function verifySearchIndex(db: Kysely<Database>, ids: number[]): Promise<string[]> {
  const problems: string[] = [];
  const snapshot = async (trx: Kysely<Database>, id: number) => {
    const p = await trx.selectFrom('people').select('search_text').where('id', '=', id).executeTakeFirstOrThrow();
    const g = await trx.selectFrom('people_grams').select('gram').where('id', '=', id).orderBy('gram').execute();
    const fts = await searchBody(trx, 'people', id);
    return JSON.stringify([p.search_text, g.map((x) => x.gram), fts]);
  };
  for (const id of ids) {
    await db.transaction().execute(async (trx) => {
      const before = await snapshot(trx, id);
      const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      await writeSearchIndex(trx, 'people', id, personSearchText(row));
      const after = await snapshot(trx, id);
      if (before !== after) problems.push(`person ${id}: bulk ${before} != app ${after}`);
    });
  }
  return problems;
}
