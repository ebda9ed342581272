import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { PartnerFigures } from '../../../shared/contracts/agreements.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { useCountryMap } from '../../lib/lookups.ts';
import { countryName } from '../../lib/names.ts';

/**
 * The map's figures as text, most partners first: readable without the map (a screen reader, a
 * printout), and each place a button like its area on the map.
 */
export function PlacesList({ byCountry, selected, onSelect }: { byCountry: PartnerFigures['byCountry']; selected?: string; onSelect: (code: string) => void }) {
  const { locale } = useI18n();
  const countries = useCountryMap();
  const places = useMemo(
    () =>
      byCountry
        .map((c) => {
          const country = countries.get(c.countryCode);
          return { ...c, name: country ? countryName(country, locale) : c.countryCode };
        })
        .sort((a, b) => b.universities - a.universities || b.institutions - a.institutions || a.name.localeCompare(b.name)),
    [byCountry, countries, locale],
  );
  return (
    <Flex gap={6} wrap data-testid="partner-places">
      {places.map((p) => (
        <Tag.CheckableTag key={p.countryCode} checked={p.countryCode === selected} onChange={() => onSelect(p.countryCode)} data-testid={`partner-place-${p.countryCode}`}>
          {p.name}{' '}
          <Typography.Text strong data-testid="partner-place-universities" style={{ color: 'inherit' }}>
            {p.universities}
          </Typography.Text>
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}
