import { PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import type { Appointment, ExpertConference, ExpertDocument, ExpertVisit } from '../../../shared/contracts/appointments.ts';
import { ATTENDEE_ROLE_LABELS, CONFERENCE_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { ledgerCategoryLabel } from '../../../shared/i18n/ledger-categories.ts';
import { CountryName } from '../../components/country-select.tsx';
import { labelReaders, type EnumLabels } from '../../lib/enum-labels.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { useInboundRecord } from './api.ts';
import { AppointmentTags, TermText, useAppointmentLabels } from './appointment-labels.tsx';
import { ExpiryDate } from './expiry-tag.tsx';

/**
 * A person's inbound record on their page: appointments, the visits they came on and the conferences
 * they attended, together with their person-times. Nothing is shown for a person with none of these.
 */
export function InboundRecordCard({ personId }: { personId: number }) {
  const { t, locale, formatNumber } = useI18n();
  const labels = useAppointmentLabels();
  // a conference's role and status as the record carries them (plain strings): a value the labels lack is shown as it is
  const conferenceLabels = labelReaders({ role: ATTENDEE_ROLE_LABELS as EnumLabels<string>, status: CONFERENCE_STATUS_LABELS as EnumLabels<string> }, locale);
  const units = useUnitMap();
  const user = useCurrentUser();
  const { data } = useInboundRecord(personId);
  if (!data) return null;
  const { appointments, visits, conferences, documents } = data;
  if (appointments.length + visits.length + conferences.length + documents.length === 0) return null;
  const unitName = (id: number | null) => {
    const unit = id == null ? undefined : units.get(id);
    return unit ? primaryName(unit, locale) : t('common.empty');
  };

  const appointmentColumns: TableColumnsType<Appointment> = [
    { key: 'title', title: t('exp.field.title'), render: (_, a) => <Link to="/experts/appointments/$id" params={{ id: String(a.id) }}>{labels.title(a.title)}</Link> },
    { key: 'unit', title: t('exp.field.unitId'), render: (_, a) => unitName(a.unitId) },
    { key: 'term', title: t('exp.term'), render: (_, a) => <TermText appointment={a} /> },
    { key: 'status', title: t('agr.field.status'), render: (_, a) => <AppointmentTags appointment={a} /> },
  ];
  const visitColumns: TableColumnsType<ExpertVisit> = [
    { key: 'dates', title: t('exp.record.dates'), render: (_, v) => <Link to="/visits/$id" params={{ id: String(v.visitId) }}>{v.startDate === v.endDate ? v.startDate : `${v.startDate} – ${v.endDate}`}</Link> },
    { key: 'category', title: t('exp.record.purpose'), render: (_, v) => ledgerCategoryLabel(v.category, locale) },
    { key: 'country', title: t('common.country'), render: (_, v) => <CountryName code={v.countryCode} /> },
    { key: 'institution', title: t('common.institution'), render: (_, v) => v.institutionName ?? t('common.empty') },
    { key: 'unit', title: t('common.unit'), render: (_, v) => unitName(v.unitId) },
  ];
  const conferenceColumns: TableColumnsType<ExpertConference> = [
    { key: 'title', title: t('conf.field.titleEn'), render: (_, c) => <Link to="/conferences/$id" params={{ id: String(c.conferenceId) }}>{locale === 'zh' ? c.titleZh : c.titleEn}</Link> },
    { key: 'dates', title: t('exp.record.dates'), render: (_, c) => `${c.startDate} – ${c.endDate}` },
    { key: 'role', title: t('conf.attendee.role'), render: (_, c) => conferenceLabels.role(c.role) },
    { key: 'status', title: t('agr.field.status'), render: (_, c) => conferenceLabels.status(c.status) },
  ];
  const documentColumns: TableColumnsType<ExpertDocument> = [
    { key: 'kind', title: t('exp.doc.field.kind'), render: (_, d) => labels.documentKind(d.kind) },
    ...(documents.some((d) => d.number !== undefined) ? [{ key: 'number', title: t('exp.doc.field.number'), render: (_: unknown, d: ExpertDocument) => d.number ?? t('common.empty') }] : []),
    { key: 'expiresOn', title: t('exp.doc.field.expiresOn'), render: (_, d) => <ExpiryDate date={d.expiresOn} /> },
  ];
  const conferenceKey = (c: ExpertConference) => `${c.conferenceId}-${c.role}`;
  const tabs = [
    { key: 'appointments', label: t('exp.record.appointments', { n: appointments.length }), children: <TabTable rows={appointments} empty={t('exp.record.noAppointments')} columns={appointmentColumns} /> },
    { key: 'visits', label: t('exp.record.visits', { n: visits.length }), children: <TabTable rowKey="visitId" rows={visits} empty={t('exp.record.noVisits')} columns={visitColumns} /> },
    { key: 'conferences', label: t('exp.record.conferences', { n: conferences.length }), children: <TabTable rowKey={conferenceKey} rows={conferences} empty={t('exp.record.noConferences')} columns={conferenceColumns} /> },
    { key: 'documents', label: t('exp.record.documents', { n: documents.length }), children: <TabTable rows={documents} empty={t('exp.doc.none')} columns={documentColumns} /> },
  ];

  return (
    <Card
      title={t('exp.record.title')}
      data-testid="inbound-record"
      extra={
        can(user, 'create', 'appointment') ? (
          <Link to="/experts/appointments/new" search={{ personId }}>
            <Button icon={<PlusOutlined />}>{t('exp.add')}</Button>
          </Link>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" data-testid="inbound-record-person-times">
        {t('exp.record.personTimes', { n: formatNumber(data.personTimes) })}
      </Typography.Paragraph>
      <Tabs size="small" items={tabs} />
    </Card>
  );
}

/** One tab's table: small, without pages, a word when it has no rows. */
function TabTable<T extends object>(props: { rows: T[]; empty: string; columns: TableColumnsType<T>; rowKey?: string | ((row: T) => string) }) {
  const { rows, empty, columns, rowKey = 'id' } = props;
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      columns={columns}
    />
  );
}
