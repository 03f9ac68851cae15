import { Alert, Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { errorText } from '../lib/errors';

interface ErrorAlertProps {
  error: unknown;
  /** Offers "retry" when given (a failed load, not a failed save). */
  onRetry?: () => void;
  style?: CSSProperties;
}

/** A translated error; the request id lets an administrator find the server log line. */
export function ErrorAlert({ error, onRetry, style }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      title={errorText(t, error)}
      description={requestId ? t('common.requestId', { id: requestId }) : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
      data-testid="error-alert"
    />
  );
}
