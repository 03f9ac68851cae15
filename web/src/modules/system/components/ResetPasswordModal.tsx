// An administrator sets a new password for someone who lost theirs.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/contracts/auth.js';
import { passwordHint, passwordRule } from '../../../lib/password-rule';
import { FormModal } from '../../../ui/FormModal';
import { useResetUserPassword } from '../api';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetUserPassword();
  return (
    <FormModal<{ password: string }>
      open={user !== null}
      name="resetPassword"
      title={t('users.resetPasswordTitle', { name: user?.name ?? '' })}
      onClose={onClose}
      onSubmit={({ password }) => reset.mutateAsync({ id: user!.id, password })}
    >
      {() => (
        <Form.Item
          name="password"
          label={t('account.newPassword')}
          extra={passwordHint(t)}
          rules={[{ required: true }, passwordRule(t, () => user?.login ?? '')]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
      )}
    </FormModal>
  );
}
