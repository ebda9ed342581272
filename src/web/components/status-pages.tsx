import { Button, Result, Spin } from 'antd';
import { Link } from '@tanstack/react-router';
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

/** Shown when loading a page's data failed: "not found" for 404/403, else the error's message. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  if (isNotFound(error)) return <Result status="404" title={t('error.title')} subTitle={t('error.notFound')} />;
  return <Result status="error" title={t('error.title')} subTitle={errorText(error, locale)} />;
}
