// "Which device": the reporter's own assets as big cards to tap, plus scanning a label. A scanned
// or prefilled device that is not in the list is shown with them. Used as a form control
// (value = the chosen asset ids).
import { CheckCircleFilled, DesktopOutlined, ScanOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Modal, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeScanner } from '../../../../ui/CodeScanner';
import { ErrorAlert } from '../../../../ui/ErrorAlert';
import { useMyAssets } from '../../lookups-api';

export interface DeviceOption {
  id: number;
  number: string;
  name: string;
  detail?: string | null;
}

/** A label holds the scan address (<base>/a/<number>) or just the number. */
export function numberFromScan(text: string): string {
  const s = text.trim();
  const m = /\/a\/([^/?#\s]+)/.exec(s);
  if (!m) return s;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

interface DeviceChooserProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Devices known from a scan or the page's address, shown before the holder's own. */
  extra: DeviceOption[];
  /** A label was read: the page resolves it and decides whether it may be added. */
  onScan: (number: string) => void;
  scanning?: boolean;
}

export function DeviceChooser({ value = [], onChange, extra, onScan, scanning }: DeviceChooserProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const mine = useMyAssets();
  const [scanOpen, setScanOpen] = useState(false);
  const own: DeviceOption[] = (mine.data ?? []).map((a) => ({
    id: a.id,
    number: a.number,
    name: a.name,
    detail: [a.categoryName, a.locationName].filter(Boolean).join(' · '),
  }));
  const options = [...extra.filter((e) => !own.some((o) => o.id === e.id)), ...own];
  const chosen = new Set(value);
  const toggle = (id: number) => onChange?.(chosen.has(id) ? value.filter((x) => x !== id) : [...value, id]);

  return (
    <Flex vertical gap={8} data-testid="device-chooser">
      <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} style={{ marginBottom: 0 }} />
      {mine.isLoading && <Skeleton active paragraph={{ rows: 1 }} />}
      {options.map((d) => {
        const on = chosen.has(d.id);
        return (
          <Card
            key={d.id}
            size="small"
            hoverable
            role="checkbox"
            aria-checked={on}
            tabIndex={0}
            onClick={() => toggle(d.id)}
            onKeyDown={(e) => {
              if (e.key === ' ' || e.key === 'Enter') {
                e.preventDefault();
                toggle(d.id);
              }
            }}
            style={{ borderColor: on ? token.colorPrimary : undefined, background: on ? token.colorPrimaryBg : undefined }}
            data-testid="device-option"
          >
            <Flex align="center" gap={12}>
              {on ? (
                <CheckCircleFilled style={{ fontSize: 22, color: token.colorPrimary }} />
              ) : (
                <DesktopOutlined style={{ fontSize: 22, color: token.colorTextTertiary }} />
              )}
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong ellipsis style={{ display: 'block' }}>
                  {d.name}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[d.number, d.detail].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            </Flex>
          </Card>
        );
      })}
      {!mine.isLoading && options.length === 0 && <Typography.Text type="secondary">{t('tickets.report.noDevices')}</Typography.Text>}
      <Button icon={<ScanOutlined />} loading={scanning} onClick={() => setScanOpen(true)} data-testid="device-scan">
        {t('tickets.report.scanLabel')}
      </Button>
      <Modal
        open={scanOpen}
        title={t('tickets.report.scanLabel')}
        footer={null}
        onCancel={() => setScanOpen(false)}
        destroyOnHidden
        width={480}
      >
        <Flex vertical gap={12}>
          <CodeScanner
            onCode={(text) => {
              setScanOpen(false);
              onScan(numberFromScan(text));
            }}
          />
          {/* Without a camera (or a readable label) the number printed under the code will do. */}
          <Input.Search
            placeholder={t('tickets.report.typeNumber')}
            enterButton={t('tickets.report.findNumber')}
            onSearch={(v) => {
              const number = numberFromScan(v);
              if (!number) return;
              setScanOpen(false);
              onScan(number);
            }}
            data-testid="device-number-input"
          />
        </Flex>
      </Modal>
    </Flex>
  );
}
