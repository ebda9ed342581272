import { Link } from '@tanstack/react-router';
import type { Honour } from '../../../shared/contracts/honours.ts';
import { CountryName } from '../../components/country-select.tsx';
import { RecordDetails } from '../../components/record-details.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { dateAsKnown, HolderName } from './honour-labels.tsx';

/** An honour's fields, read-only: the holder (a link to their page), its names, who gave it, when. */
export function HonourDetails({ honour: h }: { honour: Honour }) {
  const { t, locale } = useI18n();
  const units = useUnitMap();
  const unit = h.unitId !== null ? units.get(h.unitId) : undefined;
  const awarding = h.awardingInstitution;
  const holder = (
    <Link to="/people/$id" params={{ id: String(h.personId) }} data-testid="honour-holder">
      <HolderName person={h.person} />
    </Link>
  );
  const institution = awarding ? (
    <Link to="/institutions/$id" params={{ id: String(h.awardingInstitutionId) }}>
      {(locale === 'zh' ? awarding.nameZh : locale === 'fr' ? awarding.nameFr : null) ?? awarding.nameEn}
    </Link>
  ) : null;
  return (
    <RecordDetails
      record={h}
      labels="hon.field"
      rows={[
        { field: 'personId', value: holder },
        { field: 'kind', value: t(`honour.kind.${h.kind}` as MessageKey) },
        ...['nameEn', 'nameOriginal', 'nameZh', 'nameFr'],
        { field: 'awardingInstitutionId', value: institution },
        { field: 'awardingBody' },
        { field: 'awardingBodyZh' },
        { field: 'awardingBodyFr' },
        { field: 'countryCode', value: <CountryName code={h.countryCode} /> },
        { field: 'conferredOn', value: `${dateAsKnown(h)} (${t(`honour.precision.${h.datePrecision}` as MessageKey)})` },
        { field: 'notable', value: h.notable ? t('hon.notable') : t('common.empty') },
        { field: 'unitId', value: unit ? primaryName(unit, locale) : null },
      ]}
      after={['citation']}
    />
  );
}
