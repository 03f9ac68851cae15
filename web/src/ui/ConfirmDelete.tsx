// Delete (or revoke) behind a confirmation. A refusal (e.g. 409 "department still in use") opens
// a dialog rather than a fleeting toast, because the user has to read the counts and act on them.
import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { testId } from './test-id';

interface ConfirmDeleteProps {
  /** Name of the thing, shown in the question. */
  name: string;
  onConfirm: () => Promise<unknown>;
  /** The trigger; a small red "delete" link by default. */
  children?: ReactNode;
  disabled?: boolean;
  /** Wording for actions that are not a plain delete (revoke a token, end a session). */
  question?: string;
  actionText?: string;
  doneText?: string;
}

export function ConfirmDelete({ name, onConfirm, children, disabled, question, actionText, doneText }: ConfirmDeleteProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const action = actionText ?? t('common.delete');

  const confirm = async () => {
    try {
      await onConfirm();
      void message.success(doneText ?? t('common.deleted', { name }));
    } catch (err) {
      modal.error({ title: t('common.actionFailed', { action, name }), content: errorText(t, err) });
    }
  };

  return (
    <Popconfirm
      title={question ?? t('common.deleteConfirm', { name })}
      description={question ? undefined : t('common.deleteConfirmHint')}
      okText={action}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, ...testId('delete-confirm') }}
      onConfirm={confirm}
      disabled={disabled}
    >
      {children ?? (
        <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={disabled} data-testid="delete-button">
          {action}
        </Button>
      )}
    </Popconfirm>
  );
}
