import { Button, Result, Spin } from 'antd';
import { Link, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { ApiError } from '../lib/api.ts';
import { errorText, isNotFound } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n.tsx';

/** Shown while a page or its data loads. */
export function LoadingPage() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Shown for an unknown address. */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.pageNotFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Shown when the user's role does not open this page. */
export function ForbiddenPage() {
  const { t } = useI18n();
  return <Result status="403" title="403" subTitle={t('error.forbidden')} />;
}

/** Shown when loading a page's data failed: "not found" for 404/403, else the error's message; a merged record's old page leads to the survivor's. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const redirected = useRef(false);
  // A record merged into another: its old address leads to the one that holds everything now (once).
  const into = error instanceof ApiError && error.code === 'record_merged' ? (error.current as { id?: number } | undefined)?.id : undefined;
  const target = into !== undefined && /\/\d+$/.test(pathname) ? pathname.replace(/\d+$/, String(into)) : null;
  useEffect(() => {
    if (!target || redirected.current) return;
    redirected.current = true;
    void navigate({ to: target as never, replace: true });
  }, [target, navigate]);
  if (target) return <LoadingPage />;
  if (isNotFound(error)) return <Result status="404" title={t('error.title')} subTitle={t('error.notFound')} />;
  return <Result status="error" title={t('error.title')} subTitle={errorText(error, locale)} />;
}
