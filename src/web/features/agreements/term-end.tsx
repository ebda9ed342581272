import { Typography } from 'antd';
import type { Agreement } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** When the current term ends; "open-ended" for an agreement without an end, nothing before it is in force. */
export function TermEnd({ agreement: a }: { agreement: Pick<Agreement, 'termEndsOn' | 'expiresOn' | 'autoRenewal' | 'status'> }) {
  const { t } = useI18n();
  const end = a.termEndsOn ?? a.expiresOn;
  if (end) {
    return (
      <span>
        {end}
        {a.autoRenewal ? (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('agr.autoRenews')}
          </Typography.Text>
        ) : null}
      </span>
    );
  }
  return <Typography.Text type="secondary">{a.status === 'expired' || a.status === 'terminated' ? t('common.empty') : t('agr.openEnded')}</Typography.Text>;
}
