import { Outlet } from '@tanstack/react-router';
import { Flex, Grid, Layout, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { GlobalSearch } from './global-search.tsx';
import { LangSwitch } from './lang-switch.tsx';
import { SideMenu } from './side-menu.tsx';
import { LoadingPage } from './status-pages.tsx';
import { UserMenu } from './user-menu.tsx';

const SIDER_WIDTH = 232;
// Put in by Vite at build; absent where the component is compiled without it (tests).
const VERSION = typeof __INTERCHANGE_VERSION__ === 'string' ? __INTERCHANGE_VERSION__ : '';

/** The signed-in shell: sider menu, header (search, language, user) and the page. */
export function AppLayout() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  // a phone's width: the header keeps the search, short language names and the avatar
  const narrow = !Grid.useBreakpoint().md;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={SIDER_WIDTH}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Flex align="center" gap={10} style={{ height: 56, padding: collapsed ? '0 24px' : '0 20px', color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={24} height={24} />
          {collapsed ? null : (
            <div style={{ lineHeight: 1.2, overflow: 'hidden', whiteSpace: 'nowrap' }}>
              <div style={{ fontWeight: 600 }}>{t('app.name')}</div>
              <div style={{ fontSize: 11, opacity: 0.65, overflow: 'hidden', textOverflow: 'ellipsis' }} title={t('app.tagline')}>{t('app.tagline')}</div>
            </div>
          )}
        </Flex>
        <SideMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            gap: narrow ? 8 : 16,
            padding: narrow ? '0 12px' : '0 24px',
            lineHeight: 'normal',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <GlobalSearch />
          <div style={{ flex: 1 }} />
          <LangSwitch signedIn compact={narrow} />
          <UserMenu compact={narrow} />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 12 : 24, outline: 'none' }}>
          <Suspense fallback={<LoadingPage />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 24px' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('app.name')} · {t('app.tagline')}
            {VERSION ? ` · v${VERSION}` : null}
          </Typography.Text>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
