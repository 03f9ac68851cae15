// The row above a list: search and filters on the left, wrapping on a phone.
import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ListToolbar({ children, hasFilters, onClear }: { children: ReactNode; hasFilters: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
      {children}
      {hasFilters && (
        <Button type="link" onClick={onClear} data-testid="clear-filters">
          {t('common.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
