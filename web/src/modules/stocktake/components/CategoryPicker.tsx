// The asset category tree as a form control (scope of a stocktake).
import { useTranslation } from 'react-i18next';
import { TreePicker } from '../../../ui/TreePicker';
import { useCategoryNodes } from '../api';

interface CategoryPickerProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

export function CategoryPicker(props: CategoryPickerProps) {
  const { t } = useTranslation();
  const nodes = useCategoryNodes();
  return (
    <TreePicker
      nodes={nodes.data}
      loading={nodes.isLoading}
      placeholder={t('stocktake.start.categoryPlaceholder')}
      style={{ width: '100%' }}
      data-testid="category-picker"
      {...props}
    />
  );
}
