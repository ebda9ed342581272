import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ewpSchema, ewpSchemaErrors } from '../../test/ewp-schemas.ts';
import {
  academicYearOfDate,
  conditionComplete,
  iiaElements,
  iiaHash,
  iiaTextToHash,
  iiasGetResponseXml,
  iiasIndexResponseXml,
  iiasStatsResponseXml,
  orderConditions,
  type Iia,
  type IiaCondition,
} from './ewp-iias.ts';

const GET_XSD = 'ewp-specs-api-iias-v7.0.0/endpoints/get-response.xsd';

/** The hash each `<iia>` of an official example carries. */
const servedHashes = (xml: string) => [...xml.matchAll(/<iia-hash>([0-9a-f]{64})<\/iia-hash>/g)].map((m) => m[1]);

const ours = 'shsmu.edu.cn';
const theirs = 'uw.edu.pl';
const condition = (overrides: Partial<IiaCondition>): IiaCondition => ({
  type: 'student-studies',
  sendingHeiId: ours,
  receivingHeiId: theirs,
  firstAcademicYear: '2024/2025',
  lastAcademicYear: '2026/2027',
  mobilitiesPerYear: 3,
  languageSkills: [{ language: 'en', cefrLevel: 'B2' }],
  ...overrides,
});
const iia = (conditions: IiaCondition[]): Iia => ({
  partners: [
    { heiId: ours, iiaId: '17', iiaCode: '17', signingContactName: '王 校长', signingDate: '2024-06-30' },
    { heiId: theirs, iiaId: null, iiaCode: null, signingContactName: 'Anna Nowak', signingDate: null },
  ],
  inEffect: true,
  terminatedAsAWhole: false,
  conditions,
});

describe('the IIA hash (IIAs 7.0.0, text-to-hash as the xsltKit README defines it)', () => {
  it("reproduces the hash of both official examples (the xsltKit's v7 document and the get-response example)", async () => {
    for (const path of ['ewp-specs-api-iias-v7.0.0/resources/xsltKit/get-response-v7.xml', 'ewp-specs-api-iias-v7.0.0/endpoints/get-response-example.xml']) {
      const xml = await readFile(ewpSchema(path), 'utf8');
      const expected = servedHashes(xml);
      expect(expected.length, path).toBeGreaterThan(0);
      expect(iiaElements(xml).map(iiaHash), path).toEqual(expected);
    }
  });

  it('leaves out what the spec leaves out: contacts, not-yet-defined elements; counts a v6-value for its ISCED code', async () => {
    const xml = await readFile(ewpSchema('ewp-specs-api-iias-v7.0.0/resources/xsltKit/get-response-v7.xml'), 'utf8');
    const text = iiaTextToHash(iiaElements(xml)[0]!);
    expect(text).not.toContain('sending-contact');
    expect(text).not.toMatch(/student-studies-mobility-spec\.mobilities-per-year/);
    expect(text).toContain('student-studies-mobility-spec.subject-area.isced-f-code=031_');
    expect(text.startsWith('_iia-id_1=')).toBe(true);
  });

  it('changes with what was agreed and with the partner mapping, and not with anything else', () => {
    const base = iiaElements(iiasGetResponseXml([iia([condition({})])]))[0]!;
    const more = iiaElements(iiasGetResponseXml([iia([condition({ mobilitiesPerYear: 4 })])]))[0]!;
    const later = iiaElements(iiasGetResponseXml([iia([condition({ lastAcademicYear: '2027/2028' })])]))[0]!;
    const mapped = iia([condition({})]);
    const withPartnerId = iiaElements(iiasGetResponseXml([{ ...mapped, partners: [mapped.partners[0], { ...mapped.partners[1], iiaId: 'P-9' }] }]))[0]!;
    const renamed = iiaElements(iiasGetResponseXml([{ ...mapped, partners: [{ ...mapped.partners[0], signingContactName: 'Other' }, mapped.partners[1]] }]))[0]!;
    expect(new Set([iiaHash(base), iiaHash(more), iiaHash(later), iiaHash(withPartnerId)]).size).toBe(4);
    expect(iiaHash(renamed)).toBe(iiaHash(base));
  });
});

describe('IIAs 7.0.0 documents', () => {
  it('writes a get response that validates against the official schema, with its own hash', async () => {
    const xml = iiasGetResponseXml([
      iia([
        condition({ type: 'staff-training', sendingHeiId: theirs, receivingHeiId: ours, languageSkills: [] }),
        condition({ sendingHeiId: theirs, receivingHeiId: ours, languageSkills: [{ language: 'fr', cefrLevel: null }] }),
        condition({}),
        condition({ type: 'staff-teacher', mobilitiesPerYear: 2 }),
      ]),
      { ...iia([condition({ type: 'student-traineeship', languageSkills: [] })]), inEffect: false, terminatedAsAWhole: true },
    ]);
    expect(await ewpSchemaErrors(xml, GET_XSD)).toBe('');
    expect(iiaElements(xml).map(iiaHash)).toEqual(servedHashes(xml));
    expect(xml).toContain('<c:contact-name>王 校长</c:contact-name>');
    expect(xml).toContain('terminated-as-a-whole="true"');
    // the schema's order of types; ours sending first within a type
    const order = [...xml.matchAll(/<(student-studies|student-traineeship|staff-teacher|staff-training)-mobility-spec>\s*<sending-hei-id>([^<]+)</g)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual([`student-studies ${ours}`, `student-studies ${theirs}`, `staff-teacher ${ours}`, `staff-training ${theirs}`, `student-traineeship ${ours}`]);
  });

  it('writes index and stats responses that validate', async () => {
    expect(await ewpSchemaErrors(iiasIndexResponseXml(['1', '22']), 'ewp-specs-api-iias-v7.0.0/endpoints/index-response.xsd')).toBe('');
    expect(await ewpSchemaErrors(iiasIndexResponseXml([]), 'ewp-specs-api-iias-v7.0.0/endpoints/index-response.xsd')).toBe('');
    const stats = iiasStatsResponseXml({ fetchable: 3, localUnapprovedPartnerApproved: 0, localApprovedPartnerUnapproved: 0, bothApproved: 0 });
    expect(await ewpSchemaErrors(stats, 'ewp-specs-api-iias-v7.0.0/endpoints/stats-response.xsd')).toBe('');
    expect(stats).toContain('<iia-fetchable>3</iia-fetchable>');
  });

  it('a studies or teaching condition without a language is incomplete: the schema requires one', () => {
    expect(conditionComplete(condition({ languageSkills: [] }))).toBe(false);
    expect(conditionComplete(condition({ type: 'staff-teacher', languageSkills: [] }))).toBe(false);
    expect(conditionComplete(condition({ type: 'staff-training', languageSkills: [] }))).toBe(true);
    expect(conditionComplete(condition({}))).toBe(true);
  });

  it('names academic years from 1 September and keeps the conditions in a stable order', () => {
    expect(academicYearOfDate('2024-08-31')).toBe('2023/2024');
    expect(academicYearOfDate('2024-09-01')).toBe('2024/2025');
    const conditions = [condition({ firstAcademicYear: '2025/2026' }), condition({ type: 'staff-teacher' }), condition({}), condition({ sendingHeiId: theirs, receivingHeiId: ours })];
    const once = orderConditions(conditions, ours);
    expect(orderConditions([...conditions].reverse(), ours)).toEqual(once);
    expect(once.map((c) => `${c.type} ${c.sendingHeiId} ${c.firstAcademicYear}`)).toEqual([
      `student-studies ${ours} 2024/2025`,
      `student-studies ${ours} 2025/2026`,
      `student-studies ${theirs} 2024/2025`,
      `staff-teacher ${ours} 2024/2025`,
    ]);
  });
});
