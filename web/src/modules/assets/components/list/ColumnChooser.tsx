// Which columns the list shows and in what order. Ticked columns come first in their order
// (moved with the arrows); the rest follow, with the chosen category's own fields at the end.
import { ArrowDownOutlined, ArrowUpOutlined, InsertRowRightOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '@shared/contracts/assets.js';
import type { ColumnDef } from './columns';
import { CUSTOM_PREFIX } from './columns';
import { DEFAULT_COLUMNS } from './vocabulary';

interface ColumnChooserProps {
  defs: Map<string, ColumnDef>;
  value: readonly string[];
  /** Takes an update of the latest list, so two quick clicks both count. */
  onChange: (update: (current: readonly string[]) => string[]) => void;
  /** Custom fields of the category the list is filtered to (offered as columns). */
  categoryFields: readonly CustomFieldDef[];
}

export function ColumnChooser({ defs, value, onChange, categoryFields }: ColumnChooserProps) {
  const { t } = useTranslation();
  const chosen = value.filter((id) => defs.has(id));
  const builtIn = [...defs.values()].filter((d) => !d.custom && !chosen.includes(d.id));
  const custom = categoryFields.map((f) => CUSTOM_PREFIX + f.key).filter((id) => defs.has(id) && !chosen.includes(id));
  const rest = [...builtIn.map((d) => d.id), ...custom];

  const move = (id: string, by: -1 | 1) =>
    onChange((current) => {
      const next = [...current];
      const from = next.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= next.length) return next;
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    });
  const toggle = (id: string, on: boolean) =>
    onChange((current) => (on ? [...current.filter((c) => c !== id), id] : current.filter((c) => c !== id)));

  const row = (id: string, index: number | null) => (
    <Flex key={id} align="center" justify="space-between" gap={8} style={{ padding: '2px 0' }}>
      <Checkbox
        checked={index !== null}
        // The list never goes blank: the last ticked column stays.
        disabled={index !== null && chosen.length === 1}
        onChange={(e) => toggle(id, e.target.checked)}
        data-testid={`column-${id}`}
      >
        {defs.get(id)!.title}
      </Checkbox>
      {index !== null && (
        <span>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(id, -1)}
            aria-label={t('assets.columns.moveUp')}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === chosen.length - 1}
            onClick={() => move(id, 1)}
            aria-label={t('assets.columns.moveDown')}
          />
        </span>
      )}
    </Flex>
  );

  const content = (
    <div style={{ width: 260 }} data-testid="column-chooser">
      <div style={{ maxHeight: 380, overflowY: 'auto', paddingRight: 4 }}>
        {chosen.map((id, i) => row(id, i))}
        {rest.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px', fontSize: 12 }}>
            {t('assets.columns.more')}
          </Typography.Text>
        )}
        {rest.map((id) => row(id, null))}
      </div>
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('assets.columns.saveHint')}
        </Typography.Text>
        <Button size="small" type="link" onClick={() => onChange(() => [...DEFAULT_COLUMNS])} data-testid="columns-reset">
          {t('assets.columns.reset')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" title={t('assets.columns.title')} content={content}>
      <Button icon={<InsertRowRightOutlined />} data-testid="columns-button">
        {t('assets.columns.button')}
      </Button>
    </Popover>
  );
}
