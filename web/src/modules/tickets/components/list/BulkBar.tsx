// Bulk assign and bulk close for the selected rows. The server changes what it may and names
// each ticket it skipped with the reason; the result dialog lists them by number.
import { CloseCircleOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../../lib/api-client';
import { errorText } from '../../../../lib/errors';
import { useBulkAssign, useBulkClose } from '../../api';
import { TechnicianPicker } from '../Pickers';
import { testId } from '../../../../ui/test-id';

interface Outcome {
  action: 'assign' | 'close';
  changed: number;
  skipped: { id: number; code: string }[];
}

interface BulkBarProps {
  selected: number[];
  /** Numbers of the selected tickets (for the result list). */
  numbers: Map<number, string>;
  onDone: () => void;
}

export function BulkBar({ selected, numbers, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const assign = useBulkAssign();
  const close = useBulkClose();
  const [assignee, setAssignee] = useState<number | null>(null);
  const [closing, setClosing] = useState(false);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (selected.length === 0 && !outcome) return null;

  const run = async (action: Outcome['action']) => {
    setError(null);
    try {
      const r =
        action === 'assign'
          ? await assign.mutateAsync({ ids: selected, assigneeUserId: assignee })
          : await close.mutateAsync({ ids: selected, reason });
      setClosing(false);
      setReason('');
      setOutcome({ action, ...r });
      onDone();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      {selected.length > 0 && (
        <Flex
          wrap
          gap={8}
          align="center"
          style={{ marginBottom: 12, padding: '8px 12px', background: '#e6f4ff', borderRadius: 8 }}
          data-testid="bulk-bar"
        >
          <Typography.Text strong>{t('tickets.bulk.selected', { n: selected.length })}</Typography.Text>
          <TechnicianPicker value={assignee} onChange={setAssignee} style={{ width: 160 }} placeholder={t('tickets.bulk.assignTo')} />
          <Button icon={<UserSwitchOutlined />} loading={assign.isPending} onClick={() => void run('assign')} data-testid="bulk-assign">
            {assignee === null ? t('tickets.bulk.unassign') : t('tickets.bulk.assign')}
          </Button>
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setClosing(true)} data-testid="bulk-close">
            {t('tickets.bulk.close')}
          </Button>
          <Button type="link" onClick={onDone}>
            {t('tickets.bulk.clearSelection')}
          </Button>
          {error != null && !closing && <Alert type="error" showIcon title={errorText(t, error)} style={{ flexBasis: '100%' }} />}
        </Flex>
      )}
      <Modal
        open={closing}
        title={t('tickets.bulk.closeTitle', { n: selected.length })}
        okText={t('tickets.bulk.close')}
        okButtonProps={{ danger: true, loading: close.isPending, ...testId('bulk-close-ok') }}
        onOk={() => void run('close')}
        onCancel={() => setClosing(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('tickets.bulk.closeHint')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          autoSize={{ minRows: 2 }}
          placeholder={t('tickets.bulk.reason')}
        />
        {error != null && <Alert type="error" showIcon title={errorText(t, error)} style={{ marginTop: 12 }} />}
      </Modal>
      <Modal
        open={outcome !== null}
        title={outcome ? t(`tickets.bulk.result.${outcome.action}`) : ''}
        footer={<Button onClick={() => setOutcome(null)}>{t('common.close')}</Button>}
        onCancel={() => setOutcome(null)}
        data-testid="bulk-result"
      >
        {outcome && (
          <>
            <Alert
              type={outcome.skipped.length ? 'warning' : 'success'}
              showIcon
              title={t('tickets.bulk.changed', { n: outcome.changed, skipped: outcome.skipped.length })}
            />
            {outcome.skipped.length > 0 && (
              <Flex vertical gap={6} style={{ marginTop: 12 }} data-testid="bulk-skipped">
                {outcome.skipped.map((s) => (
                  <Flex key={s.id} gap={12} wrap>
                    <Typography.Text style={{ fontFamily: 'monospace' }}>{numbers.get(s.id) ?? `#${s.id}`}</Typography.Text>
                    <Typography.Text type="secondary">{errorText(t, new ApiError(409, s.code))}</Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </>
        )}
      </Modal>
    </>
  );
}
