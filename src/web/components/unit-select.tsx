import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { buildUnitTree, useUnits, type UnitNode } from '../lib/lookups.ts';
import { primaryName } from '../lib/names.ts';

interface UnitTreeOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: UnitTreeOption[];
}

type UnitSelectProps = Omit<TreeSelectProps<number>, 'treeData'> & {
  /** Leave out this unit and its descendants (a unit cannot move under itself). */
  exclude?: number;
  /** Offer only this unit and its descendants (a coordinator's own part of the organization). */
  within?: number | null;
};

/** A tree select of our organization's units, or of one part of it. */
export function UnitSelect({ exclude, within, ...props }: UnitSelectProps) {
  const { locale } = useI18n();
  const { data, isLoading } = useUnits();
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): UnitTreeOption | null => {
      if (node.id === exclude) return null;
      const children = (node.children ?? []).map(toOption).filter((o): o is UnitTreeOption => o !== null);
      return { value: node.id, title: `${primaryName(node, locale)} (${node.code})`, children: children.length ? children : undefined };
    };
    const findRoot = (nodes: UnitNode[]): UnitNode | undefined => {
      for (const node of nodes) {
        const found = node.id === within ? node : findRoot(node.children ?? []);
        if (found) return found;
      }
      return undefined;
    };
    const tree = buildUnitTree(data ?? []);
    const roots = within == null ? tree : [findRoot(tree)].filter((n): n is UnitNode => n !== undefined);
    return roots.map(toOption).filter((o): o is UnitTreeOption => o !== null);
  }, [data, locale, exclude, within]);

  return (
    <TreeSelect<number>
      allowClear
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      loading={isLoading}
      treeData={treeData}
      // a filter has no label beside it: its placeholder names it for a screen reader
      aria-label={typeof props.placeholder === 'string' ? props.placeholder : undefined}
      {...props}
    />
  );
}
