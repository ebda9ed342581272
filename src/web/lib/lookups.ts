import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Country } from '../../shared/contracts/countries.ts';
import type { Unit } from '../../shared/contracts/units.ts';
import { api } from './api.ts';
import { useI18n } from './i18n.tsx';
import { countryName } from './names.ts';

/** Query key of the units list; the units feature invalidates it after a change. */
export const UNITS_KEY = ['units'] as const;

/** All countries and regions (they change only with a new release). */
export function useCountries() {
  return useQuery({ queryKey: ['countries'], queryFn: ({ signal }) => api.get<Country[]>('/countries', signal), staleTime: Infinity });
}

/** Countries by ISO code, for showing names in tables. */
export function useCountryMap(): Map<string, Country> {
  const { data } = useCountries();
  return useMemo(() => new Map((data ?? []).map((c) => [c.code, c])), [data]);
}

/** The units of our organization, flat. */
export function useUnits() {
  return useQuery({ queryKey: UNITS_KEY, queryFn: ({ signal }) => api.get<Unit[]>('/units', signal), staleTime: 5 * 60_000 });
}

/** Units by id, for showing names in tables. */
export function useUnitMap(): Map<number, Unit> {
  const { data } = useUnits();
  return useMemo(() => new Map((data ?? []).map((u) => [u.id, u])), [data]);
}

/** A tree node built from the flat list of units. */
export interface UnitNode extends Unit {
  children?: UnitNode[];
}

/** Build the tree of units from parentId; units whose parent is missing become roots. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId == null ? undefined : nodes.get(node.parentId);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** A country's or region's name in the interface language from its code (the code itself while the list loads). */
export function useCountryNameOf(): (code: string) => string {
  const { locale } = useI18n();
  const countries = useCountryMap();
  return useCallback(
    (code: string) => {
      const country = countries.get(code);
      return country ? countryName(country, locale) : code;
    },
    [countries, locale],
  );
}
