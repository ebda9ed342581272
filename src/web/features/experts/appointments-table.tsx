import { Link } from '@tanstack/react-router';
import { APPOINTMENT_STATUSES, APPOINTMENT_TITLES, type Appointment } from '../../../shared/contracts/appointments.ts';
import { CountryName } from '../../components/country-select.tsx';
import { ListTable } from '../../components/list-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { ListNavigate } from '../../lib/list-url-state.ts';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { AppointmentTags, ExpertNameLines, TermText, useAppointmentLabels } from './appointment-labels.tsx';
import { appointmentsApi } from './api.ts';
import type { ExpertsSearch } from './experts-search.ts';

interface AppointmentsTableProps {
  search: ExpertsSearch;
  navigate: ListNavigate<ExpertsSearch>;
  /** The date "in force" is read at (the page's as-of date). */
  asOf: string;
}

/** The appointments behind the figure: search, filters (title, unit, status, in force on the date, country), sort and page in the URL. */
export function AppointmentsTable({ search, navigate, asOf }: AppointmentsTableProps) {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const units = useUnitMap();
  const result = appointmentsApi.useList(search);

  return (
    <ListTable<Appointment, ExpertsSearch>
      card={{ title: t('exp.appointments'), testId: 'appointments-list' }}
      search={search}
      navigate={navigate}
      defaultSort="startDate"
      result={result}
      keepOnReset={['asOf']}
      searchBox={{ testId: 'appointments-search', placeholder: t('exp.searchPlaceholder'), width: 300 }}
      filters={[
        { type: 'select', key: 'title', options: APPOINTMENT_TITLES.map((v) => ({ value: v, label: labels.title(v) })), placeholder: t('exp.allTitles'), width: 190 },
        { type: 'select', key: 'status', options: APPOINTMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) })), placeholder: t('agr.allStatuses'), width: 150, testId: 'appointments-status-filter' },
        { type: 'flag', key: 'inForce', yes: t('exp.inForceOn', { date: asOf }), no: t('exp.notInForceOn', { date: asOf }), placeholder: t('exp.inForceFilter'), width: 210, testId: 'appointments-in-force' },
        { type: 'unit', key: 'unitId', placeholder: t('agr.allUnits'), width: 220 },
        { type: 'country', key: 'country', placeholder: t('person.allNationalities'), width: 200 },
      ]}
      columns={[
        {
          key: 'familyName',
          sortable: true,
          title: t('exp.expert'),
          render: (_, a) => (
            <Link to="/experts/appointments/$id" params={{ id: String(a.id) }}>
              <ExpertNameLines person={a.person} />
            </Link>
          ),
        },
        { key: 'title', title: t('exp.field.title'), width: 170, render: (_, a) => labels.title(a.title) },
        { key: 'nationality', title: t('person.field.nationality'), width: 160, render: (_, a) => <CountryName code={a.person.nationality} /> },
        {
          key: 'unit',
          title: t('exp.field.unitId'),
          width: 200,
          render: (_, a) => {
            const unit = units.get(a.unitId);
            return unit ? primaryName(unit, locale) : t('common.empty');
          },
        },
        { key: 'startDate', sortable: true, title: t('exp.term'), width: 220, render: (_, a) => <TermText appointment={a} /> },
        { key: 'status', title: t('agr.field.status'), width: 170, render: (_, a) => <AppointmentTags appointment={a} /> },
      ]}
    />
  );
}
