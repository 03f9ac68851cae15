// "Upload" for a panel of files: a small button over a file input that is not shown. Not
// `hidden`: inside a form antd's reset would show the input again.
import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface FileUploadButtonProps {
  /** Called with the chosen file; the input is cleared when it settles, so the same file can be chosen again. */
  onFile: (file: File) => Promise<void>;
  busy: boolean;
  testId: string;
}

export function FileUploadButton({ onFile, busy, testId }: FileUploadButtonProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={testId}>
        {t('attachments.upload')}
      </Button>
      <input
        ref={input}
        type="file"
        style={{ display: 'none' }}
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file)
            void onFile(file).finally(() => {
              if (input.current) input.current.value = '';
            });
        }}
      />
    </>
  );
}
