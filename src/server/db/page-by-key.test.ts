import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './client.ts';
import { unscoped } from '../core/request-context.ts';
import { openDemoDatabase } from '../test/demo-database.ts';
import { listPeople } from '../modules/people/people.repo.ts';
import { listVisits } from '../modules/visits/visits.repo.ts';
import { listAgreements } from '../modules/agreements/agreements.repo.ts';

/**
 * The lists that read a page by its keys first (where.ts#selectPageByKey, issue 17, CPU a
 * request) must page exactly as one sorted read of everything does: the pages, laid end to end,
 * are the whole list in its order, in every sort and direction, ties included (a people list by
 * nationality has long runs of one value), with the same total on every page.
 */
let db: Db;
beforeAll(async () => {
  db = await openDemoDatabase();
}, 600_000);
afterAll(async () => db?.close());

type Lister = (sort: string, order: 'asc' | 'desc', page: number, pageSize: number) => Promise<{ rows: Array<{ id: number }>; total: number }>;

async function expectPagesToTile(list: Lister, sort: string, order: 'asc' | 'desc', pageSize: number): Promise<number> {
  const whole = await list(sort, order, 1, 10_000);
  expect(whole.rows.length).toBe(whole.total);
  const paged: number[] = [];
  for (let page = 1; (page - 1) * pageSize < whole.total + pageSize; page += 1) {
    const { rows, total } = await list(sort, order, page, pageSize);
    expect(total).toBe(whole.total);
    expect(rows.length).toBeLessThanOrEqual(pageSize);
    paged.push(...rows.map((r) => Number(r.id)));
  }
  expect(paged).toEqual(whole.rows.map((r) => Number(r.id)));
  return whole.total;
}

describe('a page read by its keys', () => {
  it('tiles the people list in every order', async () => {
    const list: Lister = (sort, order, page, pageSize) => listPeople(unscoped(db), { sort, order, page, pageSize });
    for (const sort of ['familyName', 'nationality', 'updatedAt']) for (const order of ['asc', 'desc'] as const) expect(await expectPagesToTile(list, sort, order, 97)).toBeGreaterThan(100);
    // A filtered list pages the same way.
    const french: Lister = (sort, order, page, pageSize) => listPeople(unscoped(db), { nationality: 'FR', sort, order, page, pageSize });
    expect(await expectPagesToTile(french, 'familyName', 'asc', 7)).toBeGreaterThan(7);
  });

  it('tiles the visits list in every order', async () => {
    const at = { asOf: '2026-06-30', protocolThreshold: 'minister' as const };
    const list: Lister = (sort, order, page, pageSize) => listVisits(unscoped(db), at, { sort, order, page, pageSize });
    for (const sort of ['startDate', 'endDate', 'titleEn', 'protocolLevel', 'updatedAt'])
      for (const order of ['asc', 'desc'] as const) expect(await expectPagesToTile(list, sort, order, 11)).toBeGreaterThan(20);
    const notable: Lister = (sort, order, page, pageSize) => listVisits(unscoped(db), at, { notable: 'false', counted: 'true', sort, order, page, pageSize });
    expect(await expectPagesToTile(notable, 'startDate', 'desc', 5)).toBeGreaterThan(5);
  });

  it('tiles the agreements list in every order, the term end computed for the day asked about', async () => {
    const at = { asOf: '2026-06-30', dormantYears: 2 };
    const list: Lister = (sort, order, page, pageSize) => listAgreements(unscoped(db), at, { sort, order, page, pageSize });
    for (const sort of ['termEndsOn', 'signedOn', 'titleEn', 'updatedAt'])
      for (const order of ['asc', 'desc'] as const) expect(await expectPagesToTile(list, sort, order, 6)).toBeGreaterThan(12);
  });
});
