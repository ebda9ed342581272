import { Link, type LinkProps } from '@tanstack/react-router';
import { Button } from 'antd';
import { useI18n } from '../lib/i18n.tsx';

/** The "back" button of a record or create page: a real link, so it opens in a new tab too. */
export function BackLink({ to }: { to: NonNullable<LinkProps['to']> }) {
  const { t } = useI18n();
  return (
    <Link to={to}>
      <Button>{t('action.back')}</Button>
    </Link>
  );
}
