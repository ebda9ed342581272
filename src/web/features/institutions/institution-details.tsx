import { Descriptions, Tag, Typography } from 'antd';
import type { Institution } from '../../../shared/contracts/institutions.ts';
import { CountryName } from '../../components/country-select.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** An institution's fields, read-only. */
export function InstitutionDetails({ institution: inst }: { institution: Institution }) {
  const { t, formatDateTime } = useI18n();
  const text = (v: string | null) => v ?? <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'kind', label: t('inst.field.kind'), children: <Tag>{t(`inst.kind.${inst.kind}`)}</Tag> },
        { key: 'country', label: t('inst.field.countryCode'), children: <CountryName code={inst.countryCode} /> },
        { key: 'nameEn', label: t('inst.field.nameEn'), children: inst.nameEn },
        { key: 'nameZh', label: t('inst.field.nameZh'), children: text(inst.nameZh) },
        { key: 'nameFr', label: t('inst.field.nameFr'), children: text(inst.nameFr) },
        { key: 'nameLocal', label: t('inst.field.nameLocal'), children: text(inst.nameLocal) },
        {
          key: 'otherNames',
          label: t('inst.field.otherNames'),
          span: 'filled',
          children: inst.otherNames.length ? inst.otherNames.map((n) => <Tag key={n}>{n}</Tag>) : text(null),
        },
        { key: 'city', label: t('inst.field.city'), children: text(inst.city) },
        {
          key: 'website',
          label: t('inst.field.website'),
          children: inst.website ? (
            <a href={inst.website} target="_blank" rel="noreferrer noopener">
              {inst.website}
            </a>
          ) : (
            text(null)
          ),
        },
        { key: 'ror', label: t('inst.field.ror'), children: inst.ror ? <a href={`https://ror.org/${inst.ror}`} target="_blank" rel="noreferrer noopener">{inst.ror}</a> : text(null) },
        { key: 'schac', label: t('inst.field.schac'), children: text(inst.schac) },
        { key: 'erasmusCode', label: t('inst.field.erasmusCode'), children: text(inst.erasmusCode) },
        { key: 'pic', label: t('inst.field.pic'), children: text(inst.pic) },
        { key: 'referenceRef', label: t('inst.field.referenceRef'), children: text(inst.referenceRef) },
        { key: 'updatedAt', label: t('common.updatedAt'), children: `${formatDateTime(inst.updatedAt)} · ${t('common.version')} ${inst.version}` },
        { key: 'notes', label: t('inst.field.notes'), span: 'filled', children: inst.notes ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{inst.notes}</Typography.Paragraph> : text(null) },
      ]}
    />
  );
}
