import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, succeeded, type TestServer } from '../test/harness.ts';
import { personBody, visitBody } from '../test/factories.ts';

// Issue 16, defect 4: the history showed "hostUnitId 80"; the audit API now names the records its entries refer to by id.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t?.close());

describe('the names of what audit entries refer to', () => {
  it('come with the entries: the host unit and the visitors by name, people only within the caller\u2019s reach', async () => {
    const officer = await t.as('officer');
    const ours = await succeeded(officer.post('/api/people', personBody({ familyName: 'Ourvisitor', unitId: t.units.a })));
    const theirs = await succeeded(officer.post('/api/people', personBody({ familyName: 'Othervisitor', unitId: t.units.b })));
    const visit = await succeeded(officer.post('/api/visits', visitBody(t.units.a, [ours.id, theirs.id])));
    const query = `/api/audit?entity=visit&entityId=${visit.id}`;

    const asOfficer = (await officer.get(query)).json();
    expect(asOfficer.items).toHaveLength(1);
    const { hostUnitNameEn } = (await officer.get(`/api/visits/${visit.id}`)).json();
    expect(asOfficer.names.units[t.units.a]).toMatchObject({ nameEn: hostUnitNameEn });
    expect(asOfficer.names.people[ours.id]).toMatchObject({ familyName: 'Ourvisitor' });
    expect(asOfficer.names.people[theirs.id]).toMatchObject({ familyName: 'Othervisitor' });

    // a coordinator of unit A reads the visit's history, but not the name of unit B's person through it
    const asCoordinator = (await (await t.as('coordinatorA')).get(query)).json();
    expect(asCoordinator.items).toHaveLength(1);
    expect(asCoordinator.names.people[ours.id]).toMatchObject({ familyName: 'Ourvisitor' });
    expect(asCoordinator.names.people[theirs.id]).toBeUndefined();
  });
});
