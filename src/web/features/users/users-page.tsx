import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { getRouteApi } from '@tanstack/react-router';
import { Button, Card, Tag } from 'antd';
import { useState } from 'react';
import type { User } from '../../../shared/contracts/users.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/paged-table.tsx';
import { SearchInput } from '../../components/search-input.tsx';
import { ErrorPage, ForbiddenPage } from '../../components/status-pages.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { canManageUsers } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { DEFAULT_PAGE_SIZE } from '../../lib/url-search.ts';
import { useUsers } from './api.ts';
import { UserFormModal } from './user-form-modal.tsx';

const route = getRouteApi('/app/users');

/** Users (administrators): list, create, change role, unit and status. */
export function UsersPage() {
  const { t, locale, formatDateTime } = useI18n();
  const me = useCurrentUser();
  const units = useUnitMap();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const allowed = canManageUsers(me);
  const params = { page: search.page ?? 1, pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE, q: search.q };
  const users = useUsers(params, allowed);
  const [dialog, setDialog] = useState<{ user?: User } | null>(null);

  if (!allowed) return <ForbiddenPage />;
  if (users.error) return <ErrorPage error={users.error} />;

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
            {t('user.add')}
          </Button>
        }
      />
      <Card>
        <div style={{ marginBottom: 16 }}>
          <SearchInput key={search.q ?? ''} defaultValue={search.q} placeholder={t('action.search')} onSearch={(q) => void navigate({ search: { q: q || undefined } })} />
        </div>
        <PagedTable<User> query={users} at={params} onPage={(page, pageSize) => void navigate({ search: (prev) => ({ ...prev, page, pageSize }) })} size="middle"
          columns={[
            { key: 'name', title: t('user.field.displayName'), dataIndex: 'displayName' },
            { key: 'email', title: t('user.field.email'), dataIndex: 'email' },
            { key: 'role', title: t('user.field.role'), render: (_, u) => <Tag color={u.role === 'admin' ? 'red' : u.role === 'officer' ? 'blue' : undefined}>{t(`role.${u.role}`)}</Tag> },
            {
              key: 'unit',
              title: t('common.unit'),
              render: (_, u) => {
                const unit = u.unitId == null ? undefined : units.get(u.unitId);
                return unit ? primaryName(unit, locale) : t('common.empty');
              },
            },
            { key: 'locale', title: t('user.field.locale'), width: 100, render: (_, u) => t(`lang.${u.locale}`) },
            { key: 'status', title: t('user.status'), width: 100, render: (_, u) => (u.disabled ? <Tag color="default">{t('user.field.disabled')}</Tag> : <Tag color="green">{t('user.active')}</Tag>) },
            { key: 'updatedAt', title: t('common.updatedAt'), width: 180, render: (_, u) => formatDateTime(u.updatedAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 90,
              render: (_, u) => <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ user: u })}>{t('action.edit')}</Button>,
            },
          ]}
        />
      </Card>
      {dialog ? <UserFormModal user={dialog.user} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
