// 资产台账: the ledger list. The server searches, filters, sorts and pages; the whole list state
// (filters, sort, page, columns) lives in the URL, so a link or a saved view reproduces it.
// Category tree on the left on wide screens; cards instead of the table on a phone.
import { EditOutlined, PlusOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Col, Grid, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Asset } from '@shared/contracts/assets.js';
import { useListParams } from '../../../lib/list-params';
import { useCan } from '../../../lib/session';
import { DataTable } from '../../../ui/DataTable';
import { EmptyState } from '../../../ui/EmptyState';
import { ExportButton } from '../../../ui/ExportButton';
import { ImportWizard } from '../../../ui/import-wizard/ImportWizard';
import { PageHeader } from '../../../ui/PageHeader';
import { TreePanel } from '../../../ui/TreePanel';
import { useAssets, useCategories, useRefreshAssets } from '../api';
import { AssetCards } from '../components/list/AssetCards';
import { AssetFormDrawer } from '../components/list/AssetFormDrawer';
import { AssetListToolbar } from '../components/list/AssetListToolbar';
import { BulkActionBar } from '../components/list/BulkActionBar';
import { categoryNodes } from '../components/list/CategoryPicker';
import { parseColumns, tableColumns, useColumnDefs } from '../components/list/columns';
import { LabelPrintDialog } from '../components/list/LabelPrintDialog';
import { ASSET_FILTERS, toApiFilters } from '../components/list/list-query';
import { subtreeCounts } from '../components/list/category-tree';
import { useListColumns } from '../components/list/use-list-columns';

export default function AssetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('assets:write');
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const wide = screens.lg !== false;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const list = useListParams(ASSET_FILTERS);
  const { state, update } = list;
  const f = state.filters;
  const categories = useCategories();
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const categoryId = f.categoryId ? Number(f.categoryId) : undefined;
  const category = categoryId !== undefined ? byId.get(categoryId) : undefined;

  // The filters, shared by the list, the export and the label sheet (no paging or sorting).
  const filters = toApiFilters(state.q, f);
  const assets = useAssets({
    ...filters,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.sort ? state.order : undefined,
  });
  const refresh = useRefreshAssets();

  const defs = useColumnDefs(categories.data);
  const columnIds = parseColumns(params.get('cols'), defs);
  const { setColumns, view } = useListColumns(columnIds);
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [labels, setLabels] = useState<'selected' | 'filtered' | null>(null);
  const counts = useMemo(() => subtreeCounts(categories.data ?? []), [categories.data]);

  const columns: ColumnsType<Asset> = tableColumns(columnIds, defs);
  if (writable)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, a) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} data-testid="edit-button">
          {t('common.edit')}
        </Button>
      ),
    });

  const empty = list.hasFilters ? (
    <EmptyState description={t('assets.list.noMatch')} actions={<Button onClick={list.clearFilters}>{t('common.clearFilters')}</Button>} />
  ) : (
    <EmptyState
      description={writable ? t('assets.list.empty') : t('assets.list.emptyReadOnly')}
      actions={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('assets.list.create')}
          </Button>
        )
      }
    />
  );

  const importLabel = (field: string) => {
    const key = field.startsWith('custom.') ? field.slice('custom.'.length) : null;
    const custom = key ? (categories.data ?? []).flatMap((c) => c.fields).find((d) => d.key === key) : undefined;
    return custom ? custom.label : t(`assets.fields.${field}`, { defaultValue: field });
  };

  const listView = phone ? (
    <AssetCards query={assets} list={list} empty={empty} />
  ) : (
    <DataTable<Asset>
      columns={columns}
      query={assets}
      list={list}
      empty={empty}
      rowSelection={{
        selectedRowKeys: selected,
        preserveSelectedRowKeys: true,
        onChange: (keys) => setSelected(keys.map(Number)),
      }}
      onRow={(a) => ({
        // A click on the row opens the asset; clicks on its links, buttons and checkbox do their own thing.
        onClick: (e) => {
          if ((e.target as HTMLElement).closest('a, button, input, label, .ant-table-selection-column')) return;
          void navigate(`/assets/${a.id}`);
        },
        style: { cursor: 'pointer' },
      })}
    />
  );

  return (
    <>
      <PageHeader
        title={t('assets.nav.list')}
        description={t('assets.list.description')}
        actions={
          <>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
                {t('assets.list.create')}
              </Button>
            )}
            {writable && !phone && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="import-button">
                {t('common.import')}
              </Button>
            )}
            <ExportButton kind="assets" filters={filters} />
            <Button icon={<PrinterOutlined />} onClick={() => setLabels('filtered')} data-testid="labels-button">
              {t('assets.list.printLabels')}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {wide && (
          <Col lg={6} xl={5}>
            <TreePanel
              title={t('assets.list.categoryTree')}
              nodes={categoryNodes(categories.data)}
              loading={categories.isLoading}
              selected={categoryId}
              // Custom-field filters belong to the category they were set for.
              onSelect={(id) => update({ filters: { categoryId: id === undefined ? undefined : String(id), custom: undefined } })}
              renderExtra={(n) => (
                <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                  {counts.get(n.id) ?? 0}
                </Typography.Text>
              )}
            />
          </Col>
        )}
        <Col xs={24} lg={wide ? 18 : 24} xl={wide ? 19 : 24}>
          <AssetListToolbar
            list={list}
            defs={defs}
            columnIds={columnIds}
            onColumnsChange={setColumns}
            view={view}
            categories={byId}
            category={category}
            categoryInToolbar={!wide && !phone}
            phone={phone}
            holderName={assets.data?.items.find((a) => String(a.holderPersonId) === f.holderPersonId)?.holderName}
          />
          {!phone && <BulkActionBar selected={selected} onClear={() => setSelected([])} onPrintLabels={() => setLabels('selected')} />}
          {listView}
        </Col>
      </Row>
      <AssetFormDrawer editing={editing} defaultCategoryId={categoryId} onClose={() => setEditing(null)} />
      <ImportWizard
        kind="assets"
        title={t('assets.list.importTitle')}
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => void refresh()}
        fieldLabel={importLabel}
      />
      <LabelPrintDialog
        open={labels !== null}
        onClose={() => setLabels(null)}
        ids={labels === 'selected' ? selected : undefined}
        query={labels === 'filtered' ? filters : undefined}
        count={labels === 'selected' ? selected.length : (assets.data?.total ?? 0)}
      />
    </>
  );
}
