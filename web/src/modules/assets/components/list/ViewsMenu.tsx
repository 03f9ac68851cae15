// Saved views: each user's named sets of columns and filters (GET /api/assets/views). Applying
// one puts its state into the URL; "save as" stores the current URL state under a name.
import { CheckOutlined, DownOutlined, EyeOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Form, Input, Modal, Space, Table, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../../lib/errors';
import { ConfirmDelete } from '../../../../ui/ConfirmDelete';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { FormModal } from '../../../../ui/FormModal';
import { testId } from '../../../../ui/test-id';
import { useAssetViews, useCreateAssetView, useDeleteAssetView, useUpdateAssetView, type SavedView } from '../../api';

export interface ViewConfig {
  columns: string[];
  query: Record<string, string>;
}

interface ViewsMenuProps {
  /** The list's state now, as a view would store it. */
  current: ViewConfig;
  activeId: number | undefined;
  onApply: (view: SavedView) => void;
  /** Back to the default columns and no filters. */
  onReset: () => void;
}

export function ViewsMenu({ current, activeId, onApply, onReset }: ViewsMenuProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const views = useAssetViews();
  const create = useCreateAssetView();
  const update = useUpdateAssetView();
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  const active = views.data?.find((v) => v.id === activeId);

  const overwrite = async (view: SavedView) => {
    try {
      await update.mutateAsync({ id: view.id, patch: { config: current } });
      void message.success(t('assets.views.updated', { name: view.name }));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  };

  const items: MenuProps['items'] = [
    ...(views.data ?? []).map((v) => ({
      key: `view-${v.id}`,
      label: v.name,
      icon: v.id === activeId ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      onClick: () => onApply(v),
      ...testId(`view-${v.name}`),
    })),
    ...(views.data?.length ? [{ type: 'divider' as const }] : []),
    { key: 'save', label: t('assets.views.saveAs'), onClick: () => setSaving(true), ...testId('view-save-as') },
    ...(active
      ? [{ key: 'overwrite', label: t('assets.views.overwrite', { name: active.name }), onClick: () => void overwrite(active) }]
      : []),
    ...(views.data?.length
      ? [{ key: 'manage', label: t('assets.views.manage'), onClick: () => setManaging(true), ...testId('view-manage') }]
      : []),
    { key: 'reset', label: t('assets.views.reset'), onClick: onReset, ...testId('view-reset') },
  ];

  return (
    <>
      <Dropdown trigger={['click']} menu={{ items }}>
        <Button icon={<EyeOutlined />} data-testid="views-button">
          <Space size={4}>
            {active ? t('assets.views.active', { name: active.name }) : t('assets.views.button')}
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <FormModal<{ name: string }>
        open={saving}
        name="view"
        title={t('assets.views.saveAsTitle')}
        initialValues={{ name: '' }}
        onClose={() => setSaving(false)}
        onSubmit={async ({ name }) => {
          const view = await create.mutateAsync({ name, config: current });
          onApply(view);
        }}
      >
        {() => (
          <Form.Item
            name="name"
            label={t('assets.views.name')}
            extra={t('assets.views.saveHint')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}
          >
            <Input autoFocus placeholder={t('assets.views.namePlaceholder')} />
          </Form.Item>
        )}
      </FormModal>
      <ManageViewsModal open={managing} onClose={() => setManaging(false)} views={views.data ?? []} error={views.error} />
    </>
  );
}

function ManageViewsModal({ open, onClose, views, error }: { open: boolean; onClose: () => void; views: SavedView[]; error: unknown }) {
  const { t } = useTranslation();
  const update = useUpdateAssetView();
  const remove = useDeleteAssetView();
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('assets.views.manageTitle')} destroyOnHidden>
      <ErrorAlert error={error} />
      <Table<SavedView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={views}
        columns={[
          { key: 'name', title: t('assets.views.name'), dataIndex: 'name' },
          {
            key: 'columns',
            title: t('assets.views.summary'),
            render: (_, v) =>
              t('assets.views.summaryText', { columns: v.config.columns.length, filters: Object.keys(v.config.query).length }),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, v) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setRenaming(v)} data-testid="view-rename">
                  {t('assets.views.rename')}
                </Button>
                <ConfirmDelete name={v.name} onConfirm={() => remove.mutateAsync(v.id)} />
              </Space>
            ),
          },
        ]}
      />
      <FormModal<{ name: string }>
        open={renaming !== null}
        name="viewRename"
        title={t('assets.views.renameTitle')}
        initialValues={{ name: renaming?.name ?? '' }}
        onClose={() => setRenaming(null)}
        onSubmit={({ name }) => update.mutateAsync({ id: renaming!.id, patch: { name } })}
      >
        {() => (
          <Form.Item
            name="name"
            label={t('assets.views.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 50 }]}
          >
            <Input autoFocus />
          </Form.Item>
        )}
      </FormModal>
    </Modal>
  );
}
