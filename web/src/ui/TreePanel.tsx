// The tree beside a list (departments, locations): clicking a node filters the list to it.
import { Button, Card, Input, Tree } from 'antd';
import { useMemo, useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeNode } from '@shared/contracts/org.js';
import { buildTree, matchWithAncestors, type NestedNode } from './tree';

interface TreePanelProps {
  title: ReactNode;
  nodes: readonly TreeNode[] | undefined;
  loading?: boolean;
  selected: number | undefined;
  onSelect: (id: number | undefined) => void;
  /** Extra text after a node's name (e.g. the location kind). */
  renderExtra?: (node: TreeNode) => ReactNode;
}

export function TreePanel({ title, nodes, loading, selected, onSelect, renderExtra }: TreePanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  // null until the user opens or closes a node: until then the top level stays open, including
  // top-level nodes that had no children when the tree first drew (rc-tree drops those keys).
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const treeData = useMemo(() => {
    const all = nodes ?? [];
    if (!filter.trim()) return buildTree(all);
    const keep = matchWithAncestors(all, filter);
    return buildTree(all.filter((n) => keep.has(n.id)));
  }, [nodes, filter]);

  return (
    <Card
      size="small"
      title={title}
      loading={loading}
      extra={
        <Button type="link" size="small" disabled={selected === undefined} onClick={() => onSelect(undefined)}>
          {t('common.showAll')}
        </Button>
      }
      data-testid="tree-panel"
    >
      <Input.Search
        allowClear
        size="small"
        placeholder={t('common.filterTree')}
        onChange={(e) => setFilter(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      <Tree<NestedNode>
        blockNode
        showLine
        // Virtual scrolling keeps thousands of nodes responsive.
        height={520}
        treeData={treeData}
        // A filtered tree is small: open it all so the matches are visible.
        expandedKeys={filter.trim() ? collectKeys(treeData) : (expanded ?? treeData.map((n) => n.key))}
        onExpand={(keys) => setExpanded(keys)}
        selectedKeys={selected !== undefined ? [selected] : []}
        onSelect={(keys) => onSelect(keys.length ? Number(keys[0]) : undefined)}
        titleRender={(n) => (
          <span>
            {n.title}
            {renderExtra?.(n.node)}
          </span>
        )}
      />
    </Card>
  );
}

function collectKeys(nodes: NestedNode[]): number[] {
  return nodes.flatMap((n) => [n.key, ...collectKeys(n.children ?? [])]);
}
