import { Link } from '@tanstack/react-router';
import { Tag, type TableColumnType } from 'antd';
import type { RenewalItem } from '../../../shared/contracts/appointments.ts';
import { RENEWAL_ITEM_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RenewalPage, type RenewalDescription } from '../../components/renewal-page.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { ExpertNameLines, useAppointmentLabels } from './appointment-labels.tsx';
import { renewalListUrl, useRenewalList } from './api.ts';

/** The renewal list's columns after the date due: what, whose, which term or document, proposed successor. */
function useRenewalColumns(): TableColumnType<RenewalItem>[] {
  const { t, locale } = useI18n();
  const labels = useAppointmentLabels();
  const units = useUnitMap();
  return [
    {
      key: 'type',
      title: t('exp.what'),
      width: 170,
      render: (_, i) => <Tag color={i.type === 'appointment' ? 'blue' : 'gold'}>{RENEWAL_ITEM_LABELS[i.type][locale]}</Tag>,
    },
    {
      key: 'expert',
      title: t('exp.expert'),
      render: (_, i) => (
        <Link to="/people/$id" params={{ id: String(i.personId) }}>
          <ExpertNameLines person={i.person} />
        </Link>
      ),
    },
    { key: 'nationality', title: t('person.field.nationality'), width: 150, render: (_, i) => <CountryName code={i.person.nationality} /> },
    {
      key: 'item',
      title: t('exp.titleOrDocument'),
      width: 200,
      render: (_, i) => {
        const text = i.documentKind ? labels.documentKind(i.documentKind) : i.title ? labels.title(i.title) : t('common.empty');
        return i.appointmentId ? (
          <Link to="/experts/appointments/$id" params={{ id: String(i.appointmentId) }}>
            {text}
          </Link>
        ) : (
          text
        );
      },
    },
    {
      key: 'unit',
      title: t('exp.field.unitId'),
      width: 190,
      render: (_, i) => {
        const unit = i.unitId == null ? undefined : units.get(i.unitId);
        return unit ? primaryName(unit, locale) : t('common.empty');
      },
    },
    {
      key: 'successor',
      title: t('exp.renewalProposed'),
      width: 150,
      render: (_, i) =>
        i.successorId ? (
          <Link to="/experts/appointments/$id" params={{ id: String(i.successorId) }}>
            #{i.successorId}
          </Link>
        ) : (
          t('common.empty')
        ),
    },
  ];
}

/** Terms ending and expert documents expiring; three months ahead by default (the server's), time to renew a term or a work permit. */
const EXPERT_RENEWALS: RenewalDescription<RenewalItem> = {
  title: 'exp.renewals',
  subtitle: 'exp.renewalsSubtitle',
  emptyText: 'exp.renewalsEmpty',
  backTo: '/experts',
  defaultMonths: 3,
  testId: 'expert-renewals',
  useItems: useRenewalList,
  fileUrl: renewalListUrl,
  rowKey: (i) => `${i.type}-${i.appointmentId ?? ''}-${i.documentId ?? ''}`,
  due: { key: 'dueOn', title: 'exp.dueOn', width: 140, date: (i) => i.dueOn },
  useColumns: useRenewalColumns,
};

/** Terms ending and expert documents expiring within N months, soonest first, and the same as CSV or Excel. */
export function RenewalsPage() {
  return <RenewalPage description={EXPERT_RENEWALS} />;
}
