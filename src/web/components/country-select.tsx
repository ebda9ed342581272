import { Select, Tag, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { INTL_TAGS, useI18n } from '../lib/i18n.tsx';
import { useCountries, useCountryMap } from '../lib/lookups.ts';
import { countryName, foldText } from '../lib/names.ts';

interface CountryOption {
  value: string;
  label: string;
  search: string;
  isRegion: boolean;
}

type CountrySelectProps = Omit<SelectProps<string, CountryOption>, 'options' | 'showSearch'> & {
  /** Choices above the countries (every country, every region), given their own values. */
  leading?: readonly { value: string; label: string }[];
};

/** A searchable select of the 250 countries and regions, named and sorted in the interface language. */
export function CountrySelect({ leading = [], ...props }: CountrySelectProps) {
  const { locale, t } = useI18n();
  const { data, isLoading } = useCountries();
  const options = useMemo(() => {
    const collator = new Intl.Collator(INTL_TAGS[locale]);
    return (data ?? [])
      .map((c) => {
        const label = countryName(c, locale);
        return { value: c.code, label, isRegion: c.isRegion, search: foldText([label, c.code, c.nameEn, c.nameZh, c.nameFr].join(' ')) };
      })
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [data, locale]);
  const choices = useMemo(() => [...leading.map((l) => ({ ...l, isRegion: false, search: foldText(l.label) })), ...options], [leading, options]);

  return (
    <Select<string, CountryOption>
      // a filter has no label beside it: its placeholder names it for a screen reader
      aria-label={typeof props.placeholder === 'string' ? props.placeholder : undefined}
      allowClear
      loading={isLoading}
      options={choices}
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(foldText(input.trim()))) }}
      optionRender={(option) => (
        <span>
          {option.data.label} {leading.some((l) => l.value === option.data.value) ? null : <span style={{ opacity: 0.45, fontSize: 12 }}>{option.data.value}</span>}
          {option.data.isRegion ? <Tag style={{ marginInlineStart: 6 }}>{t('common.region')}</Tag> : null}
        </span>
      )}
      {...props}
    />
  );
}

/** A country's or region's name in the interface language (the code while countries load). */
export function CountryName({ code }: { code: string | null | undefined }) {
  const { locale, t } = useI18n();
  const country = useCountryMap().get(code ?? '');
  if (!code) return <>{t('common.empty')}</>;
  return <>{country ? countryName(country, locale) : code}</>;
}
