// The row above the asset list: one search box for everything (number, name, serial, model, IP,
// MAC, person, department, location, notes), status, the filter drawer, columns and views.
import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSET_STATUSES, type Category } from '@shared/contracts/assets.js';
import type { ListChange, ListState } from '../../../../lib/list-params';
import { ListToolbar } from '../../../../ui/ListToolbar';
import { SearchInput } from '../../../../ui/SearchInput';
import type { SavedView } from '../../api';
import { CategoryPicker } from './CategoryPicker';
import { ColumnChooser } from './ColumnChooser';
import type { ColumnDef } from './columns';
import { FilterDrawer } from './FilterDrawer';
import { countDrawerFilters, parseStatuses } from './list-query';
import { ViewsMenu, type ViewConfig } from './ViewsMenu';

interface AssetListToolbarProps {
  list: { state: ListState; update: (change: ListChange) => void; hasFilters: boolean; clearFilters: () => void };
  defs: Map<string, ColumnDef>;
  columnIds: readonly string[];
  onColumnsChange: (update: (current: readonly string[]) => string[]) => void;
  view: { current: ViewConfig; activeId: number | undefined; apply: (v: SavedView) => void; reset: () => void };
  categories: Map<number, Category>;
  category: Category | undefined;
  /** No category tree beside the list (narrow windows): choose it here. */
  categoryInToolbar: boolean;
  phone: boolean;
  holderName?: string | null;
}

export function AssetListToolbar(props: AssetListToolbarProps) {
  const { list, defs, columnIds, onColumnsChange, view, categories, category, categoryInToolbar, phone, holderName } = props;
  const { t } = useTranslation();
  const { state, update } = list;
  const f = state.filters;
  const [filtering, setFiltering] = useState(false);
  const statuses = parseStatuses(f.status);
  const drawerCount = countDrawerFilters(f) + (phone && f.categoryId ? 1 : 0) + (f.includeDisposed ? 1 : 0);

  return (
    <>
      <ListToolbar hasFilters={list.hasFilters} onClear={list.clearFilters}>
        <SearchInput value={state.q} onSearch={(q) => update({ q })} placeholder={t('assets.list.search')} width={phone ? '100%' : 300} />
        {categoryInToolbar && (
          <CategoryPicker
            value={category?.id ?? null}
            onChange={(id) => update({ filters: { categoryId: id === null ? undefined : String(id), custom: undefined } })}
            placeholder={t('assets.filters.anyCategory')}
            style={{ width: 180 }}
          />
        )}
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('assets.list.filterStatus')}
          value={statuses}
          style={{ minWidth: 170, maxWidth: 320, flex: phone ? 1 : undefined }}
          options={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.status.${s}`) }))}
          onChange={(v: string[]) => update({ filters: { status: v.length ? v.join(',') : undefined } })}
          data-testid="filter-status"
        />
        <Badge count={drawerCount} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setFiltering(true)} data-testid="filters-button">
            {t('assets.filters.button')}
          </Button>
        </Badge>
        {!phone && (
          <ColumnChooser defs={defs} value={columnIds} onChange={onColumnsChange} categoryFields={category?.effectiveFields ?? []} />
        )}
        <ViewsMenu current={view.current} activeId={view.activeId} onApply={view.apply} onReset={view.reset} />
      </ListToolbar>
      <FilterDrawer
        open={filtering}
        onClose={() => setFiltering(false)}
        filters={f}
        onApply={(next) => update({ filters: next })}
        categories={categories}
        showCategory={phone}
        holderName={holderName}
      />
    </>
  );
}
