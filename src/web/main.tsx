import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { App, ConfigProvider } from 'antd';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, setUnauthenticatedHandler } from './lib/api.ts';
import { antdLocale } from './lib/antd-locale.ts';
import { I18nProvider, useI18n } from './lib/i18n.tsx';
import { forgetSession } from './lib/session.ts';
import { router } from './router.tsx';

// A 401 on any request means the session has ended: go to sign-in and come back afterwards.
setUnauthenticatedHandler(() => {
  const { location } = router.state;
  if (location.pathname === '/sign-in') return;
  void router.navigate({ to: '/sign-in', search: { redirect: location.href } }).then(forgetSession);
});

/** Ant Design in the interface language, with the office's theme. */
function AntdProviders({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocale(locale)}
      button={{ autoInsertSpace: false }}
      theme={{
        // links, secondary text, placeholders and errors dark enough to read (WCAG AA, 4.5:1 on white): antd's defaults are 4.0:1, 2.9:1, 1.8:1 and 3.2:1
        token: { colorPrimary: '#1f5fa8', colorLink: '#1f5fa8', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)', colorError: '#cf1322', borderRadius: 6, fontSize: 14 },
        components: { Layout: { siderBg: '#0f2944', triggerBg: '#0b2038' }, Menu: { darkItemBg: '#0f2944', darkSubMenuItemBg: '#0b2038' } },
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');

createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <AntdProviders>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdProviders>
    </I18nProvider>
  </StrictMode>,
);
