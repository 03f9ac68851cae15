// Step 1: get the template, choose or drop a file, watch it upload.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography, theme } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { templateUrl } from './import-api';

interface UploadStepProps {
  kind: string;
  percent: number | null;
  onFile: (file: File) => void;
}

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function UploadStep({ kind, percent, onFile }: UploadStepProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = percent !== null;

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('import.templateHint')}{' '}
        <a href={templateUrl(kind, 'xlsx')} download data-testid="import-template-xlsx">
          {t('import.templateXlsx')}
        </a>
        {' · '}
        <a href={templateUrl(kind, 'csv')} download data-testid="import-template-csv">
          {t('import.templateCsv')}
        </a>
      </Typography.Paragraph>
      <div
        role="button"
        tabIndex={0}
        onClick={() => !busy && input.current?.click()}
        onKeyDown={(e) => {
          if (!busy && (e.key === 'Enter' || e.key === ' ')) input.current?.click();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const file = e.dataTransfer.files[0];
          if (file && !busy) onFile(file);
        }}
        style={{
          border: `1px dashed ${over ? token.colorPrimary : token.colorBorder}`,
          borderRadius: token.borderRadiusLG,
          background: token.colorFillAlter,
          padding: 32,
          textAlign: 'center',
          cursor: busy ? 'default' : 'pointer',
        }}
      >
        <InboxOutlined style={{ fontSize: 40, color: token.colorPrimary }} />
        <Typography.Paragraph style={{ marginTop: 8 }}>{t('import.dropHint')}</Typography.Paragraph>
        <Typography.Text type="secondary">{t('import.formats')}</Typography.Text>
        <div style={{ marginTop: 12 }}>
          <Button type="primary" disabled={busy} data-testid="import-choose-file">
            {t('import.chooseFile')}
          </Button>
        </div>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must fire onChange again
          if (file) onFile(file);
        }}
      />
      {busy && (
        <div>
          <Typography.Text>{percent < 100 ? t('import.uploading') : t('import.checking')}</Typography.Text>
          <Progress percent={percent} status="active" data-testid="import-upload-progress" />
        </div>
      )}
    </Flex>
  );
}
