// The small labels an article carries: FAQ or internal, draft, category and tags.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KbStatus, KbVisibility } from '@shared/contracts/kb.js';
import { useKbCategories } from '../api';

export function VisibilityTag({ visibility }: { visibility: KbVisibility }) {
  const { t } = useTranslation();
  return (
    <Tag color={visibility === 'staff' ? 'green' : 'blue'} data-testid="kb-visibility">
      {t(`kb.visibilityShort.${visibility}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: KbStatus }) {
  const { t } = useTranslation();
  if (status === 'published') return null;
  return (
    <Tag color="orange" data-testid="kb-draft">
      {t(`kb.status.${status}`)}
    </Tag>
  );
}

/** The category's label from the dictionary (its code while the dictionary loads). */
export function useCategoryLabel(): (value: string) => string {
  const { t } = useTranslation();
  const categories = useKbCategories();
  const labels = new Map((categories.data ?? []).map((c) => [c.value, c.label]));
  return (value) => (value ? (labels.get(value) ?? value) : t('kb.uncategorised'));
}

export function CategoryTag({ category }: { category: string }) {
  const label = useCategoryLabel();
  if (!category) return null;
  return <Tag>{label(category)}</Tag>;
}

export function TagList({ tags, onPick }: { tags: string[]; onPick?: (tag: string) => void }) {
  return (
    <>
      {tags.map((tag) => (
        <Tag
          key={tag}
          variant="filled"
          color="geekblue"
          style={onPick ? { cursor: 'pointer' } : undefined}
          onClick={onPick ? () => onPick(tag) : undefined}
        >
          #{tag}
        </Tag>
      ))}
    </>
  );
}
