// Printing asset labels (QR code, number, name) as a PDF sheet: choose the label paper, and on
// a part-used A4 sheet how many labels to skip. The PDF opens in a new tab, where the browser's
// own viewer prints it. Works for chosen assets (ids) or for everything the list's filters match.
import { Alert, Form, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../../../lib/api-client';
import { assetLabelsUrl } from '../../api';
import { LABEL_LAYOUTS, LABELS_PER_SHEET, MAX_LABEL_IDS, MAX_LABELS, type LabelLayout } from './vocabulary';

interface LabelPrintDialogProps {
  open: boolean;
  onClose: () => void;
  /** The chosen assets; or, without ids, the list query whose matches get labels. */
  ids?: readonly number[];
  query?: Query;
  /** How many labels that makes (shown to the user before printing). */
  count: number;
}

const LAST_LAYOUT_KEY = 'sysward.assets.labelLayout';

function lastLayout(): LabelLayout {
  try {
    const v = localStorage.getItem(LAST_LAYOUT_KEY);
    return LABEL_LAYOUTS.find((l) => l === v) ?? LABEL_LAYOUTS[0];
  } catch {
    return LABEL_LAYOUTS[0];
  }
}

export function LabelPrintDialog({ open, onClose, ids, query, count }: LabelPrintDialogProps) {
  const { t } = useTranslation();
  const [layout, setLayout] = useState<LabelLayout>(lastLayout);
  const [skip, setSkip] = useState(0);
  const perSheet = LABELS_PER_SHEET[layout];
  const tooMany = !!ids && ids.length > MAX_LABEL_IDS;
  const tooManyLabels = count > MAX_LABELS;

  const print = () => {
    try {
      localStorage.setItem(LAST_LAYOUT_KEY, layout);
    } catch {
      // not remembered; no harm
    }
    const url = assetLabelsUrl({ ids, query, layout, skip: perSheet > 1 ? Math.min(skip, perSheet - 1) : 0 });
    window.open(url, '_blank', 'noopener');
    onClose();
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={print}
      okText={t('assets.labels.open')}
      okButtonProps={{ disabled: count === 0 || tooMany || tooManyLabels, ...{ 'data-testid': 'labels-open' } }}
      cancelText={t('common.cancel')}
      title={t('assets.labels.title')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {ids ? t('assets.labels.forSelected', { count }) : t('assets.labels.forFiltered', { count })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('assets.labels.layoutLabel')}>
          <Radio.Group value={layout} onChange={(e) => setLayout(e.target.value as LabelLayout)} data-testid="labels-layout">
            <Space orientation="vertical">
              {LABEL_LAYOUTS.map((l) => (
                <Radio key={l} value={l}>
                  {t(`assets.labels.layout.${l}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {perSheet > 1 && (
          <Form.Item label={t('assets.labels.skip')} extra={t('assets.labels.skipHint', { max: perSheet - 1 })}>
            <InputNumber
              min={0}
              max={perSheet - 1}
              precision={0}
              value={skip}
              onChange={(v) => setSkip(v ?? 0)}
              data-testid="labels-skip"
            />
          </Form.Item>
        )}
      </Form>
      {tooMany && <Alert type="warning" showIcon title={t('assets.labels.tooManySelected', { max: MAX_LABEL_IDS })} />}
      {tooManyLabels && <Alert type="warning" showIcon title={t('assets.labels.tooManyLabels', { max: MAX_LABELS })} />}
      {!tooMany && !tooManyLabels && count > 500 && <Alert type="info" showIcon title={t('assets.labels.many', { count })} />}
    </Modal>
  );
}
