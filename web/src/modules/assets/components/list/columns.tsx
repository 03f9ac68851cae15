// Every column the asset list can show: the built-in ones and one per custom field key. The
// page keeps the chosen ids (in order) in the URL; sortable columns carry the server's sort name.
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Asset, Category, CustomFieldDef } from '@shared/contracts/assets.js';
import { useFormat } from '../../../../lib/format';
import { AssetStatusTag } from './AssetStatusTag';
import { formatYuan } from './money';
import { ASSET_COLUMNS, DEFAULT_COLUMNS } from './vocabulary';

export interface ColumnDef {
  id: string;
  title: string;
  /** The server's sort name (assetSort) when the column can be sorted. */
  sort?: string;
  render: (a: Asset) => ReactNode;
  align?: 'right';
  /** Custom field columns: the category fields they come from. */
  custom?: CustomFieldDef;
}

export const CUSTOM_PREFIX = 'custom.';

function customText(def: CustomFieldDef, value: Asset['custom'][string] | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join('、');
  return def.type === 'number' && def.unit ? `${value} ${def.unit}` : String(value);
}

/** Custom fields of every category by key (the first label wins when two categories share a key). */
function customDefs(categories: readonly Category[] | undefined): Map<string, CustomFieldDef> {
  const out = new Map<string, CustomFieldDef>();
  for (const c of categories ?? []) for (const f of c.fields) if (!out.has(f.key)) out.set(f.key, f);
  return out;
}

export function useColumnDefs(categories: readonly Category[] | undefined): Map<string, ColumnDef> {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  return useMemo(() => {
    const title = (id: string) => t(`assets.fields.${id}`);
    const text = (v: string | null) => v ?? '';
    const builtIn: Record<(typeof ASSET_COLUMNS)[number], Omit<ColumnDef, 'id' | 'title'>> = {
      number: {
        sort: 'number',
        render: (a) => (
          <Link to={`/assets/${a.id}`} data-testid="asset-link">
            {a.number}
          </Link>
        ),
      },
      name: { sort: 'name', render: (a) => a.name },
      category: { render: (a) => a.categoryName },
      brandModel: {
        sort: 'brand',
        render: (a) => [a.brand, a.model].filter(Boolean).join(' '),
      },
      status: {
        sort: 'status',
        render: (a) => (
          <span title={a.statusReason || undefined}>
            <AssetStatusTag status={a.status} />
          </span>
        ),
      },
      location: { render: (a) => text(a.locationName) },
      department: { render: (a) => text(a.departmentName) },
      holder: { render: (a) => text(a.holderName) },
      purchaseDate: { sort: 'purchaseDate', render: (a) => text(a.purchaseDate) },
      price: { sort: 'price', align: 'right', render: (a) => formatYuan(a.priceFen, lang) },
      netValue: { align: 'right', render: (a) => formatYuan(a.netValueFen, lang) },
      serial: { render: (a) => text(a.serial) },
      brand: { sort: 'brand', render: (a) => a.brand },
      model: { sort: 'model', render: (a) => a.model },
      supplier: { render: (a) => a.supplier },
      orderNumber: { render: (a) => a.orderNumber },
      warrantyEnd: { sort: 'warrantyEnd', render: (a) => text(a.warrantyEnd) },
      lifeMonths: { align: 'right', render: (a) => (a.lifeMonths === null ? '' : t('assets.list.monthsValue', { n: a.lifeMonths })) },
      residualRate: { align: 'right', render: (a) => (a.residualRate === null ? '' : `${a.residualRate}%`) },
      hostname: { render: (a) => a.hostname },
      ip: { render: (a) => <Typography.Text code={!!a.ip}>{a.ip}</Typography.Text> },
      mac: { render: (a) => a.mac },
      notes: {
        render: (a) => (
          <Typography.Text ellipsis={{ tooltip: a.notes }} style={{ maxWidth: 240 }}>
            {a.notes}
          </Typography.Text>
        ),
      },
      createdAt: { sort: 'createdAt', render: (a) => fmt.dateTime(a.createdAt) },
      updatedAt: { sort: 'updatedAt', render: (a) => fmt.dateTime(a.updatedAt) },
    };
    const defs = new Map<string, ColumnDef>();
    for (const id of ASSET_COLUMNS) defs.set(id, { id, title: title(id), ...builtIn[id] });
    for (const [key, def] of customDefs(categories)) {
      const id = CUSTOM_PREFIX + key;
      defs.set(id, {
        id,
        title: def.unit ? `${def.label}（${def.unit}）` : def.label,
        custom: def,
        render: (a) => customText({ ...def, unit: '' }, a.custom[key]),
        align: def.type === 'number' ? 'right' : undefined,
      });
    }
    return defs;
  }, [t, fmt, lang, categories]);
}

/** The chosen column ids from the URL parameter (unknown ids dropped; none = the defaults). */
export function parseColumns(param: string | null, defs: Map<string, ColumnDef>): string[] {
  const ids = (param ?? '').split(',').filter((id) => id && (defs.has(id) || id.startsWith(CUSTOM_PREFIX)));
  const unique = [...new Set(ids)];
  return unique.length ? unique : [...DEFAULT_COLUMNS];
}

/** antd columns for the chosen ids; a sortable column's key is its sort name (DataTable's rule). */
export function tableColumns(ids: readonly string[], defs: Map<string, ColumnDef>): ColumnsType<Asset> {
  const sortsUsed = new Set<string>();
  return ids.flatMap((id) => {
    const def = defs.get(id);
    if (!def) return [];
    // Two columns on one sort (品牌型号 and 品牌): the first one sorts, keys stay unique.
    const sort = def.sort && !sortsUsed.has(def.sort) ? def.sort : undefined;
    if (sort) sortsUsed.add(sort);
    return [
      {
        key: sort ?? def.id,
        title: def.title,
        sorter: sort !== undefined,
        align: def.align,
        fixed: id === 'number' ? ('left' as const) : undefined,
        render: (_: unknown, a: Asset) => def.render(a),
      },
    ];
  });
}
