import { Link, type LinkProps } from '@tanstack/react-router';
import { Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { TODO_GROUPS, type TodoItem, type TodoStanding } from '../../../shared/contracts/todo.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorPage } from '../../components/status-pages.tsx';
import { hasMessage, useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { useTodo } from './api.ts';
import { kindName } from './kind-name.ts';
import { LateByUnitCard } from './late-by-unit-card.tsx';

const STANDING_COLOR: Record<TodoStanding, string> = { late: 'red', coming: 'gold', waiting: 'blue' };

/** One item: its kind, its record's title linking to the record, what is owed, and when. */
function TodoRow({ item }: { item: TodoItem }) {
  const { t, locale } = useI18n();
  const title = (locale === 'zh' ? item.titleZh : null) || item.titleEn;
  return (
    <List.Item data-testid={`todo-item-${item.kind}-${item.id}`} data-standing={item.standing}>
      <Flex gap={8} align="center" wrap style={{ width: '100%' }}>
        <Tag color={STANDING_COLOR[item.standing]} data-testid={item.standing === 'late' ? 'todo-late' : undefined}>
          {t(`todo.standing.${item.standing}` as MessageKey)}
        </Tag>
        <Typography.Text type="secondary">
          {kindName(item.kind, t, locale)}
          {item.importKind && hasMessage(`imports.kind.${item.importKind}`) ? ` · ${t(`imports.kind.${item.importKind}` as MessageKey)}` : ''}
        </Typography.Text>
        <Link to={item.link as NonNullable<LinkProps['to']>} data-testid="todo-link">
          {title}
        </Link>
        <Typography.Text>· {t(item.labelKey as MessageKey)}</Typography.Text>
        {item.dueOn ? (
          <Typography.Text type={item.standing === 'late' ? 'danger' : 'secondary'} style={{ marginLeft: 'auto' }}>
            {t(item.kind === 'imports' ? 'todo.expires' : 'todo.due', { date: item.dueOn })}
          </Typography.Text>
        ) : null}
      </Flex>
    </List.Item>
  );
}

/**
 * The first page after sign-in: what waits on the user, grouped (decisions, reports owed,
 * renewals and expiries), late items marked, each linking to its record. Leaders and the office
 * also see what is late in each unit.
 */
export function TodoPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { data, isLoading, error } = useTodo();
  const summary = user.role === 'leader' || user.role === 'admin' || user.role === 'officer';

  if (error) return <ErrorPage error={error} />;
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('nav.todo')} subtitle={t('todo.subtitle')} />
      <Flex vertical gap={16}>
        {isLoading ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : items.length === 0 ? (
          <Card>
            <Empty description={t('todo.empty')} data-testid="todo-empty" />
          </Card>
        ) : (
          TODO_GROUPS.map((group) => {
            const inGroup = items.filter((i) => i.group === group);
            if (!inGroup.length) return null;
            const late = inGroup.filter((i) => i.standing === 'late').length;
            return (
              <Card key={group} title={t(`todo.group.${group}` as MessageKey)} extra={late ? <Tag color="red">{t('todo.lateCount', { count: late })}</Tag> : null} data-testid={`todo-group-${group}`}>
                <List size="small" dataSource={inGroup} rowKey={(i) => `${i.kind}-${i.id}-${i.owed}-${i.partId ?? ''}`} renderItem={(item) => <TodoRow item={item} />} />
              </Card>
            );
          })
        )}
        {summary ? <LateByUnitCard /> : null}
      </Flex>
    </>
  );
}
