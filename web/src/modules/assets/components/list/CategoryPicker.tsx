// Choosing an asset category from the tree (forms and the phone's filter drawer).
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '@shared/contracts/assets.js';
import { subtreeIds } from '../../../../ui/tree';
import { TreePicker } from '../../../../ui/TreePicker';
import { useCategories } from '../../api';

interface CategoryPickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** This category and those below it cannot be chosen (picking a parent for it). */
  excludeSubtreeOf?: number;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: CSSProperties;
}

/** Categories as the tree helpers take them (id, name, parentId, code). */
export function categoryNodes(categories: readonly Category[] | undefined) {
  return (categories ?? []).map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, code: c.code }));
}

export function CategoryPicker({ excludeSubtreeOf, placeholder, ...rest }: CategoryPickerProps) {
  const { t } = useTranslation();
  const categories = useCategories();
  const nodes = useMemo(() => categoryNodes(categories.data), [categories.data]);
  const disabled = useMemo(
    () => (excludeSubtreeOf !== undefined ? subtreeIds(nodes, excludeSubtreeOf) : undefined),
    [nodes, excludeSubtreeOf],
  );
  return (
    <TreePicker
      nodes={nodes}
      loading={categories.isLoading}
      disabledIds={disabled}
      placeholder={placeholder ?? t('assets.form.pickCategory')}
      data-testid="category-picker"
      {...rest}
    />
  );
}
