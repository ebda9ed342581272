import { Typography } from 'antd';
import type { Mission } from '../../../shared/contracts/missions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { memberName } from './mission-labels.tsx';

const NAMES_SHOWN = 3;

/** How many go, and the first names of the members, the leader first. */
export function MembersCell({ mission: m }: { mission: Pick<Mission, 'members'> }) {
  const { t, locale } = useI18n();
  const n = m.members.length;
  const names = m.members.slice(0, NAMES_SHOWN).map((x) => memberName(x, locale));
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{n === 1 ? t('mission.oneMember') : t('mission.membersCount', { n })}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
        {names.join(' · ')}
        {n > NAMES_SHOWN ? ' …' : ''}
      </Typography.Text>
    </div>
  );
}

/** The countries and regions of the itinerary, each once, in order, and the hosts there. */
export function DestinationsCell({ mission: m, hosts = false }: { mission: Pick<Mission, 'destinations'>; hosts?: boolean }) {
  const { locale } = useI18n();
  const codes = [...new Set(m.destinations.map((d) => d.countryCode))];
  const names = m.destinations.flatMap((d) => (d.institutionId != null ? [(locale === 'zh' ? d.institutionNameZh : null) ?? d.institutionNameEn ?? ''] : []));
  return (
    <div style={{ lineHeight: 1.35 }}>
      {codes.map((code, i) => (
        <span key={code}>
          {i > 0 ? ', ' : ''}
          <CountryName code={code} />
        </span>
      ))}
      {hosts && names.length ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {names.join(' · ')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
