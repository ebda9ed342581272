import { Typography } from 'antd';
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
  const { primary, secondary } = displayNames(institution, locale);
  return (
    <div style={{ lineHeight: 1.35 }}>
      <div>{primary}</div>
      {secondary ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {secondary}
        </Typography.Text>
      ) : null}
    </div>
  );
}
