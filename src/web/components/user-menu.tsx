import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Avatar, Dropdown, Flex, Typography } from 'antd';
import { useI18n } from '../lib/i18n.tsx';
import { useUnitMap } from '../lib/lookups.ts';
import { primaryName } from '../lib/names.ts';
import { forgetSession, signOut, useCurrentUser } from '../lib/session.ts';

/** The signed-in user in the header: name, role, unit; account and sign-out. `compact` (a phone): the avatar alone, the rest in the menu. */
export function UserMenu({ compact = false }: { compact?: boolean }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const units = useUnitMap();
  const navigate = useNavigate();
  const unit = user.unitId == null ? undefined : units.get(user.unitId);

  const leave = async () => {
    const logoutUrl = await signOut().catch(() => null);
    // Signed in through the identity provider: end its session there too; it sends the browser back to the sign-in page.
    if (logoutUrl) window.location.assign(logoutUrl);
    else await navigate({ to: '/sign-in', search: {} });
    forgetSession();
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            label: (
              <div>
                {compact ? <div>{user.displayName}</div> : null}
                <div>{user.email}</div>
                <Typography.Text type="secondary">
                  {t(`role.${user.role}`)}
                  {unit ? ` · ${primaryName(unit, locale)}` : ''}
                </Typography.Text>
              </div>
            ),
          },
          { type: 'divider' },
          { key: 'account', icon: <UserOutlined />, label: t('nav.account'), onClick: () => void navigate({ to: '/account' }) },
          { key: 'sign-out', icon: <LogoutOutlined />, label: t('header.signOut'), onClick: () => void leave() },
        ],
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer', flexShrink: 0 }} data-testid="user-menu" role="button" tabIndex={0} aria-label={`${user.displayName} · ${t(`role.${user.role}`)}`}>
        <Avatar size="small" icon={<UserOutlined />} />
        {compact ? null : (
          <>
            <span>{user.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`role.${user.role}`)}
            </Typography.Text>
          </>
        )}
      </Flex>
    </Dropdown>
  );
}
