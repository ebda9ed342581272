import type { Visit } from '../../../shared/contracts/visits.ts';
import { CountAndNames, CountryList, NAMES_SHOWN } from '../../components/list-cells.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { memberName } from './visit-labels.tsx';

/** How many came, and the first names of the delegation in their own script. */
export function VisitorsCell({ visit: v }: { visit: Pick<Visit, 'members'> }) {
  const { t, locale } = useI18n();
  const n = v.members.length;
  return (
    <CountAndNames
      count={n === 1 ? t('visit.oneVisitor') : t('visit.visitorsCount', { n })}
      names={v.members.map((m) => memberName(m, locale))}
      more={n > NAMES_SHOWN ? ` ${t('visit.andMore', { n: n - NAMES_SHOWN })}` : ''}
    />
  );
}

/** The countries and regions the visitors came from, each once, in delegation order. */
export function VisitCountries({ visit: v }: { visit: Pick<Visit, 'members'> }) {
  return (
    <span>
      <CountryList codes={v.members.map((m) => m.countryCode)} />
    </span>
  );
}
