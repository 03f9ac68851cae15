// A tree select over a flat node list (departments, locations), usable as a Form control.
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import type { TreeNode } from '@shared/contracts/org.js';
import { buildTree } from './tree';

interface TreePickerProps {
  nodes: readonly TreeNode[] | undefined;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Ids that cannot be chosen (e.g. a department and its children as its own parent). */
  disabledIds?: ReadonlySet<number>;
  placeholder?: string;
  loading?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}

export function TreePicker({
  nodes,
  value,
  onChange,
  disabledIds,
  placeholder,
  loading,
  allowClear = true,
  style,
  id,
  ...rest
}: TreePickerProps) {
  const treeData = useMemo(() => buildTree(nodes ?? [], disabledIds), [nodes, disabledIds]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      placeholder={placeholder}
      loading={loading}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeLine
      // Pickers are opened to choose: show the whole hierarchy (the list is virtualised).
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ minWidth: 180, ...style }}
    />
  );
}
