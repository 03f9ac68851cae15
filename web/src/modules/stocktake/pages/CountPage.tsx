// Counting on foot (phone first): say where you stand, then scan label after label with the
// camera, a USB scanner or the keyboard. Each answer shows big, buzzes, and joins this session's
// list; the counts at the top follow everyone's scans.
import { ArrowLeftOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CodeScanner } from '../../../ui/CodeScanner';
import { LocationPicker } from '../../org';
import { useScan, useStocktake, useUndoFound } from '../api';
import { ScanBanner } from '../components/ScanBanner';
import { ScanInput } from '../components/ScanInput';
import { SessionScans } from '../components/SessionScans';
import { StocktakeProgress } from '../components/StocktakeProgress';
import { rememberPlace, rememberedPlace, SESSION_LIMIT, vibrateFor, type SessionScan } from '../components/scan-session';

/** A fine pointer (mouse) means a desktop, where a USB scanner types into a focused box. */
const desktop = () => typeof window.matchMedia === 'function' && window.matchMedia('(pointer: fine)').matches;

export default function CountPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const stocktake = useStocktake(id);
  const scan = useScan(id);
  const undo = useUndoFound();
  const [where, setWhere] = useState<number | null>(() => rememberedPlace(id));
  const [scans, setScans] = useState<SessionScan[]>([]);
  // A ref, not state: a USB scanner can send two codes before the page renders again.
  const seq = useRef(0);
  const [autoFocus] = useState(desktop);

  const patch = (n: number, change: Partial<SessionScan>) => setScans((list) => list.map((s) => (s.seq === n ? { ...s, ...change } : s)));

  const send = (code: string) => {
    const n = ++seq.current;
    setScans((list) => [{ seq: n, code, at: Date.now(), state: 'pending' as const }, ...list].slice(0, SESSION_LIMIT));
    scan.mutate(
      { code, locationId: where },
      {
        onSuccess: (result) => {
          patch(n, { state: 'done', result });
          vibrateFor(result.result);
        },
        onError: (error) => {
          patch(n, { state: 'failed', error });
          vibrateFor('error');
        },
      },
    );
  };

  const takeBack = (s: SessionScan) => {
    const itemId = s.result?.item?.id;
    if (itemId === undefined) return;
    undo.mutate({ id, itemId }, { onSuccess: () => patch(s.seq, { state: 'undone' }) });
  };

  const chooseWhere = (locationId: number | null) => {
    setWhere(locationId);
    rememberPlace(id, locationId);
  };

  if (stocktake.isLoading) return <Skeleton active />;
  if (!stocktake.data) return <ErrorAlert error={stocktake.error} onRetry={() => void stocktake.refetch()} />;
  const st = stocktake.data;
  const back = (
    <Link to={`/assets/stocktakes/${id}`} data-testid="to-progress">
      <ArrowLeftOutlined /> {t('stocktake.count.toProgress')}
    </Link>
  );
  if (st.status === 'closed')
    return <Result status="info" title={t('stocktake.count.closed', { name: st.name })} extra={back} data-testid="count-closed" />;
  // The latest answer, whichever request came back last.
  const latest = scans.find((s) => s.state !== 'pending');

  return (
    <Flex vertical gap={12} style={{ maxWidth: 720, margin: '0 auto' }}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {st.name}
        </Typography.Title>
        {back}
      </Flex>
      <ErrorAlert error={stocktake.error} />
      <StocktakeProgress stocktake={st} />
      <Card
        size="small"
        title={
          <>
            <EnvironmentOutlined /> {t('stocktake.count.where')}
          </>
        }
      >
        <LocationPicker
          value={where}
          onChange={chooseWhere}
          placeholder={t('stocktake.count.wherePlaceholder')}
          style={{ width: '100%' }}
        />
        {where === null && (
          <Alert type="info" showIcon title={t('stocktake.count.whereFirst')} style={{ marginTop: 8 }} data-testid="where-first" />
        )}
      </Card>
      <Card size="small" title={t('stocktake.count.scanTitle')}>
        <Flex vertical gap={12}>
          <ScanBanner scan={latest} />
          <ScanInput onCode={send} disabled={where === null} autoFocus={autoFocus} />
          <Typography.Text type="secondary">{t('stocktake.count.inputHint')}</Typography.Text>
          <CodeScanner onCode={send} disabled={where === null} />
        </Flex>
      </Card>
      <Card size="small" title={t('stocktake.count.sessionTitle', { n: scans.length })}>
        <ErrorAlert error={undo.error} />
        <SessionScans scans={scans} canUndo onUndo={takeBack} />
      </Card>
      {scans.length > 0 && (
        <Button block onClick={() => setScans([])} data-testid="clear-session">
          {t('stocktake.count.clearSession')}
        </Button>
      )}
    </Flex>
  );
}
