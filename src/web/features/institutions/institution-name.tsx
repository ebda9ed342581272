import { NameLines } from '../../components/name-lines.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { displayNames } from '../../lib/names.ts';

interface Named {
  nameEn: string;
  nameZh: string | null;
  nameFr: string | null;
}

/** An institution's name in the interface language, with the other script on a second line. */
export function InstitutionName({ institution }: { institution: Named }) {
  const { locale } = useI18n();
  return <NameLines {...displayNames(institution, locale)} />;
}
