import { Input, InputNumber, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { CountrySelect } from './country-select.tsx';
import { DateRangeInput } from './date-input.tsx';
import { UnitSelect } from './unit-select.tsx';

/** The URL keys of a list's search. */
type Key<S> = keyof S & string;

/** Sets some of a list's URL params (and goes back to page 1). */
export type ListUpdate<S> = (patch: Partial<S>) => void;

/**
 * A filter of a list page, as data: which URL param it sets and how it is offered. Its value is
 * the URL's, so a filter read from a link (a figure's drill-down) shows as chosen.
 */
export type ListFilter<S> =
  /** One of a few values. */
  | { type: 'select'; key: Key<S>; options: { value: string | number; label: ReactNode }[]; placeholder: string; width: number; testId?: string }
  /** A yes/no param ('true' / 'false'), offered as its two answers. */
  | { type: 'flag'; key: Key<S>; yes: string; no: string; placeholder: string; width: number; testId?: string }
  /** A unit, with its sub-units. */
  | { type: 'unit'; key: Key<S>; placeholder: string; width: number }
  /** A country or region. */
  | { type: 'country'; key: Key<S>; placeholder: string; width: number }
  /**
   * A country or region, or every country or every region at once ('false' / 'true' in the
   * `region` param): one select, not two side by side.
   */
  | { type: 'place'; country: Key<S>; region: Key<S>; placeholder: string; countriesOnly: string; regionsOnly: string; width: number; testId?: string }
  /** A period: two date params. */
  | { type: 'dates'; from: Key<S>; to: Key<S>; width?: number; placeholder?: [string, string] }
  /** Free text, applied on Enter. */
  | { type: 'text'; key: Key<S>; placeholder: string; width: number }
  /** A year, typed. */
  | { type: 'year'; key: Key<S>; placeholder: string; width: number; testId?: string }
  /** A param set by a link (a person, an opportunity), shown while set; closing it lifts it. */
  | { type: 'tag'; key: Key<S>; label: (value: NonNullable<S[Key<S>]>) => ReactNode; testId?: string }
  /** What no type above says. */
  | { type: 'custom'; render: (search: S, update: ListUpdate<S>) => ReactNode };

// The place filter's two choices that are not one country (codes are two letters, so these never clash).
const COUNTRIES_ONLY = '@countries';
const REGIONS_ONLY = '@regions';

/** One filter, bound to its URL param. */
function FilterInput<S>({ filter: f, search, update }: { filter: ListFilter<S>; search: S; update: ListUpdate<S> }) {
  const value = (key: Key<S>) => search[key] as never;
  const set = (key: Key<S>) => (v: unknown) => update({ [key]: v ?? undefined } as Partial<S>);
  switch (f.type) {
    case 'select':
    case 'flag': {
      const options =
        f.type === 'flag'
          ? [
              { value: 'true', label: f.yes },
              { value: 'false', label: f.no },
            ]
          : f.options;
      return <Select value={value(f.key)} onChange={set(f.key)} allowClear placeholder={f.placeholder} aria-label={f.placeholder} style={{ width: f.width }} popupMatchSelectWidth={false} options={options} data-testid={f.testId} />;
    }
    case 'unit':
      return <UnitSelect value={value(f.key)} onChange={set(f.key)} placeholder={f.placeholder} aria-label={f.placeholder} style={{ width: f.width }} />;
    case 'country':
      return <CountrySelect value={value(f.key)} onChange={set(f.key)} placeholder={f.placeholder} aria-label={f.placeholder} style={{ width: f.width }} />;
    case 'place': {
      const region = search[f.region] as unknown;
      const chosen = region === 'true' || region === true ? REGIONS_ONLY : region === 'false' || region === false ? COUNTRIES_ONLY : value(f.country);
      const choose = (v: string | undefined) =>
        update({ [f.country]: v === COUNTRIES_ONLY || v === REGIONS_ONLY ? undefined : v, [f.region]: v === COUNTRIES_ONLY ? 'false' : v === REGIONS_ONLY ? 'true' : undefined } as Partial<S>);
      const leading = [{ value: COUNTRIES_ONLY, label: f.countriesOnly }, { value: REGIONS_ONLY, label: f.regionsOnly }];
      return <CountrySelect value={chosen} onChange={choose} leading={leading} placeholder={f.placeholder} aria-label={f.placeholder} style={{ width: f.width }} data-testid={f.testId} />;
    }
    case 'dates':
      return (
        <DateRangeInput
          value={[value(f.from), value(f.to)]}
          onChange={([from, to]) => update({ [f.from]: from, [f.to]: to } as Partial<S>)}
          placeholder={f.placeholder}
          style={f.width ? { width: f.width } : undefined}
        />
      );
    case 'text':
      // keyed by the URL's value, so that a reset or a link empties the box too
      return <Input.Search key={String(search[f.key] ?? '')} defaultValue={value(f.key)} onSearch={(v) => update({ [f.key]: v || undefined } as Partial<S>)} allowClear placeholder={f.placeholder} aria-label={f.placeholder} style={{ width: f.width }} />;
    case 'year':
      return <InputNumber<number> value={value(f.key) ?? null} onChange={set(f.key)} placeholder={f.placeholder} aria-label={f.placeholder} min={1900} max={2100} style={{ width: f.width }} data-testid={f.testId} />;
    case 'tag': {
      const v = search[f.key];
      return v === undefined || v === null ? null : (
        <Tag closable onClose={() => update({ [f.key]: undefined } as Partial<S>)} style={{ alignSelf: 'center' }} data-testid={f.testId}>
          {f.label(v as NonNullable<S[Key<S>]>)}
        </Tag>
      );
    }
    case 'custom':
      return f.render(search, update);
  }
}

/** A list's filters, in the order declared. */
export function ListFilters<S>({ filters, search, update }: { filters: ListFilter<S>[]; search: S; update: ListUpdate<S> }) {
  return (
    <>
      {filters.map((filter, i) => (
        <FilterInput key={i} filter={filter} search={search} update={update} />
      ))}
    </>
  );
}
