import { Link } from '@tanstack/react-router';
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Honour } from '../../../shared/contracts/honours.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n, type MessageKey } from '../../lib/i18n.tsx';
import { useUnitMap } from '../../lib/lookups.ts';
import { primaryName } from '../../lib/names.ts';
import { dateAsKnown, HolderName } from './honour-labels.tsx';

/** An honour's fields, read-only: the holder (a link to their page), its names, who gave it, when. */
export function HonourDetails({ honour: h }: { honour: Honour }) {
  const { t, locale, formatDateTime } = useI18n();
  const units = useUnitMap();
  const unit = h.unitId !== null ? units.get(h.unitId) : undefined;
  const text = (v: ReactNode) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text> : v);
  const items = [
    {
      key: 'person',
      label: t('hon.field.personId'),
      children: (
        <Link to="/people/$id" params={{ id: String(h.personId) }} data-testid="honour-holder">
          <HolderName person={h.person} />
        </Link>
      ),
    },
    { key: 'kind', label: t('hon.field.kind'), children: t(`honour.kind.${h.kind}` as MessageKey) },
    { key: 'nameEn', label: t('hon.field.nameEn'), children: h.nameEn },
    { key: 'nameOriginal', label: t('hon.field.nameOriginal'), children: text(h.nameOriginal) },
    { key: 'nameZh', label: t('hon.field.nameZh'), children: text(h.nameZh) },
    { key: 'nameFr', label: t('hon.field.nameFr'), children: text(h.nameFr) },
    {
      key: 'institution',
      label: t('hon.field.awardingInstitutionId'),
      children: h.awardingInstitution ? (
        <Link to="/institutions/$id" params={{ id: String(h.awardingInstitutionId) }}>
          {(locale === 'zh' ? h.awardingInstitution.nameZh : locale === 'fr' ? h.awardingInstitution.nameFr : null) ?? h.awardingInstitution.nameEn}
        </Link>
      ) : (
        text(null)
      ),
    },
    { key: 'body', label: t('hon.field.awardingBody'), children: text(h.awardingBody) },
    { key: 'country', label: t('hon.field.countryCode'), children: <CountryName code={h.countryCode} /> },
    { key: 'conferredOn', label: t('hon.field.conferredOn'), children: `${dateAsKnown(h)} (${t(`honour.precision.${h.datePrecision}` as MessageKey)})` },
    { key: 'notable', label: t('hon.field.notable'), children: h.notable ? t('hon.notable') : t('common.empty') },
    { key: 'unit', label: t('hon.field.unitId'), children: text(unit ? primaryName(unit, locale) : null) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(h.updatedAt)} · ${t('common.version')} ${h.version}` },
    { key: 'citation', label: t('hon.field.citation'), span: 'filled' as const, children: h.citation ? <span style={{ whiteSpace: 'pre-wrap' }}>{h.citation}</span> : text(null) },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />;
}
