import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Col, Descriptions, Empty, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../../../shared/contracts/units.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordHistory } from '../../components/record-history.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { buildUnitTree, useUnits, type UnitNode } from '../../lib/lookups.ts';
import { displayNames, foldText } from '../../lib/names.ts';
import { can, canSeeAudit } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { UnitFormModal } from './unit-form-modal.tsx';

const route = getRouteApi('/app/units');

type Dialog = { unit?: Unit; parentId?: number } | null;

/** Keep the nodes that match (and their ancestors). */
function filterTree(nodes: UnitNode[], match: (u: Unit) => boolean): UnitNode[] {
  return nodes.flatMap((node) => {
    const children = filterTree(node.children ?? [], match);
    return match(node) || children.length ? [{ ...node, children: children.length ? children : undefined }] : [];
  });
}

/** Our organization: the tree of schools, departments and hospitals; a selected unit's details and history. */
export function UnitsPage() {
  const { t, locale, formatDateTime } = useI18n();
  const user = useCurrentUser();
  const { selected } = route.useSearch();
  const navigate = route.useNavigate();
  const { data, isLoading, error } = useUnits();
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayCreate = can(user, 'create', 'unit');
  const mayEdit = can(user, 'edit', 'unit');

  const tree = useMemo(() => {
    const roots = buildUnitTree(data ?? []);
    const needle = foldText(filter.trim());
    if (!needle) return roots;
    return filterTree(roots, (u) => foldText([u.code, u.nameEn, u.nameZh, u.nameFr ?? ''].join(' ')).includes(needle));
  }, [data, filter]);
  const current = data?.find((u) => u.id === selected);
  // every branch open unless the user closed it (defaultExpandAllRows misses rows that arrive later)
  const [closed, setClosed] = useState<number[]>([]);
  const parentIds = useMemo(() => {
    const ids: number[] = [];
    const walk = (nodes: UnitNode[]) => nodes.forEach((n) => n.children && (ids.push(n.id), walk(n.children)));
    walk(tree);
    return ids;
  }, [tree]);

  if (error) return <ErrorPage error={error} />;

  return (
    <>
      <PageHeader
        title={t('nav.units')}
        subtitle={t('unit.intro')}
        extra={mayCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>{t('unit.add')}</Button> : null}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={current ? 14 : 24}>
          <Card>
            <Input.Search allowClear placeholder={t('unit.filter')} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 320, marginBottom: 16 }} />
            {tree.length || isLoading ? (
              <Table<UnitNode>
                rowKey="id"
                size="small"
                loading={isLoading}
                dataSource={tree}
                pagination={false}
                expandable={{
                  expandedRowKeys: parentIds.filter((id) => !closed.includes(id)),
                  onExpand: (open, u) => setClosed((prev) => (open ? prev.filter((id) => id !== u.id) : [...prev, u.id])),
                }}
                rowClassName={(u) => (u.id === selected ? 'ant-table-row-selected' : '')}
                onRow={(u) => ({ onClick: () => void navigate({ search: { selected: u.id } }), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    key: 'name',
                    title: t('unit.name'),
                    render: (_, u) => {
                      const { primary, secondary } = displayNames(u, locale);
                      return (
                        <span>
                          {primary} {secondary ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{secondary}</Typography.Text> : null}
                        </span>
                      );
                    },
                  },
                  { key: 'code', title: t('unit.field.code'), dataIndex: 'code', width: 160, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                  { key: 'kind', title: t('unit.field.kind'), width: 150, render: (_, u) => <Tag>{t(`unit.kind.${u.kind}`)}</Tag> },
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    width: 120,
                    hidden: !mayEdit && !mayCreate,
                    render: (_, u) => (
                      <Space size={4} onClick={(e) => e.stopPropagation()}>
                        {mayEdit ? <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} title={t('action.edit')} onClick={() => setDialog({ unit: u })} /> : null}
                        {mayCreate ? <Button size="small" type="text" icon={<PlusOutlined />} aria-label={t('unit.addChild')} title={t('unit.addChild')} onClick={() => setDialog({ parentId: u.id })} /> : null}
                      </Space>
                    ),
                  },
                ]}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        {current ? (
          <Col xs={24} xl={10}>
            <Card
              title={displayNames(current, locale).primary}
              extra={mayEdit ? <Button icon={<EditOutlined />} onClick={() => setDialog({ unit: current })}>{t('action.edit')}</Button> : null}
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'code', label: t('unit.field.code'), children: current.code },
                  { key: 'kind', label: t('unit.field.kind'), children: t(`unit.kind.${current.kind}`) },
                  { key: 'nameEn', label: t('unit.field.nameEn'), children: current.nameEn },
                  { key: 'nameZh', label: t('unit.field.nameZh'), children: current.nameZh },
                  { key: 'nameFr', label: t('unit.field.nameFr'), children: current.nameFr ?? t('common.empty') },
                  { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(current.updatedAt)} · ${t('common.version')} ${current.version}` },
                ]}
              />
              {canSeeAudit(user) ? (
                <>
                  <Typography.Title level={5}>{t('common.history')}</Typography.Title>
                  <RecordHistory entity="unit" entityId={current.id} />
                </>
              ) : null}
            </Card>
          </Col>
        ) : null}
      </Row>
      {dialog ? <UnitFormModal unit={dialog.unit} parentId={dialog.parentId} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
