import { useCallback } from 'react';
import type { Unit } from '../../../shared/contracts/units.ts';
import { ledgerCategoryLabel } from '../../../shared/i18n/ledger-categories.ts';
import { hasMessage, useI18n } from '../../lib/i18n.tsx';
import { useCountryMap, useUnitMap } from '../../lib/lookups.ts';
import { countryName, primaryName } from '../../lib/names.ts';
import type { LedgerSearch } from '../ledger/ledger-search.ts';

/** What a breakdown is by. */
export type BreakdownBy = 'country' | 'category' | 'unit' | 'who';

/** The unit a breakdown row names: by id (what the ledger stores) or, failing that, by code. */
export function unitOfKey(key: string, units: Map<number, Unit>): Unit | undefined {
  if (/^\d+$/.test(key)) {
    const unit = units.get(Number(key));
    if (unit) return unit;
  }
  for (const unit of units.values()) if (unit.code === key) return unit;
  return undefined;
}

/** The label of a breakdown row's key in the interface language (a missing key says "not recorded"). */
export function useBreakdownLabel(by: BreakdownBy): (key: string | null) => string {
  const { t, locale } = useI18n();
  const countries = useCountryMap();
  const units = useUnitMap();
  return useCallback(
    (key) => {
      if (key === null) return by === 'unit' ? t('dash.noUnit') : t('dash.unknown');
      if (by === 'category') return ledgerCategoryLabel(key, locale);
      if (by === 'who') {
        const msg = `ledger.who.${key}`;
        return hasMessage(msg) ? t(msg) : key;
      }
      if (by === 'unit') {
        const unit = unitOfKey(key, units);
        return unit ? primaryName(unit, locale) : key;
      }
      const country = countries.get(key);
      return country ? countryName(country, locale) : key;
    },
    [by, t, locale, countries, units],
  );
}

/** The ledger filter that lists a breakdown row's person-times (none for a row without a key). */
export function ledgerFilterOf(by: BreakdownBy, key: string | null, units: Map<number, Unit>): Partial<LedgerSearch> | null {
  if (key === null) return null;
  switch (by) {
    case 'country':
      return { country: key };
    case 'category':
      return { category: key as LedgerSearch['category'] };
    case 'who':
      return { who: key as LedgerSearch['who'] };
    case 'unit': {
      const unit = unitOfKey(key, units);
      return unit ? { unitId: unit.id } : null;
    }
  }
}
