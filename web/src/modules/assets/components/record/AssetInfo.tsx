// 基本信息: every field of the record in reading order — identity and place, purchase and
// depreciation (with how the net value was worked out), warranty with the days left, network
// identity, the category's own fields with their units, and notes.
import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset, Category } from '@shared/contracts/assets.js';
import { addMonths } from '@shared/lib/depreciation.js';
import { AssetStatusTag } from './AssetStatusTag';
import { customValueText } from './custom-values';
import { daysBetween, useMoney, useToday } from './record-format';
import { TicketRefText } from './TicketRefText';

interface AssetInfoProps {
  asset: Asset;
  category: Category | undefined;
  /** The holder's own view: no purchase or depreciation figures. */
  holderView?: boolean;
}

type Items = NonNullable<DescriptionsProps['items']>;
const COLUMNS = { xs: 1, sm: 1, md: 2, xl: 3 } as const;

/** Dates break badly inside a narrow cell (2023-01-\n01). */
const Nowrap = ({ children }: { children: ReactNode }) => <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;

/** Drops rows with nothing to show, so a sparse record stays short. */
const filled = (items: Items) => items.filter((i) => i.children !== '' && i.children !== null && i.children !== undefined);

export function AssetInfo({ asset: a, category, holderView }: AssetInfoProps) {
  const { t } = useTranslation();
  const money = useMoney();
  const today = useToday();
  const f = (field: string) => t(`assets.fields.${field}`);

  const identity: Items = [
    { key: 'number', label: f('number'), children: <Typography.Text copyable>{a.number}</Typography.Text> },
    { key: 'name', label: f('name'), children: a.name },
    { key: 'category', label: f('categoryId'), children: a.categoryName },
    { key: 'brand', label: f('brand'), children: a.brand },
    { key: 'model', label: f('model'), children: a.model },
    { key: 'serial', label: f('serial'), children: a.serial ?? '' },
    {
      key: 'status',
      label: f('status'),
      children: (
        <span>
          <AssetStatusTag status={a.status} />
          {a.statusReason && (
            <Typography.Text type="secondary">
              {' '}
              <TicketRefText text={a.statusReason} />
            </Typography.Text>
          )}
        </span>
      ),
    },
    { key: 'location', label: f('locationId'), children: a.locationName ?? '' },
    { key: 'department', label: f('departmentId'), children: a.departmentName ?? '' },
    { key: 'holder', label: f('holderPersonId'), children: a.holderName ?? '' },
  ];

  const endOfLife = a.purchaseDate && a.lifeMonths ? addMonths(a.purchaseDate, a.lifeMonths) : null;
  const purchase: Items = [
    { key: 'purchaseDate', label: f('purchaseDate'), children: a.purchaseDate && <Nowrap>{a.purchaseDate}</Nowrap> },
    { key: 'price', label: f('priceFen'), children: money(a.priceFen) },
    { key: 'supplier', label: f('supplier'), children: a.supplier },
    { key: 'orderNumber', label: f('orderNumber'), children: a.orderNumber },
    { key: 'lifeMonths', label: f('lifeMonths'), children: a.lifeMonths ? t('assets.record.months', { months: a.lifeMonths }) : '' },
    { key: 'residualRate', label: f('residualRate'), children: a.residualRate === null ? '' : `${a.residualRate}%` },
    { key: 'endOfLife', label: t('assets.record.endOfLife'), children: endOfLife && <Nowrap>{endOfLife}</Nowrap> },
    {
      key: 'netValue',
      label: t('assets.record.netValue'),
      span: 'filled',
      children:
        a.netValueFen !== null ? (
          <span data-testid="net-value">
            <Typography.Text strong>{money(a.netValueFen)}</Typography.Text>
            <br />
            <Typography.Text type="secondary">
              {t('assets.record.depreciationRule', { rate: a.residualRate ?? 0, months: a.lifeMonths })}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('assets.record.netValueUnknown')}</Typography.Text>
        ),
    },
  ];

  const warranty: Items = [
    {
      key: 'warrantyEnd',
      label: f('warrantyEnd'),
      children: a.warrantyEnd ? <WarrantyEnd date={a.warrantyEnd} today={today} /> : '',
    },
  ];

  const network: Items = [
    { key: 'hostname', label: f('hostname'), children: a.hostname },
    { key: 'ip', label: f('ip'), children: a.ip && <Typography.Text copyable>{a.ip}</Typography.Text> },
    { key: 'mac', label: f('mac'), children: a.mac && <Typography.Text copyable>{a.mac}</Typography.Text> },
  ];

  const custom: Items = (category?.effectiveFields ?? []).map((def) => {
    const text = customValueText(def, a.custom[def.key]);
    return {
      key: `custom-${def.key}`,
      label: def.label,
      children:
        def.type === 'url' && text ? (
          <Typography.Link href={text} target="_blank" rel="noopener noreferrer">
            {text}
          </Typography.Link>
        ) : (
          text
        ),
    };
  });

  const sections: { key: string; title: string; items: Items }[] = [
    { key: 'identity', title: t('assets.record.section.identity'), items: identity },
    { key: 'custom', title: t('assets.record.section.custom', { category: a.categoryName }), items: filled(custom) },
    ...(holderView
      ? []
      : [{ key: 'purchase', title: t('assets.record.section.purchase'), items: [...filled(purchase), ...filled(warranty)] }]),
    ...(holderView ? [{ key: 'warranty', title: t('assets.record.section.warranty'), items: filled(warranty) }] : []),
    { key: 'network', title: t('assets.record.section.network'), items: filled(network) },
  ];

  return (
    <div data-testid="asset-info">
      {sections
        .filter((s) => s.items.length > 0)
        .map((s) => (
          <Descriptions
            key={s.key}
            title={s.title}
            bordered
            size="small"
            column={COLUMNS}
            items={s.key === 'identity' ? filled(s.items) : s.items}
            style={{ marginBottom: 20 }}
          />
        ))}
      {a.notes && (
        <Descriptions
          title={f('notes')}
          bordered
          size="small"
          column={1}
          items={[{ key: 'notes', children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.notes}</span> }]}
        />
      )}
    </div>
  );
}

function WarrantyEnd({ date, today }: { date: string; today: string }) {
  const { t } = useTranslation();
  const days = daysBetween(today, date);
  const note =
    days > 0
      ? t('assets.record.warrantyDaysLeft', { days })
      : days === 0
        ? t('assets.record.warrantyEndsToday')
        : t('assets.record.warrantyExpired', { days: -days });
  return (
    <span data-testid="warranty-end">
      <Nowrap>{date}</Nowrap> <Typography.Text type={days < 0 ? 'secondary' : days <= 30 ? 'warning' : undefined}>{note}</Typography.Text>
    </span>
  );
}
