import { Typography } from 'antd';
import type { Mission } from '../../../shared/contracts/missions.ts';
import { CountAndNames, CountryList, NAMES_SHOWN } from '../../components/list-cells.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { memberName } from './mission-labels.tsx';

/** How many go, and the first names of the members, the leader first. */
export function MembersCell({ mission: m }: { mission: Pick<Mission, 'members'> }) {
  const { t, locale } = useI18n();
  const n = m.members.length;
  return (
    <CountAndNames
      count={n === 1 ? t('mission.oneMember') : t('mission.membersCount', { n })}
      names={m.members.map((x) => memberName(x, locale))}
      more={n > NAMES_SHOWN ? ' …' : ''}
    />
  );
}

/** The countries and regions of the itinerary, each once, in order, and the hosts there. */
export function DestinationsCell({ mission: m, hosts = false }: { mission: Pick<Mission, 'destinations'>; hosts?: boolean }) {
  const { locale } = useI18n();
  const names = m.destinations.flatMap((d) => (d.institutionId != null ? [(locale === 'zh' ? d.institutionNameZh : null) ?? d.institutionNameEn ?? ''] : []));
  return (
    <div style={{ lineHeight: 1.35 }}>
      <CountryList codes={m.destinations.map((d) => d.countryCode)} />
      {hosts && names.length ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {names.join(' · ')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
