import { Tag } from 'antd';
import type { Locale } from '../../../shared/contracts/common.ts';
import type { Honour, HonourHolder } from '../../../shared/contracts/honours.ts';
import { NameBeside } from '../../components/name-lines.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** The honour's name in the reader's language (English when it has none in theirs). */
export function honourName(h: Pick<Honour, 'nameEn' | 'nameZh' | 'nameFr'>, locale: Locale): string {
  return (locale === 'zh' ? h.nameZh : locale === 'fr' ? h.nameFr : null) ?? h.nameEn;
}

/** Who gave it: the body as named at the time, else the institution's name in the reader's language. */
export function awardedByName(h: Pick<Honour, 'awardingBody' | 'awardingBodyZh' | 'awardingBodyFr' | 'awardingInstitution'>, locale: Locale): string | null {
  if (h.awardingBody) return (locale === 'zh' ? h.awardingBodyZh : locale === 'fr' ? h.awardingBodyFr : null) ?? h.awardingBody;
  const i = h.awardingInstitution;
  if (!i) return null;
  return (locale === 'zh' ? i.nameZh : locale === 'fr' ? i.nameFr : null) ?? i.nameEn;
}

/** The date as precisely as it is known: 1994-10-05, 1994-10, 1994. */
export function dateAsKnown(h: Pick<Honour, 'conferredOn' | 'datePrecision'>): string {
  return h.datePrecision === 'year' ? h.conferredOn.slice(0, 4) : h.datePrecision === 'month' ? h.conferredOn.slice(0, 7) : h.conferredOn;
}

/** A Chinese name family name first (Wang Zhen-yi), any other given name first. */
export function romanised(p: HonourHolder): string {
  return (p.nameZh ? [p.familyName, p.givenName] : [p.givenName, p.familyName]).filter(Boolean).join(' ');
}

/** The holder's names, each in its own script: 王振义 beside Wang Zhen-yi (the reader's script first). */
export function HolderName({ person }: { person: HonourHolder }) {
  const { locale } = useI18n();
  const latin = romanised(person);
  const [primary, secondary] = locale === 'zh' && person.nameZh ? [person.nameZh, latin] : [latin, person.nameZh];
  return <NameBeside primary={primary} secondary={secondary} />;
}

/** The honour's name with the kind and "notable" as tags. */
export function HonourTitle({ honour }: { honour: Honour }) {
  const { t, locale } = useI18n();
  return (
    <span>
      {honourName(honour, locale)}
      {honour.notable ? (
        <Tag color="gold" style={{ marginLeft: 8 }} data-testid="honour-notable">
          {t('hon.notable')}
        </Tag>
      ) : null}
    </span>
  );
}
