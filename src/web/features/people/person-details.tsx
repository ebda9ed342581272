import { LockOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Tag, Typography } from 'antd';
import type { Person } from '../../../shared/contracts/people.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';

/** A person's fields, read-only; personal data only when the answer carried it. */
export function PersonDetails({ person: p, personalData }: { person: Person; personalData: boolean }) {
  const { t, locale } = useI18n();
  const units = useUnitMap();
  const unit = p.unitId == null ? undefined : units.get(p.unitId);
  const locked = (v: string | null | undefined) => (
    <>
      <LockOutlined /> {v || <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>}
    </>
  );
  const institution = p.institutionId ? (
    <Link to="/institutions/$id" params={{ id: String(p.institutionId) }}>
      {p.institutionName ?? `#${p.institutionId}`}
    </Link>
  ) : null;
  return (
    <RecordDetails
      record={p}
      labels="person.field"
      rows={[
        ...['familyName', 'givenName', 'nameZh'],
        { field: 'otherNames', value: p.otherNames.length ? p.otherNames.map((n) => <Tag key={n}>{n}</Tag>) : null },
        { field: 'gender', value: p.gender ? t(`person.gender.${p.gender}`) : null },
        { field: 'nationality', value: <CountryName code={p.nationality} /> },
        { field: 'institutionId', value: institution },
        'title',
        { field: 'email', value: p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null },
        { field: 'unitId', value: unit ? primaryName(unit, locale) : null },
      ]}
      after={['notes', personalData && { field: 'birthDate', value: locked(p.birthDate) }, personalData && { field: 'passportNumber', value: locked(p.passportNumber) }]}
    />
  );
}
