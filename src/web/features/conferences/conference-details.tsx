import { Link } from '@tanstack/react-router';
import { Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Conference } from '../../../shared/contracts/conferences.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { useSettingValue } from '../settings/api.ts';
import { ClassificationTag, ConferenceTags } from './conference-labels.tsx';

/** A conference's fields, read-only, with its derived classification and summary due date. */
export function ConferenceDetails({ conference: c }: { conference: Conference }) {
  const { t, locale, formatNumber, formatDateTime } = useI18n();
  const units = useUnitMap();
  const threshold = useSettingValue('conference.majorForeignParticipants');
  const unit = units.get(c.hostUnitId);
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : v);
  const count = (n: number | null) => text(n === null ? null : formatNumber(n));
  const items = [
    { key: 'status', label: t('agr.field.status'), children: <ConferenceTags conference={c} /> },
    {
      key: 'classification',
      label: t('conf.classification'),
      children: (
        <Space size={4} wrap>
          <ClassificationTag classification={c.classification} />
          {threshold === undefined ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('conf.majorHint', { n: formatNumber(threshold) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'titleEn', label: t('conf.field.titleEn'), children: c.titleEn },
    { key: 'titleZh', label: t('conf.field.titleZh'), children: c.titleZh },
    { key: 'titleFr', label: t('conf.field.titleFr'), children: text(c.titleFr) },
    { key: 'venue', label: t('conf.field.venue'), children: text(c.venue) },
    { key: 'startDate', label: t('conf.field.startDate'), children: c.startDate },
    { key: 'endDate', label: t('conf.field.endDate'), children: c.endDate },
    { key: 'hostUnit', label: t('conf.field.hostUnitId'), children: text(unit ? primaryName(unit, locale) : null) },
    {
      key: 'partners',
      label: t('conf.field.partners'),
      children:
        c.partners.length === 0
          ? text(null)
          : (
              <Space orientation="vertical" size={2}>
                {c.partners.map((p) => (
                  <span key={p.institutionId}>
                    <Link to="/institutions/$id" params={{ id: String(p.institutionId) }}>
                      {(locale === 'zh' ? p.nameZh : null) ?? p.nameEn}
                    </Link>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <CountryName code={p.countryCode} />
                      {p.role ? ` · ${p.role}` : ''}
                    </Typography.Text>
                  </span>
                ))}
              </Space>
            ),
    },
    { key: 'participants', label: t('conf.field.participants'), children: count(c.participants) },
    { key: 'foreignParticipants', label: t('conf.field.foreignParticipants'), children: count(c.foreignParticipants) },
    { key: 'countriesRepresented', label: t('conf.field.countriesRepresented'), children: count(c.countriesRepresented) },
    {
      key: 'attendeeList',
      label: t('conf.attendees'),
      children: t('conf.attendeeCounts', { n: formatNumber(c.attendeeCount), foreign: formatNumber(c.foreignAttendeeCount), places: formatNumber(c.attendeeCountries) }),
    },
    { key: 'summaryDueOn', label: t('conf.summaryDueOn'), children: c.summaryDueOn },
    { key: 'summarySubmittedOn', label: t('conf.summarySubmittedOn'), children: text(c.summarySubmittedOn) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(c.updatedAt)} · ${t('common.version')} ${c.version}` },
    { key: 'summary', label: t('conf.field.summary'), span: 'filled' as const, children: c.summary ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="conference-summary">{c.summary}</span> : text(null) },
    { key: 'notes', label: t('conf.field.notes'), span: 'filled' as const, children: c.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
