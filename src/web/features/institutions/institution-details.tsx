import { Tag } from 'antd';
import type { Institution } from '../../../shared/contracts/institutions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** A link that opens outside the app. */
const outside = (href: string, text: string) => (
  <a href={href} target="_blank" rel="noreferrer noopener">
    {text}
  </a>
);

/** An institution's fields, read-only. */
export function InstitutionDetails({ institution: inst }: { institution: Institution }) {
  const { t } = useI18n();
  return (
    <RecordDetails
      record={inst}
      labels="inst.field"
      rows={[
        { field: 'kind', value: <Tag>{t(`inst.kind.${inst.kind}`)}</Tag> },
        { field: 'countryCode', value: <CountryName code={inst.countryCode} /> },
        ...['nameEn', 'nameZh', 'nameFr', 'nameLocal'],
        { field: 'otherNames', wide: true, value: inst.otherNames.length ? inst.otherNames.map((n) => <Tag key={n}>{n}</Tag>) : null },
        'city',
        { field: 'website', value: inst.website ? outside(inst.website, inst.website) : null },
        { field: 'ror', value: inst.ror ? outside(`https://ror.org/${inst.ror}`, inst.ror) : null },
        ...['schac', 'erasmusCode', 'pic', 'referenceRef'],
      ]}
    />
  );
}
