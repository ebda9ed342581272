import { describe, expect, it } from 'vitest';
import { groupRows, honourGroupKey, type GroupedRows } from './figure-groups.ts';

const application = (hostInstitutionId: number, countryCode: string | null) => ({ hostInstitutionId, hostInstitution: { countryCode } }) as unknown as GroupedRows['host'];

describe('a distinct figure’s records, grouped as the figure counts them', () => {
  it('gives one group per distinct host, its rows counted, the largest first', () => {
    const rows = [application(7, 'FR'), application(9, 'FR'), application(7, 'FR'), application(3, 'JP')];
    const { groups, ungrouped } = groupRows('host', rows);
    expect(groups.map((g) => [g.key, g.rows])).toEqual([['7', 2], ['3', 1], ['9', 1]]);
    expect(ungrouped).toBe(0);
    expect(groupRows('hostCountry', rows).groups.map((g) => [g.key, g.rows])).toEqual([['FR', 3], ['JP', 1]]);
  });

  it('leaves a record naming no country out of every group, as count(DISTINCT) does, and says how many', () => {
    const { groups, ungrouped } = groupRows('hostCountry', [application(1, null), application(2, 'DE')]);
    expect(groups).toHaveLength(1);
    expect(ungrouped).toBe(1);
  });

  it('takes one honour from one body as one, whatever the case or spacing of its name', () => {
    const legion = { kind: 'decoration' as const, nameEn: 'Legion of Honour', awardingInstitutionId: null, awardingBody: 'Government of the French Republic' };
    expect(honourGroupKey({ ...legion, nameEn: ' legion of honour ' })).toBe(honourGroupKey(legion));
    expect(honourGroupKey({ ...legion, awardingBody: 'Another government' })).not.toBe(honourGroupKey(legion));
    expect(honourGroupKey({ ...legion, kind: 'prize' })).not.toBe(honourGroupKey(legion));
  });
});
