import { PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Button, Card, Empty, Table, Tabs, Typography } from 'antd';
import type { Appointment, ExpertConference, ExpertDocument, ExpertVisit } from '../../../shared/contracts/appointments.ts';
import type { AttendeeRole, ConferenceStatus } from '../../../shared/contracts/conferences.ts';
import { ATTENDEE_ROLE_LABELS, CONFERENCE_STATUS_LABELS } from '../../../shared/i18n/inbound-labels.ts';
import { ledgerCategoryLabel } from '../../../shared/i18n/ledger-categories.ts';
import { CountryName } from '../../components/country-select.tsx';
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
  const empty = (text: string) => ({ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} /> });

  const tabs = [
    {
      key: 'appointments',
      label: t('exp.record.appointments', { n: appointments.length }),
      children: (
        <Table<Appointment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={appointments}
          locale={empty(t('exp.record.noAppointments'))}
          columns={[
            {
              key: 'title',
              title: t('exp.field.title'),
              render: (_, a) => (
                <Link to="/experts/appointments/$id" params={{ id: String(a.id) }}>
                  {labels.title(a.title)}
                </Link>
              ),
            },
            { key: 'unit', title: t('exp.field.unitId'), render: (_, a) => unitName(a.unitId) },
            { key: 'term', title: t('exp.term'), render: (_, a) => <TermText appointment={a} /> },
            { key: 'status', title: t('agr.field.status'), render: (_, a) => <AppointmentTags appointment={a} /> },
          ]}
        />
      ),
    },
    {
      key: 'visits',
      label: t('exp.record.visits', { n: visits.length }),
      children: (
        <Table<ExpertVisit>
          rowKey="visitId"
          size="small"
          pagination={false}
          dataSource={visits}
          locale={empty(t('exp.record.noVisits'))}
          columns={[
            {
              key: 'dates',
              title: t('exp.record.dates'),
              render: (_, v) => (
                <Link to="/visits/$id" params={{ id: String(v.visitId) }}>
                  {v.startDate === v.endDate ? v.startDate : `${v.startDate} – ${v.endDate}`}
                </Link>
              ),
            },
            { key: 'category', title: t('exp.record.purpose'), render: (_, v) => ledgerCategoryLabel(v.category, locale) },
            { key: 'country', title: t('common.country'), render: (_, v) => <CountryName code={v.countryCode} /> },
            { key: 'institution', title: t('common.institution'), render: (_, v) => v.institutionName ?? t('common.empty') },
            { key: 'unit', title: t('common.unit'), render: (_, v) => unitName(v.unitId) },
          ]}
        />
      ),
    },
    {
      key: 'conferences',
      label: t('exp.record.conferences', { n: conferences.length }),
      children: (
        <Table<ExpertConference>
          rowKey={(c) => `${c.conferenceId}-${c.role}`}
          size="small"
          pagination={false}
          dataSource={conferences}
          locale={empty(t('exp.record.noConferences'))}
          columns={[
            {
              key: 'title',
              title: t('conf.field.titleEn'),
              render: (_, c) => (
                <Link to="/conferences/$id" params={{ id: String(c.conferenceId) }}>
                  {locale === 'zh' ? c.titleZh : c.titleEn}
                </Link>
              ),
            },
            { key: 'dates', title: t('exp.record.dates'), render: (_, c) => `${c.startDate} – ${c.endDate}` },
            { key: 'role', title: t('conf.attendee.role'), render: (_, c) => ATTENDEE_ROLE_LABELS[c.role as AttendeeRole]?.[locale] ?? c.role },
            { key: 'status', title: t('agr.field.status'), render: (_, c) => CONFERENCE_STATUS_LABELS[c.status as ConferenceStatus]?.[locale] ?? c.status },
          ]}
        />
      ),
    },
    {
      key: 'documents',
      label: t('exp.record.documents', { n: documents.length }),
      children: (
        <Table<ExpertDocument>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={documents}
          locale={empty(t('exp.doc.none'))}
          columns={[
            { key: 'kind', title: t('exp.doc.field.kind'), render: (_, d) => labels.documentKind(d.kind) },
            ...(documents.some((d) => d.number !== undefined)
              ? [{ key: 'number', title: t('exp.doc.field.number'), render: (_: unknown, d: ExpertDocument) => d.number ?? t('common.empty') }]
              : []),
            { key: 'expiresOn', title: t('exp.doc.field.expiresOn'), render: (_, d) => <ExpiryDate date={d.expiresOn} /> },
          ]}
        />
      ),
    },
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
