// 资产分类: the category tree with asset counts, defaults and custom fields. A category with
// assets or subcategories cannot be deleted; the refusal says how many of each.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Spin, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Category } from '@shared/contracts/assets.js';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useCategories, useDeleteCategory } from '../api';
import { CategoryFormDrawer } from '../components/list/CategoryFormDrawer';
import { subtreeCounts } from '../components/list/category-tree';
import { fieldSummary } from '../components/list/CustomFieldsEditor';

type Row = Category & { children?: Row[] };

function nest(categories: readonly Category[]): Row[] {
  const rows = new Map<number, Row>(categories.map((c) => [c.id, { ...c }]));
  const roots: Row[] = [];
  for (const row of rows.values()) {
    const parent = row.parentId !== null ? rows.get(row.parentId) : undefined;
    if (parent && parent !== row) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export default function CategoriesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('assets:write');
  const categories = useCategories();
  const remove = useDeleteCategory();
  const [editing, setEditing] = useState<Category | { parentId: number | null } | null>(null);
  const byId = useMemo(() => new Map((categories.data ?? []).map((c) => [c.id, c])), [categories.data]);
  const tree = useMemo(() => nest(categories.data ?? []), [categories.data]);
  const totals = useMemo(() => subtreeCounts(categories.data ?? []), [categories.data]);

  const columns: ColumnsType<Row> = [
    { key: 'name', title: t('assets.categories.name'), dataIndex: 'name' },
    { key: 'code', title: t('assets.categories.code'), render: (_, c) => c.code && <Tag>{c.code}</Tag> },
    {
      key: 'assets',
      title: t('assets.categories.assetCount'),
      align: 'right',
      render: (_, c) => {
        const total = totals.get(c.id) ?? 0;
        return (
          <Tooltip title={total !== c.assetCount ? t('assets.categories.countHint', { own: c.assetCount, total }) : undefined}>
            <Link to={`/assets?categoryId=${c.id}`}>{total}</Link>
          </Tooltip>
        );
      },
    },
    {
      key: 'life',
      title: t('assets.categories.lifeMonths'),
      align: 'right',
      render: (_, c) => (c.defaultLifeMonths === null ? '' : t('assets.list.monthsValue', { n: c.defaultLifeMonths })),
    },
    {
      key: 'rate',
      title: t('assets.categories.residualRate'),
      align: 'right',
      render: (_, c) => (c.defaultResidualRate === null ? '' : `${c.defaultResidualRate}%`),
    },
    {
      key: 'fields',
      title: t('assets.categories.fieldsTitle'),
      width: 380,
      render: (_, c) => (
        <Flex wrap gap={4}>
          {c.effectiveFields.map((f) => (
            <Tag key={f.key} color={c.fields.some((o) => o.key === f.key) ? 'blue' : undefined}>
              {fieldSummary(t, f)}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];
  if (writable)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: c.id })} data-testid="add-child">
            {t('assets.categories.addChild')}
          </Button>
          <ConfirmDelete name={c.name} onConfirm={() => remove.mutateAsync(c.id)} />
        </Space>
      ),
    });

  return (
    <>
      <PageHeader
        title={t('assets.nav.categories')}
        description={t('assets.categories.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ parentId: null })} data-testid="create-button">
              {t('assets.categories.create')}
            </Button>
          )
        }
      />
      <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />
      {categories.data && (
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{ defaultExpandAllRows: true }}
          locale={{
            emptyText: <EmptyState description={writable ? t('assets.categories.empty') : t('assets.categories.emptyReadOnly')} />,
          }}
        />
      )}
      {categories.isLoading && <Spin style={{ display: 'block', marginTop: 48 }} />}
      <CategoryFormDrawer editing={editing} categories={byId} onClose={() => setEditing(null)} />
    </>
  );
}
