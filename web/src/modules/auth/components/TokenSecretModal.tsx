// The only moment the token's secret exists outside the script that will use it.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TokenCreated } from '../api';

export function TokenSecretModal({ created, onClose }: { created: TokenCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={t('account.tokens.createdTitle', { name: created?.token.name ?? '' })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-close">
          {t('account.tokens.secretSaved')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('account.tokens.secretOnce')} style={{ marginBottom: 16 }} />
      {created && (
        <Typography.Paragraph
          code
          copyable={{ text: created.secret, tooltips: [t('common.copy'), t('common.copied')] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="token-secret"
        >
          {created.secret}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary">{t('account.tokens.usage')}</Typography.Text>
    </Modal>
  );
}
