// Export of the current list (same filters) as a plain link: the browser downloads it with the
// session cookie, no JavaScript buffering of a possibly large file.
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildUrl, type Query } from '../lib/api-client';

interface ExportButtonProps {
  /** API resource, e.g. 'people' → /api/people/export */
  kind: string;
  filters: Query;
  size?: 'small' | 'middle';
}

export function ExportButton({ kind, filters, size }: ExportButtonProps) {
  const { t } = useTranslation();
  const link = (format: 'xlsx' | 'csv') => buildUrl(`/api/${kind}/export`, { ...filters, format });
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'xlsx',
            label: (
              <a href={link('xlsx')} download data-testid="export-xlsx">
                {t('import.formatXlsx')}
              </a>
            ),
          },
          {
            key: 'csv',
            label: (
              <a href={link('csv')} download data-testid="export-csv">
                {t('import.formatCsv')}
              </a>
            ),
          },
        ],
      }}
    >
      <Button icon={<DownloadOutlined />} size={size} data-testid="export-button">
        {t('common.export')}
      </Button>
    </Dropdown>
  );
}
