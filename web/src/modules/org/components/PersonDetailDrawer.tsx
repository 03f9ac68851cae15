// One person at a glance, with their attachments (contracts, ID scans, ...).
import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Divider, Drawer, Grid, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '@shared/contracts/org.js';
import { useFormat } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { AttachmentsPanel } from '../../../ui/AttachmentsPanel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { usePerson } from '../api';
import { PersonStatusTag } from './PersonStatusTag';

interface PersonDetailDrawerProps {
  personId: number | null;
  onClose: () => void;
  onEdit: (person: Person) => void;
}

export function PersonDetailDrawer({ personId, onClose, onEdit }: PersonDetailDrawerProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const person = usePerson(personId);
  const p = person.data;

  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      size={screens.md ? 560 : '100%'}
      title={p?.name ?? t('org.people.detail')}
      destroyOnHidden
      extra={
        p &&
        can('org:write') && (
          <Button icon={<EditOutlined />} onClick={() => onEdit(p)} data-testid="edit-button">
            {t('common.edit')}
          </Button>
        )
      }
      data-testid="person-detail"
    >
      <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      {person.isLoading && <Spin />}
      {p && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'number', label: t('fields.people.number'), children: p.number },
              { key: 'kind', label: t('fields.people.kind'), children: t(`org.personKind.${p.kind}`) },
              { key: 'status', label: t('fields.people.status'), children: <PersonStatusTag status={p.status} /> },
              { key: 'department', label: t('fields.people.department'), children: p.departmentName },
              { key: 'position', label: t('fields.people.position'), children: p.position },
              { key: 'phone', label: t('fields.people.phone'), children: p.phone },
              { key: 'email', label: t('fields.people.email'), children: p.email },
              { key: 'notes', label: t('fields.people.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</span> },
              { key: 'createdAt', label: t('common.createdAt'), children: fmt.dateTime(p.createdAt) },
              { key: 'updatedAt', label: t('common.updatedAt'), children: fmt.dateTime(p.updatedAt) },
            ]}
          />
          {can('attachments:read') && (
            <>
              <Divider />
              <AttachmentsPanel entityType="person" entityId={p.id} canWrite={can('attachments:write')} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
