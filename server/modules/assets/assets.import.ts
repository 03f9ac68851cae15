// Importing a ledger kept in Excel: Chinese headers and Snipe-IT's export headers, categories,
// places, departments and people resolved by code, path or unique name (and created when the
// person allows it), upsert by asset number or serial. New assets are written in batches
// (import-writer.ts); updates go through the service's rules one by one.
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { assetInput, type Asset, type assetPatch, type AssetStatus, type Category } from '../../../shared/contracts/assets.js';
import type { ModuleContext } from '../../core/module.js';
import type { ImportOptionValues, Importer, RowIssue } from '../../core/registries.js';
import type { FieldSpec } from '../../core/tabular/index.js';
import type { Database } from '../../db/database.js';
import { createAssetsService } from './assets.service.js';
import { loadCategories } from './categories.service.js';
import { checkCustomValues } from './custom-fields.js';
import { parseDate, parseMoney, parseStatus, STATUS_LABEL } from './import-values.js';
import { bulkCreate, createMissingRefs } from './import-writer.js';

export const ASSET_FIELDS: FieldSpec[] = [
  {
    key: 'number',
    header: '资产编号',
    aliases: ['编号', '资产编码', '固定资产编号', '资产号', '设备编号', 'asset tag', 'asset_tag', 'tag', 'asset number'],
  },
  { key: 'name', header: '名称', aliases: ['资产名称', '设备名称', '品名', 'name', 'asset name', 'item name'], required: true },
  { key: 'category', header: '分类', aliases: ['资产分类', '类别', '设备类型', '设备类别', '资产类别', 'category', 'type'] },
  { key: 'brand', header: '品牌', aliases: ['厂商', '厂家', '制造商', '生产厂家', 'brand', 'manufacturer', 'make'] },
  { key: 'model', header: '型号', aliases: ['规格型号', '规格', '设备型号', 'model', 'model no.', 'model number', 'model no'] },
  { key: 'serial', header: '序列号', aliases: ['sn', '序列号/sn', '出厂编号', '机身号', 'serial', 'serial number', 'serial no', 's/n'] },
  { key: 'status', header: '状态', aliases: ['使用状态', '资产状态', '设备状态', 'status', 'status label'] },
  {
    key: 'location',
    header: '位置',
    aliases: ['存放地点', '存放位置', '所在位置', '放置地点', '地点', '位置/地点', 'location', 'default location', 'rtd location'],
  },
  { key: 'department', header: '部门', aliases: ['使用部门', '所属部门', '部门名称', '使用单位', 'department', 'dept', 'company'] },
  { key: 'holder', header: '使用人', aliases: ['领用人', '保管人', '责任人', '使用者', 'checked out to', 'assigned to', 'user', 'holder'] },
  {
    key: 'purchaseDate',
    header: '购置日期',
    aliases: ['购买日期', '采购日期', '入库日期', '购入日期', '取得日期', 'purchase date', 'purchased'],
  },
  {
    key: 'price',
    header: '价格',
    aliases: ['金额', '原值', '购置金额', '单价', '价格(元)', '原值(元)', '购置价格', 'purchase cost', 'price', 'cost', 'value'],
  },
  { key: 'supplier', header: '供应商', aliases: ['供货商', '供货单位', '经销商', 'supplier', 'vendor'] },
  {
    key: 'orderNumber',
    header: '订单号',
    aliases: ['发票号', '合同号', '订单/发票号', '采购单号', 'order number', 'order', 'invoice', 'invoice number'],
  },
  {
    key: 'warrantyEnd',
    header: '保修截止',
    aliases: ['保修到期', '保修期至', '保修截止日期', '质保到期', 'warranty expires', 'warranty end', 'warranty expiration'],
  },
  { key: 'lifeMonths', header: '使用年限(月)', aliases: ['使用年限', '折旧年限(月)', '折旧月数', 'life months', 'eol months'] },
  { key: 'residualRate', header: '残值率(%)', aliases: ['残值率', 'residual rate'] },
  { key: 'hostname', header: '主机名', aliases: ['计算机名', '设备名', 'hostname', 'host name', 'computer name'] },
  { key: 'ip', header: 'IP地址', aliases: ['ip', 'ip 地址', '管理ip', 'ip address'] },
  { key: 'mac', header: 'MAC地址', aliases: ['mac', 'mac 地址', '物理地址', 'mac address'] },
  { key: 'notes', header: '备注', aliases: ['说明', '备注信息', 'notes', 'note', 'remark', 'remarks', 'comments'] },
  { key: 'custom', header: '自定义字段', aliases: ['扩展字段', '其他参数', 'custom fields'] },
];

/** Custom values in one cell: 内存=16; CPU=i5-12400 (labels or keys; ；、 also separate). */
export function parseCustomCell(text: string, defs: Category['effectiveFields']): Record<string, string> | 'invalid' {
  const out: Record<string, string> = {};
  for (const part of text.split(/[;；\n]/)) {
    if (!part.trim()) continue;
    const m = /^\s*([^=＝:：]+?)\s*[=＝:：]\s*(.*?)\s*$/.exec(part);
    if (!m) return 'invalid';
    const def = defs.find((d) => d.label === m[1] || d.key === m[1]);
    out[def?.key ?? m[1]!] = m[2]!;
  }
  return out;
}
export function customCellText(values: Asset['custom'], defs: Category['effectiveFields']): string {
  return Object.entries(values)
    .map(([k, v]) => `${defs.find((d) => d.key === k)?.label ?? k}=${Array.isArray(v) ? v.join('、') : String(v ?? '')}`)
    .join('; ');
}

export type Ref = { id: number } | { create: string };
export interface AssetValue {
  id: number | null;
  input: z.output<typeof assetInput>;
  refs: { category: Ref; location: Ref | null; department: Ref | null; holder: Ref | null };
  shown: Record<string, string>;
  present: Set<string>;
}

/** Resolves typed names to ids: code, full path ('教学楼/三楼/301'), or a name only one has. */
function treeResolver(rows: { id: number; name: string; code: string | null; parent_id: number | null }[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path = (id: number, depth = 0): string => {
    const r = byId.get(id)!;
    return r.parent_id !== null && byId.has(r.parent_id) && depth < 50 ? `${path(r.parent_id, depth + 1)}/${r.name}` : r.name;
  };
  const byPath = new Map(rows.map((r) => [path(r.id), r.id]));
  const byCode = new Map(rows.filter((r) => r.code).map((r) => [r.code!.toLowerCase(), r.id]));
  const byName = new Map<string, number[]>();
  for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
  return (raw: string): number | 'not_found' | 'ambiguous' => {
    const text = raw.trim();
    const p = text
      .split(/\s*[/\\>]\s*/)
      .filter(Boolean)
      .join('/');
    const hit = byCode.get(text.toLowerCase()) ?? byPath.get(p);
    if (hit) return hit;
    const named = byName.get(text) ?? [];
    return named.length === 1 ? named[0]! : named.length > 1 ? 'ambiguous' : 'not_found';
  };
}

async function personResolver(db: Kysely<Database>) {
  const people = await db.selectFrom('people').select(['id', 'name', 'number']).execute();
  const byNumber = new Map(people.filter((p) => p.number).map((p) => [p.number!, p.id]));
  const byName = new Map<string, number[]>();
  for (const p of people) byName.set(p.name, [...(byName.get(p.name) ?? []), p.id]);
  return (raw: string): number | 'not_found' | 'ambiguous' => {
    const text = raw.trim();
    // '张伟(T001)' as exports write a name that two people share.
    const m = /^(.+?)\s*[(（]\s*([^()（）]+)\s*[)）]$/.exec(text);
    const number = m?.[2] ?? text;
    const byNo = byNumber.get(number);
    if (byNo) return byNo;
    const named = byName.get(m?.[1] ?? text) ?? [];
    return named.length === 1 ? named[0]! : named.length > 1 ? 'ambiguous' : 'not_found';
  };
}

export function assetsImporter(ctx: ModuleContext): Importer<AssetValue> {
  const service = createAssetsService(ctx);
  return {
    kind: 'assets',
    permission: 'assets:write',
    fields: ASSET_FIELDS,
    maxRows: 100_000,
    options: [
      { key: 'createMissing', kind: 'boolean', default: false },
      { key: 'matchBy', kind: 'choice', choices: ['number', 'serial'], default: 'number' },
    ],
    example: {
      number: 'IT-2026-00001',
      name: '联想启天M428台式机',
      category: '台式机',
      brand: '联想',
      model: '启天M428',
      serial: 'PF2ABCDE',
      status: '在用',
      location: '行政楼/三楼/301',
      department: '财务处',
      holder: '张伟',
      purchaseDate: '2024-03-15',
      price: '5600.00',
      supplier: '星河科技有限公司',
      orderNumber: 'CG-2024-031',
      warrantyEnd: '2027-03-14',
      lifeMonths: '60',
      residualRate: '5',
      hostname: 'CW-301-01',
      ip: '10.0.3.101',
      mac: '00:1A:2B:3C:4D:5E',
      notes: '',
      custom: 'CPU=i5-12400; 内存=16',
    },

    async prepare(db, _actor, rows, options: ImportOptionValues) {
      const createMissing = options.createMissing === true;
      const matchBy = options.matchBy === 'serial' ? 'serial' : 'number';
      const issues: (RowIssue & { row: number })[] = [];
      const out: { rowNumber: number; value: AssetValue; action: 'create' | 'update' }[] = [];
      const categories = await loadCategories(db);
      const catRows = [...categories.values()].map((c) => ({ id: c.id, name: c.name, code: c.code, parent_id: c.parentId }));
      const resolveCategory = treeResolver(catRows);
      const resolveLocation = treeResolver(await db.selectFrom('locations').select(['id', 'name', 'code', 'parent_id']).execute());
      const resolveDepartment = treeResolver(await db.selectFrom('departments').select(['id', 'name', 'code', 'parent_id']).execute());
      const resolvePerson = await personResolver(db);
      const existing = new Map<string, { id: number; status: string }>();
      const keys = rows.map((r) => r.values[matchBy]?.trim()).filter((k): k is string => !!k);
      for (let i = 0; i < keys.length; i += 500) {
        const column = matchBy === 'serial' ? 'serial' : 'number';
        for (const a of await db
          .selectFrom('assets')
          .select(['id', 'status', column])
          .where(column, 'in', keys.slice(i, i + 500))
          .execute())
          existing.set((a as Record<string, unknown>)[column] as string, { id: a.id, status: a.status });
      }
      const seen = new Set<string>();
      const seenNumbers = new Set<string>();
      const fallbackCategory = [...categories.values()].find((c) => c.code === 'OTH') ?? [...categories.values()][0];

      for (const { rowNumber, values } of rows) {
        const rowIssues: RowIssue[] = [];
        const v = (k: string) => values[k]?.trim() ?? '';
        const issue = (field: string, reason: string) => rowIssues.push({ field, reason, value: values[field] });
        const ref = (field: string, text: string, resolve: (t: string) => number | 'not_found' | 'ambiguous'): Ref | null => {
          if (!text) return null;
          const hit = resolve(text);
          if (typeof hit === 'number') return { id: hit };
          if (hit === 'not_found' && createMissing) return { create: text };
          issue(field, hit);
          return null;
        };
        const category = v('category')
          ? ref('category', v('category'), resolveCategory)
          : fallbackCategory
            ? { id: fallbackCategory.id }
            : null;
        if (!category && !rowIssues.length) issue('category', 'required');
        const location = ref('location', v('location'), resolveLocation);
        const department = ref('department', v('department'), resolveDepartment);
        const holder = ref('holder', v('holder'), resolvePerson);
        const status = parseStatus(v('status'));
        if (status === 'invalid') issue('status', 'invalid_value');
        const purchaseDate = parseDate(v('purchaseDate'));
        if (purchaseDate === 'invalid') issue('purchaseDate', 'invalid_date');
        const warrantyEnd = parseDate(v('warrantyEnd'));
        if (warrantyEnd === 'invalid') issue('warrantyEnd', 'invalid_date');
        const price = parseMoney(v('price'));
        if (price === 'invalid') issue('price', 'invalid_value');
        const num = (k: string) => (v(k) === '' ? null : Number(v(k).replace(/%$/, '')));
        const defs = category && 'id' in category ? (categories.get(category.id)?.effectiveFields ?? []) : [];
        let custom: Record<string, string | number | string[] | null> = {};
        if (v('custom')) {
          const parsed = parseCustomCell(v('custom'), defs);
          if (parsed === 'invalid') issue('custom', 'invalid_format');
          else {
            const checked = checkCustomValues(defs, parsed);
            if (checked.issues.length)
              for (const i of checked.issues) rowIssues.push({ field: 'custom', reason: i.reason, value: `${i.key}` });
            custom = checked.values;
          }
        }
        const key = v(matchBy);
        const match = key ? existing.get(key) : undefined;
        const parsed = assetInput.safeParse({
          number: matchBy === 'number' ? key : v('number'),
          name: v('name'),
          categoryId: category && 'id' in category ? category.id : 1,
          brand: v('brand'),
          model: v('model'),
          serial: v('serial') || null,
          status: status && status !== 'invalid' ? status : holder ? 'in_use' : 'in_stock',
          statusReason: status === 'retired' || status === 'disposed' ? '导入时的状态' : '',
          purchaseDate: typeof purchaseDate === 'string' && purchaseDate !== 'invalid' ? purchaseDate : null,
          priceFen: typeof price === 'number' ? price : null,
          supplier: v('supplier'),
          orderNumber: v('orderNumber'),
          warrantyEnd: typeof warrantyEnd === 'string' && warrantyEnd !== 'invalid' ? warrantyEnd : null,
          lifeMonths: num('lifeMonths'),
          residualRate: num('residualRate'),
          hostname: v('hostname'),
          ip: v('ip'),
          mac: v('mac'),
          notes: values.notes ?? '',
          custom,
        });
        if (!parsed.success)
          for (const i of parsed.error.issues) {
            const field = String(i.path[0] ?? '');
            const sheetKey = field === 'priceFen' ? 'price' : field === 'categoryId' ? 'category' : field;
            rowIssues.push({ field: sheetKey, reason: /^[a-z_]+$/.test(i.message) ? i.message : i.code, value: values[sheetKey] });
          }
        if (key) {
          if (seen.has(key)) issue(matchBy, 'duplicate_in_file');
          seen.add(key);
        }
        const number = v('number');
        if (number && matchBy === 'serial') {
          if (seenNumbers.has(number)) issue('number', 'duplicate_in_file');
          seenNumbers.add(number);
        }
        if (match?.status === 'disposed') issue(matchBy, 'disposed');
        if (rowIssues.length || !parsed.success || !category) {
          issues.push(...rowIssues.map((i) => ({ ...i, row: rowNumber })));
          continue;
        }
        const shown: Record<string, string> = {};
        for (const k of ['category', 'location', 'department', 'holder']) if (v(k)) shown[k] = v(k);
        out.push({
          rowNumber,
          value: {
            id: match?.id ?? null,
            input: parsed.data,
            refs: { category, location, department, holder },
            shown,
            present: new Set(Object.keys(values)),
          },
          action: match ? 'update' : 'create',
        });
      }
      return { rows: out, issues };
    },

    async commit(db, actor, rows, progress) {
      const ids = await createMissingRefs(
        db,
        actor,
        ctx,
        rows.map((r) => r.value),
      );
      const resolve = (r: Ref | null) => (r === null ? null : 'id' in r ? r.id : ids.get(r.create)!);
      const creates = rows.filter((r) => r.value.id === null);
      const updates = rows.filter((r) => r.value.id !== null);
      let done = 0;
      await bulkCreate(
        db,
        actor,
        ctx,
        creates.map((r) => ({
          ...r.value.input,
          categoryId: resolve(r.value.refs.category)!,
          locationId: resolve(r.value.refs.location),
          departmentId: resolve(r.value.refs.department),
          holderPersonId: resolve(r.value.refs.holder),
        })),
        async (n) => {
          done += n;
          await progress(done);
        },
      );
      for (const { value } of updates) {
        const d = value.input;
        const has = (k: string) => value.present.has(k);
        const patch: z.output<typeof assetPatch> = {
          name: d.name,
          ...(has('number') && d.number ? { number: d.number } : {}),
          ...(has('category') ? { categoryId: resolve(value.refs.category)! } : {}),
          ...(has('brand') ? { brand: d.brand } : {}),
          ...(has('model') ? { model: d.model } : {}),
          ...(has('serial') ? { serial: d.serial } : {}),
          ...(has('location') ? { locationId: resolve(value.refs.location) } : {}),
          ...(has('department') ? { departmentId: resolve(value.refs.department) } : {}),
          ...(has('holder') ? { holderPersonId: resolve(value.refs.holder) } : {}),
          ...(has('purchaseDate') ? { purchaseDate: d.purchaseDate } : {}),
          ...(has('price') ? { priceFen: d.priceFen } : {}),
          ...(has('supplier') ? { supplier: d.supplier } : {}),
          ...(has('orderNumber') ? { orderNumber: d.orderNumber } : {}),
          ...(has('warrantyEnd') ? { warrantyEnd: d.warrantyEnd } : {}),
          ...(has('lifeMonths') ? { lifeMonths: d.lifeMonths } : {}),
          ...(has('residualRate') ? { residualRate: d.residualRate } : {}),
          ...(has('hostname') ? { hostname: d.hostname } : {}),
          ...(has('ip') ? { ip: d.ip } : {}),
          ...(has('mac') ? { mac: d.mac } : {}),
          ...(has('notes') ? { notes: d.notes } : {}),
          ...(has('custom') ? { custom: d.custom } : {}),
        };
        const before = await service.getIn(db, value.id!);
        await service.updateIn(db, actor, value.id!, patch, 'imported');
        if (has('status') && d.status !== before.status)
          await service.changeStatusIn(db, actor, value.id!, d.status as AssetStatus, d.statusReason || '导入');
        await progress(++done);
      }
      return { created: creates.length, updated: updates.length };
    },

    sample: ({ input, shown }) => {
      const { categoryId: _c, locationId: _l, departmentId: _d, holderPersonId: _h, custom, ...rest } = input;
      return {
        ...rest,
        ...shown,
        status: STATUS_LABEL[input.status],
        ...(Object.keys(custom).length ? { custom: JSON.stringify(custom) } : {}),
      };
    },
  };
}
