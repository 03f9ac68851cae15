// Step 3: the commit's streamed progress, then its outcome.
import { Button, Progress, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/errors';
import type { ImportResult } from './import-api';

interface CommitStepProps {
  done: number;
  total: number;
  result: ImportResult | null;
  error: unknown;
  onClose: () => void;
}

export function CommitStep({ done, total, result, error, onClose }: CommitStepProps) {
  const { t } = useTranslation();
  if (result) {
    return (
      <Result
        status="success"
        title={t('import.doneTitle')}
        subTitle={t('import.doneText', { created: result.created, updated: result.updated })}
        extra={
          <Button type="primary" onClick={onClose} data-testid="import-close">
            {t('common.close')}
          </Button>
        }
        data-testid="import-done"
      />
    );
  }
  if (error) {
    return (
      <Result
        status="error"
        title={t('import.failedTitle')}
        subTitle={`${errorText(t, error)} ${t('import.nothingWritten')}`}
        extra={<Button onClick={onClose}>{t('common.close')}</Button>}
      />
    );
  }
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <div style={{ padding: '32px 0' }}>
      <Progress percent={percent} status="active" data-testid="import-commit-progress" />
      <div style={{ textAlign: 'center' }}>{t('import.committing', { done, total })}</div>
    </div>
  );
}
