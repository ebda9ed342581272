import { Typography } from 'antd';
import type { Visit } from '../../../shared/contracts/visits.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { memberName } from './visit-labels.tsx';

const NAMES_SHOWN = 3;

/** How many came, and the first names of the delegation in their own script. */
export function VisitorsCell({ visit: v }: { visit: Pick<Visit, 'members'> }) {
  const { t, locale } = useI18n();
  const n = v.members.length;
  const names = v.members.slice(0, NAMES_SHOWN).map((m) => memberName(m, locale));
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{n === 1 ? t('visit.oneVisitor') : t('visit.visitorsCount', { n })}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
        {names.join(' · ')}
        {n > NAMES_SHOWN ? ` ${t('visit.andMore', { n: n - NAMES_SHOWN })}` : ''}
      </Typography.Text>
    </div>
  );
}

/** The countries and regions the visitors came from, each once, in delegation order. */
export function VisitCountries({ visit: v }: { visit: Pick<Visit, 'members'> }) {
  const codes = [...new Set(v.members.map((m) => m.countryCode))];
  return (
    <span>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 ? ', ' : ''}
          <CountryName code={code} />
        </span>
      ))}
    </span>
  );
}
