import { defaultParseSearch, defaultStringifySearch } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CountryCode, Id, IsoDate, PageQuery } from '../../shared/contracts/common.ts';
import { MissionQuery } from '../../shared/contracts/missions.ts';
import { StudentQuery } from '../../shared/contracts/programmes.ts';
import { querySearch, readParam } from './url-search.ts';

/** A list query with one filter of each type the contracts use. */
const Query = PageQuery.extend({
  status: z.enum(['open', 'closed']).optional(),
  unitId: Id.optional(),
  country: CountryCode.optional(),
  from: IsoDate.optional(),
  year: z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  placed: z.enum(['true', 'false']).optional(),
  sort: z.enum(['startDate', 'titleEn']).default('startDate'),
  format: z.enum(['json', 'csv']).default('json'),
});
const validate = querySearch(Query);

/** What the router does: the app's state written into the URL, then read back from it. */
const throughUrl = (search: Record<string, unknown>) => validate(defaultParseSearch(defaultStringifySearch(search)));
/** A URL typed by hand (or linked from outside the app), read as the router reads it. */
const typed = (query: string) => validate(defaultParseSearch(query));

describe('a list URL state derived from the contract query', () => {
  it('round trips each filter type through the URL', () => {
    const search = {
      q: 'Lyon 2024',
      status: 'closed',
      unitId: 7,
      country: 'FR',
      from: '2024-02-29',
      year: 2025,
      placed: 'true',
      sort: 'titleEn',
      order: 'desc',
      page: 3,
      pageSize: 50,
    } as const;
    expect(throughUrl(search)).toEqual(search);
  });

  it('keeps a false yes/no filter, written by the app or typed by hand', () => {
    expect(throughUrl({ placed: 'false' })).toEqual({ placed: 'false' });
    expect(typed('?placed=false')).toEqual({ placed: 'false' });
    expect(typed('?placed=true')).toEqual({ placed: 'true' });
    expect(typed('?placed=%22false%22')).toEqual({ placed: 'false' });
  });

  it('reads a search made of digits as text, and a date as a date', () => {
    expect(throughUrl({ q: '2024' })).toEqual({ q: '2024' });
    expect(typed('?q=2024')).toEqual({ q: '2024' });
    expect(typed('?from=2024-03-01')).toEqual({ from: '2024-03-01' });
  });

  it('drops an invalid param and keeps the others', () => {
    expect(typed('?from=2023-02-29&status=lost&unitId=-1&page=0&country=FR')).toEqual({ country: 'FR' });
  });

  it('applies no default: an absent param stays absent', () => {
    expect(typed('')).toEqual({});
  });

  it('leaves the download format out of the URL', () => {
    expect(typed('?format=csv&status=open')).toEqual({ status: 'open' });
  });

  it('lets a page add a param of its own or override a type', () => {
    const withTab = querySearch(Query, { tab: z.enum(['rows', 'totals']), status: z.literal('open') });
    expect(withTab(defaultParseSearch('?tab=totals&status=open'))).toEqual({ tab: 'totals', status: 'open' });
    expect(withTab(defaultParseSearch('?status=closed'))).toEqual({});
  });

  it('reads the real contracts: the programme students placed=false, the missions overdue flag', () => {
    expect(querySearch(StudentQuery)(defaultParseSearch('?status=enrolled&placed=false'))).toEqual({ status: 'enrolled', placed: 'false' });
    expect(querySearch(MissionQuery)(defaultParseSearch('?overdue=true&sort=endDate'))).toEqual({ overdue: 'true', sort: 'endDate' });
  });
});

describe('readParam', () => {
  it('tries the text a number or a boolean was written as', () => {
    expect(readParam(z.string(), 12)).toBe('12');
    expect(readParam(z.enum(['true', 'false']), false)).toBe('false');
    expect(readParam(Id, 12)).toBe(12);
    expect(readParam(Id, {})).toBeUndefined();
  });
});
