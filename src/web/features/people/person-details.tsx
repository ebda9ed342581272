import { LockOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Descriptions, Tag, Typography } from 'antd';
import type { Person } from '../../../shared/contracts/people.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';

/** A person's fields, read-only; personal data only when the answer carried it. */
export function PersonDetails({ person: p, personalData }: { person: Person; personalData: boolean }) {
  const { t, locale, formatDateTime } = useI18n();
  const units = useUnitMap();
  const unit = p.unitId == null ? undefined : units.get(p.unitId);
  const text = (v: string | null | undefined) => v || <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  const items = [
    { key: 'familyName', label: t('person.field.familyName'), children: p.familyName },
    { key: 'givenName', label: t('person.field.givenName'), children: text(p.givenName) },
    { key: 'nameZh', label: t('person.field.nameZh'), children: text(p.nameZh) },
    { key: 'otherNames', label: t('person.field.otherNames'), children: p.otherNames.length ? p.otherNames.map((n) => <Tag key={n}>{n}</Tag>) : text(null) },
    { key: 'gender', label: t('person.field.gender'), children: p.gender ? t(`person.gender.${p.gender}`) : text(null) },
    { key: 'nationality', label: t('person.field.nationality'), children: <CountryName code={p.nationality} /> },
    {
      key: 'institution',
      label: t('person.field.institutionId'),
      children: p.institutionId ? (
        <Link to="/institutions/$id" params={{ id: String(p.institutionId) }}>
          {p.institutionName ?? `#${p.institutionId}`}
        </Link>
      ) : (
        text(null)
      ),
    },
    { key: 'title', label: t('person.field.title'), children: text(p.title) },
    { key: 'email', label: t('person.field.email'), children: p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : text(null) },
    { key: 'unit', label: t('person.field.unitId'), children: unit ? primaryName(unit, locale) : text(null) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(p.updatedAt)} · ${t('common.version')} ${p.version}` },
    { key: 'notes', label: t('person.field.notes'), span: 'filled' as const, children: p.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</span> : text(null) },
  ];
  if (personalData) {
    items.push(
      { key: 'birthDate', label: t('person.field.birthDate'), children: <><LockOutlined /> {text(p.birthDate)}</> },
      { key: 'passportNumber', label: t('person.field.passportNumber'), children: <><LockOutlined /> {text(p.passportNumber)}</> },
    );
  }
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
