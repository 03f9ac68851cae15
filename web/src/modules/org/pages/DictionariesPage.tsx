// Dictionaries: the pick-lists other pages use (asset categories, brands, ...). Few and short,
// so they come in one request; the left column chooses one, the right edits its items.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Dictionary } from '@shared/contracts/org.js';
import { useCan } from '../../../lib/session';
import { ConfirmDelete } from '../../../ui/ConfirmDelete';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useDeleteDictionary, useDictionaries } from '../api';
import { DictionaryFormModal } from '../components/DictionaryFormModal';
import { DictionaryItemsTable } from '../components/DictionaryItemsTable';

export default function DictionariesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('dictionaries:write');
  const dictionaries = useDictionaries();
  const remove = useDeleteDictionary();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<Dictionary | 'new' | null>(null);
  const all = dictionaries.data ?? [];
  const selectedCode = params.get('dict');
  const selected = all.find((d) => d.code === selectedCode) ?? all[0];
  const select = (code: string) => setParams({ dict: code }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('nav.dictionaries')}
        description={t('org.dictionaries.description')}
        actions={
          writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-button">
              {t('org.dictionaries.create')}
            </Button>
          )
        }
      />
      <ErrorAlert error={dictionaries.error} onRetry={() => void dictionaries.refetch()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={6}>
          <Card size="small" title={t('org.dictionaries.list')} loading={dictionaries.isLoading}>
            <List<Dictionary>
              size="small"
              dataSource={all}
              locale={{
                emptyText: <EmptyState description={writable ? t('org.dictionaries.empty') : t('org.dictionaries.emptyReadOnly')} />,
              }}
              renderItem={(d) => (
                <List.Item
                  onClick={() => select(d.code)}
                  style={{ cursor: 'pointer', fontWeight: d.id === selected?.id ? 600 : undefined }}
                  data-testid={`dictionary-${d.code}`}
                >
                  <span>{d.name}</span>
                  <Typography.Text type="secondary">{d.itemCount}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={16} lg={18}>
          {selected && (
            <Card
              size="small"
              title={
                <Space wrap>
                  {selected.name}
                  <Typography.Text type="secondary" code>
                    {selected.code}
                  </Typography.Text>
                  {selected.system && <Tag>{t('org.dictionaries.system')}</Tag>}
                </Space>
              }
              extra={
                writable && (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(selected)}>
                      {t('common.edit')}
                    </Button>
                    {/* Dictionaries declared by a module cannot be deleted (the server refuses too). */}
                    {!selected.system && <ConfirmDelete name={selected.name} onConfirm={() => remove.mutateAsync(selected.id)} />}
                  </Space>
                )
              }
            >
              {selected.description && <Typography.Paragraph type="secondary">{selected.description}</Typography.Paragraph>}
              <DictionaryItemsTable dictionary={selected} writable={writable} />
            </Card>
          )}
        </Col>
      </Row>
      <DictionaryFormModal editing={editing} onClose={() => setEditing(null)} onCreated={select} />
    </>
  );
}
