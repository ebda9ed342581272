import { describe, expect, it } from 'vitest';
import { EXPORTABLES } from '../../shared/contracts/exports.ts';
import { exportAskOf } from './export-ask.ts';

describe('a download link as a background export', () => {
  it('names the exportable by its route, takes its format apart and keeps every other parameter as a filter', () => {
    expect(exportAskOf('/api/missions/export?status=approved&unitId=4&format=csv')).toEqual({ what: 'missions', format: 'csv', query: { status: 'approved', unitId: '4' } });
    expect(exportAskOf('/api/reports/factsheet?lang=zh&asOf=2025-06-30&format=pdf')).toEqual({ what: 'factsheet', format: 'pdf', query: { lang: 'zh', asOf: '2025-06-30' } });
  });

  it('leaves alone a link no job prepares, or one without a format', () => {
    expect(exportAskOf('/api/visits/12/invitation-letter?lang=en')).toBeNull();
    expect(exportAskOf('/api/honours')).toBeNull();
  });

  it('finds every exportable by its own path: no two share one', () => {
    const paths = Object.values(EXPORTABLES).map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const [name, { path, formats }] of Object.entries(EXPORTABLES)) expect(exportAskOf(`${path}?format=${formats[0]}`)?.what, name).toBe(name);
  });
});
