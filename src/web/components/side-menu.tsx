import {
  CloudUploadOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  ExportOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FlagOutlined,
  GlobalOutlined,
  IdcardOutlined,
  ImportOutlined,
  MailOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  SwapOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, useRouterState, type LinkProps } from '@tanstack/react-router';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { CurrentUser } from '../../shared/contracts/auth.ts';
import type { Labels } from '../../shared/kinds/record-kind.ts';
import { RECORD_KINDS } from '../../shared/kinds/record-kinds.ts';
import { roleMay } from '../../shared/policies.ts';
import { useI18n, type MessageKey } from '../lib/i18n.tsx';
import { canChangeSettings, canManageUsers, canSeeAudit, canSeeJobs } from '../lib/permissions.ts';
import { useCurrentUser } from '../lib/session.ts';

interface NavItem {
  key: string;
  to: NonNullable<LinkProps['to']>;
  icon: ReactNode;
  visible?: (user: CurrentUser) => boolean;
  /** Its name, when not the message `nav.<key>` (a kind described by its fields names itself). */
  label?: Labels;
}
interface NavGroup {
  group: string | null;
  items: NavItem[];
}

const NAV: NavGroup[] = [
  { group: null, items: [{ key: 'todo', to: '/todo', icon: <CheckSquareOutlined /> }, { key: 'home', to: '/', icon: <DashboardOutlined /> }] },
  {
    group: 'cooperation',
    items: [
      { key: 'partners', to: '/partners', icon: <GlobalOutlined /> },
      { key: 'agreements', to: '/agreements', icon: <FileProtectOutlined /> },
      { key: 'organizations', to: '/organizations', icon: <FlagOutlined /> },
      { key: 'institutions', to: '/institutions', icon: <BankOutlined /> },
      { key: 'experts', to: '/experts', icon: <SolutionOutlined /> },
      { key: 'conferences', to: '/conferences', icon: <ScheduleOutlined /> },
      // every kind described by its fields alone, for the roles that may read it
      ...RECORD_KINDS.map((kind) => ({
        key: kind.path,
        to: `/${kind.path}` as NonNullable<LinkProps['to']>,
        icon: <FileTextOutlined />,
        visible: (user: CurrentUser) => roleMay(user.role, kind.policy, 'read'),
        label: kind.name.many,
      })),
    ],
  },
  {
    group: 'mobility',
    items: [
      { key: 'visits', to: '/visits', icon: <ImportOutlined /> },
      { key: 'missions', to: '/missions', icon: <ExportOutlined /> },
      { key: 'honours', to: '/honours', icon: <TrophyOutlined /> },
    ],
  },
  {
    group: 'education',
    items: [
      { key: 'students', to: '/students', icon: <ReadOutlined /> },
      { key: 'programmes', to: '/programmes', icon: <BookOutlined /> },
      { key: 'exchanges', to: '/exchanges', icon: <SwapOutlined /> },
    ],
  },
  {
    group: 'statistics',
    items: [
      { key: 'reports', to: '/reports', icon: <BarChartOutlined /> },
      { key: 'ledger', to: '/ledger', icon: <TableOutlined /> },
    ],
  },
  {
    group: 'records',
    items: [
      { key: 'people', to: '/people', icon: <IdcardOutlined /> },
      { key: 'units', to: '/units', icon: <ApartmentOutlined /> },
      { key: 'imports', to: '/imports', icon: <CloudUploadOutlined />, visible: (user) => roleMay(user.role, 'institution', 'create') },
    ],
  },
  {
    group: 'administration',
    items: [
      { key: 'users', to: '/users', icon: <TeamOutlined />, visible: canManageUsers },
      { key: 'audit', to: '/audit', icon: <AuditOutlined />, visible: canSeeAudit },
      { key: 'jobs', to: '/jobs', icon: <ScheduleOutlined />, visible: canSeeJobs },
      { key: 'outbox', to: '/outbox', icon: <MailOutlined />, visible: canSeeJobs },
      { key: 'settings', to: '/settings', icon: <SettingOutlined />, visible: canChangeSettings },
      { key: 'account', to: '/account', icon: <UserOutlined /> },
    ],
  },
];

/** The sider menu of all areas, grouped as the office works; hides what the role cannot open. */
export function SideMenu({ collapsed }: { collapsed: boolean }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const selected = pathname.split('/')[1] || 'home';

  const toItem = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: <Link to={item.to}>{item.label ? item.label[locale] : t(`nav.${item.key}` as MessageKey)}</Link>,
  });
  const items = NAV.flatMap(({ group, items: navItems }): NonNullable<MenuProps['items']> => {
    const visible = navItems.filter((i) => !i.visible || i.visible(user)).map(toItem);
    if (!group || collapsed) return visible;
    return [{ type: 'group' as const, key: `group-${group}`, label: t(`navGroup.${group}` as MessageKey), children: visible }];
  });

  return <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={items} style={{ borderInlineEnd: 0 }} />;
}
