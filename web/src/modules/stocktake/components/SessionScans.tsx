// This session's scans, newest first: what each code turned out to be, and an undo for a label
// counted by mistake.
import { Button, List, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScanResultKind } from '@shared/contracts/stocktake.js';
import { errorText } from '../../../lib/errors';
import { useFormat } from '../../../lib/format';
import type { SessionScan } from './scan-session';

const COLOR: Record<ScanResultKind, string> = {
  found: 'success',
  misplaced: 'warning',
  duplicate: 'processing',
  outside: 'purple',
  unknown: 'error',
};

interface SessionScansProps {
  scans: SessionScan[];
  canUndo: boolean;
  onUndo: (scan: SessionScan) => void;
}

export function SessionScans({ scans, canUndo, onUndo }: SessionScansProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <List
      size="small"
      dataSource={scans}
      rowKey="seq"
      locale={{ emptyText: <Typography.Text type="secondary">{t('stocktake.count.sessionEmpty')}</Typography.Text> }}
      renderItem={(s) => {
        const r = s.result;
        const name = r?.item?.name ?? r?.extra?.assetName ?? null;
        const undoable = canUndo && s.state === 'done' && r?.item && (r.result === 'found' || r.result === 'misplaced');
        return (
          <List.Item
            data-testid="session-scan"
            actions={
              undoable
                ? [
                    <Button key="undo" size="small" onClick={() => onUndo(s)} data-testid="session-undo">
                      {t('stocktake.count.undo')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <span style={{ wordBreak: 'break-all' }}>
                  {s.state === 'pending' && <Spin size="small" style={{ marginRight: 8 }} />}
                  {s.state === 'done' && r && <Tag color={COLOR[r.result]}>{t(`stocktake.result.${r.result}`)}</Tag>}
                  {s.state === 'undone' && <Tag>{t('stocktake.count.undone')}</Tag>}
                  {s.state === 'failed' && <Tag color="error">{t('stocktake.result.error')}</Tag>}
                  {name ?? s.code}
                </span>
              }
              description={
                <>
                  {fmt.dateTime(s.at)}
                  {name && ` · ${r?.item?.number ?? r?.extra?.assetNumber ?? ''}`}
                  {s.state === 'failed' && ` · ${errorText(t, s.error)}`}
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
