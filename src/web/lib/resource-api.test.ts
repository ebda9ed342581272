import { describe, expect, it } from 'vitest';
import { downloadUrl, overdueReport } from './api-query.ts';
import { createResourceHooks } from './resource-api.ts';
import type { ListSearch } from './url-search.ts';

type Search = ListSearch & { status?: string; unitId?: number; counted?: boolean };

describe('a resource’s addresses', () => {
  it('downloads the list with its filters, its text search and its sort, leaving out what is empty', () => {
    const missions = createResourceHooks<{ id: number }, never, never, Search>('missions', 'mission', { filters: ['status', 'unitId', 'counted'], exportPath: '/missions/export' });
    const search = { status: 'approved', counted: false, q: 'Lyon', sort: 'startDate', order: 'desc' } as Search;
    expect(missions.exportUrl(search, 'csv')).toBe('/api/missions/export?status=approved&counted=false&q=Lyon&sort=startDate&order=desc&format=csv');
    const honours = createResourceHooks<{ id: number }, never, never, Search>('honours', 'honour', { filters: ['unitId'] });
    expect(honours.exportUrl({ unitId: 3 } as Search, 'xlsx')).toBe('/api/honours?unitId=3&format=xlsx');
  });

  it('finds a record’s files under its own path', () => {
    const visits = createResourceHooks<{ id: number }, never, never, Search>('visits', 'visit', { filters: [] });
    expect(visits.fileUrl(4, 'files', 9)).toBe('/api/visits/4/files/9');
  });

  it('reads an overdue report under the kind’s key, and downloads it on a date', () => {
    const overdue = overdueReport('visits', 'overdue-reports');
    expect(overdue.key).toEqual(['visits', 'overdue']);
    expect(overdue.fileUrl('2025-01-31', 'xlsx')).toBe('/api/visits/overdue-reports?asOf=2025-01-31&format=xlsx');
    expect(overdue.fileUrl(undefined, 'csv')).toBe('/api/visits/overdue-reports?format=csv');
    expect(downloadUrl('/agreements/renewal-watch', { months: 6 }, 'csv')).toBe('/api/agreements/renewal-watch?months=6&format=csv');
  });
});
