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

/** A tree select of our organization's units; `exclude` leaves out a unit and its descendants. */
export function UnitSelect({ exclude, ...props }: Omit<TreeSelectProps<number>, 'treeData'> & { exclude?: number }) {
  const { locale } = useI18n();
  const { data, isLoading } = useUnits();
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): UnitTreeOption | null => {
      if (node.id === exclude) return null;
      const children = (node.children ?? []).map(toOption).filter((o): o is UnitTreeOption => o !== null);
      return { value: node.id, title: `${primaryName(node, locale)} (${node.code})`, children: children.length ? children : undefined };
    };
    return buildUnitTree(data ?? []).map(toOption).filter((o): o is UnitTreeOption => o !== null);
  }, [data, locale, exclude]);

  return (
    <TreeSelect<number>
      allowClear
      showSearch
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      loading={isLoading}
      treeData={treeData}
      {...props}
    />
  );
}
