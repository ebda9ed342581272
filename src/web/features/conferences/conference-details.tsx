import { Link } from '@tanstack/react-router';
import { Space, Typography } from 'antd';
import type { Conference } from '../../../shared/contracts/conferences.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { useSettingValue } from '../settings/api.ts';
import { ClassificationTag, ConferenceTags } from './conference-labels.tsx';

/** A conference's fields, read-only, with its derived classification and summary due date. */
export function ConferenceDetails({ conference: c }: { conference: Conference }) {
  const { t, locale, formatNumber } = useI18n();
  const units = useUnitMap();
  const threshold = useSettingValue('conference.majorForeignParticipants');
  const unit = units.get(c.hostUnitId);
  const count = (n: number | null) => (n === null ? null : formatNumber(n));
  const classification = (
    <Space size={4} wrap>
      <ClassificationTag classification={c.classification} />
      {threshold === undefined ? null : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('conf.majorHint', { n: formatNumber(threshold) })}
        </Typography.Text>
      )}
    </Space>
  );
  const partners =
    c.partners.length === 0 ? null : (
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
    );
  const attendees = t('conf.attendeeCounts', { n: formatNumber(c.attendeeCount), foreign: formatNumber(c.foreignAttendeeCount), places: formatNumber(c.attendeeCountries) });
  return (
    <RecordDetails
      record={c}
      labels="conf.field"
      rows={[
        { field: 'status', label: 'agr.field.status', value: <ConferenceTags conference={c} /> },
        { field: 'classification', label: 'conf.classification', value: classification },
        ...['titleEn', 'titleZh', 'titleFr', 'venue', 'startDate', 'endDate'],
        { field: 'hostUnitId', value: unit ? primaryName(unit, locale) : null },
        { field: 'partners', value: partners },
        ...(['participants', 'foreignParticipants', 'countriesRepresented'] as const).map((field) => ({ field, value: count(c[field]) })),
        { field: 'attendeeList', label: 'conf.attendees', value: attendees },
        { field: 'summaryDueOn', label: 'conf.summaryDueOn' },
        { field: 'summarySubmittedOn', label: 'conf.summarySubmittedOn' },
      ]}
      after={[{ field: 'summary', long: true, testId: 'conference-summary' }, 'notes']}
    />
  );
}
