import { Link } from '@tanstack/react-router';
import { Typography } from 'antd';
import type { AgreementPartner } from '../../../shared/contracts/agreements.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { partnerName } from './agreement-labels.tsx';

/** An agreement's partners, each a link to its institution, with its country or region and its own unit. */
export function AgreementPartners({ partners, links = true }: { partners: AgreementPartner[]; links?: boolean }) {
  const { locale } = useI18n();
  return (
    <div style={{ lineHeight: 1.35 }}>
      {partners.map((p) => (
        <div key={p.institutionId}>
          {links ? (
            <Link to="/institutions/$id" params={{ id: String(p.institutionId) }}>
              {partnerName(p, locale)}
            </Link>
          ) : (
            partnerName(p, locale)
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' · '}
            <CountryName code={p.countryCode} />
            {p.partnerUnit ? ` · ${p.partnerUnit}` : ''}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
