// The items of one dictionary (e.g. asset categories): a short list, edited in place.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dictionary, DictionaryItem } from '@shared/contracts/org.js';
import { errorText } from '../../../lib/errors';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { useDeleteDictionaryItem, useUpdateDictionaryItem } from '../api';
import { DictionaryItemFormModal } from './DictionaryItemFormModal';

export function DictionaryItemsTable({ dictionary, writable }: { dictionary: Dictionary; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateDictionaryItem();
  const remove = useDeleteDictionaryItem();
  const [editing, setEditing] = useState<DictionaryItem | 'new' | null>(null);
  const items = [...dictionary.items].sort((a, b) => a.sortOrder - b.sortOrder);
  const nextSortOrder = items.length ? (items[items.length - 1]?.sortOrder ?? 0) + 10 : 10;

  const toggle = (item: DictionaryItem, enabled: boolean) =>
    update.mutate(
      { dictionaryId: dictionary.id, itemId: item.id, patch: { enabled } },
      { onError: (err) => void message.error(errorText(t, err)) },
    );

  return (
    <>
      {writable && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-item-button">
            {t('org.dictionaries.addItem')}
          </Button>
        </Flex>
      )}
      <Table<DictionaryItem>
        rowKey="id"
        size="middle"
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <EmptyState description={writable ? t('org.dictionaries.noItems') : t('org.dictionaries.noItemsReadOnly')} />,
        }}
        columns={[
          { key: 'label', title: t('fields.dictionaryItems.label'), dataIndex: 'label' },
          { key: 'value', title: t('fields.dictionaryItems.value'), dataIndex: 'value' },
          { key: 'sortOrder', title: t('fields.dictionaryItems.sortOrder'), dataIndex: 'sortOrder', align: 'right' },
          {
            key: 'enabled',
            title: t('fields.dictionaryItems.enabled'),
            render: (_, item) => (
              <Switch
                size="small"
                checked={item.enabled}
                disabled={!writable}
                onChange={(on) => toggle(item, on)}
                aria-label={t('fields.dictionaryItems.enabled')}
              />
            ),
          },
          ...(writable
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, item: DictionaryItem) => (
                    <Space size={0}>
                      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(item)} data-testid="edit-button">
                        {t('common.edit')}
                      </Button>
                      <ConfirmDelete
                        name={item.label}
                        onConfirm={() => remove.mutateAsync({ dictionaryId: dictionary.id, itemId: item.id })}
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DictionaryItemFormModal
        dictionaryId={dictionary.id}
        editing={editing}
        nextSortOrder={nextSortOrder}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
