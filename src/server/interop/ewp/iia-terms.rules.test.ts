import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { IIA_TERM_FIELDS } from '../../../shared/contracts/ewp-iia-copies.ts';
import { ewpSchema } from '../../test/ewp-schemas.ts';
import type { IiaAgreementRow } from './ewp-iias.repo.ts';
import { iiaElements, iiaHash } from './ewp-iias.ts';
import { compareTerms, copiesOfIias, IiaDocumentRefused, ourTermsOfAgreement, parseIiasGetResponse, parseIiasIndexResponse, termsOfIia } from './iia-terms.ts';
import { manifestIiasApi, matchCopies } from './iia-pull.ts';
import { manifestXml } from './ewp-documents.ts';
import { NS } from './ewp-namespaces.ts';

const EXAMPLES = ['ewp-specs-api-iias-v7.0.0/endpoints/get-response-example.xml', 'ewp-specs-api-iias-v7.0.0/resources/xsltKit/get-response-v7.xml'];
const example = (path: string) => readFile(ewpSchema(path), 'utf8');

/** Each mobility spec of a document, read by regular expressions (not by the parser under test); what is flagged not-yet-defined is left out. */
function specsByRegex(source: string) {
  const xml = source.replace(/<([a-z-]+) not-yet-defined="true">[\s\S]*?<\/\1>/g, '');
  return [...xml.matchAll(/<(student-studies|student-traineeship|staff-teacher|staff-training)-mobility-spec>([\s\S]*?)<\/\1-mobility-spec>/g)].map((m) => ({
    type: m[1]!,
    sending: /<sending-hei-id>([^<]+)</.exec(m[2]!)![1]!,
    receiving: /<receiving-hei-id>([^<]+)</.exec(m[2]!)![1]!,
    places: Number(/<mobilities-per-year>(\d+)</.exec(m[2]!)?.[1] ?? 0),
    first: /<receiving-first-academic-year-id>([^<]+)</.exec(m[2]!)![1]!,
    last: /<receiving-last-academic-year-id>([^<]+)</.exec(m[2]!)![1]!,
    languages: [...m[2]!.matchAll(/<recommended-language-skill>\s*<language>([^<]+)<\/language>(?:\s*<cefr-level>([^<]+)<\/cefr-level>)?/g)].map((l) => (l[2] ? `${l[1]} ${l[2]}` : l[1]!)),
  }));
}

describe('reading an IIAs 7.0.0 get response', () => {
  it.each(EXAMPLES)('reads the official example %s: partners, ids, hash, and terms from either side', async (path) => {
    const xml = await example(path);
    const [iia] = parseIiasGetResponse(xml);
    expect(iia).toBeDefined();
    const partnerIds = [...xml.matchAll(/<partner>\s*<hei-id>([^<]+)<\/hei-id>\s*<iia-id>([^<]+)<\/iia-id>/g)].map((m) => [m[1], m[2]]);
    expect(iia!.partners.map((p) => [p.heiId, p.iiaId])).toEqual(partnerIds);
    // the hash as served is the one the spec computes over the element
    expect(iia!.iiaHash).toBe(iiaHash(iiaElements(xml)[0]!));

    const specs = specsByRegex(xml);
    expect(iia!.conditions).toHaveLength(specs.length);
    const [first, second] = partnerIds.map((p) => p[0]!);
    const sum = (type: string, from: string) => specs.filter((s) => s.type.startsWith(type) && s.sending === from).reduce((n, s) => n + s.places, 0) || null;
    for (const [us, them] of [[first!, second!], [second!, first!]] as const) {
      const terms = termsOfIia(iia!, us);
      expect(terms.studentsOutPerYear).toBe(sum('student-', us));
      expect(terms.studentsInPerYear).toBe(sum('student-', them));
      expect(terms.staffOutPerYear).toBe(sum('staff-', us));
      expect(terms.staffInPerYear).toBe(sum('staff-', them));
      expect(terms.firstAcademicYear).toBe(specs.map((s) => s.first).sort()[0]);
      expect(terms.lastAcademicYear).toBe(specs.map((s) => s.last).sort().reverse()[0]);
      expect(terms.languageSkills).toEqual([...new Set(specs.flatMap((s) => s.languages))].sort());
    }
    // the copy is the partner's from the other partner's side
    const [copy] = copiesOfIias(parseIiasGetResponse(xml), second!);
    expect(copy).toMatchObject({ partnerHeiId: first, partnerIiaId: partnerIds[0]![1], ourIiaIdAsTheyKnowIt: partnerIds[1]![1], iiaHash: iia!.iiaHash });
    expect(copiesOfIias(parseIiasGetResponse(xml), 'nobody.example.org')).toEqual([]);
  });

  it('names both purposes when an IIA has places of both kinds, one when it has one', async () => {
    const xml = await example(EXAMPLES[0]!);
    const terms = termsOfIia(parseIiasGetResponse(xml)[0]!, 'hibo.no');
    const types = new Set(specsByRegex(xml).map((s) => s.type));
    expect(terms.studentMobility).toBe(['studies', 'traineeship'].filter((p) => types.has(`student-${p}`)).join('+'));
    expect(terms.staffMobility).toBe([...(types.has('staff-teacher') ? ['teaching'] : []), ...(types.has('staff-training') ? ['training'] : [])].join('+'));
  });

  it('refuses a DOCTYPE, what is not XML, and another document', async () => {
    expect(() => parseIiasGetResponse('<!DOCTYPE x [<!ENTITY a "b">]><iias-get-response/>')).toThrow(IiaDocumentRefused);
    expect(() => parseIiasGetResponse('not xml')).toThrow(IiaDocumentRefused);
    expect(() => parseIiasGetResponse(`<iias-index-response xmlns="${NS.iiasIndex}"/>`)).toThrow(/not an IIAs 7.0.0 iias-get-response/);
    const index = await example('ewp-specs-api-iias-v7.0.0/endpoints/index-response-example.xml');
    expect(parseIiasIndexResponse(index)).toEqual([...index.matchAll(/<iia-id>([^<]+)<\/iia-id>/g)].map((m) => m[1]));
    const get = await example(EXAMPLES[0]!);
    expect(() => parseIiasIndexResponse(get)).toThrow(IiaDocumentRefused);
  });
});

const OURS = 'shsmu.edu.cn';
const row = (overrides: Partial<IiaAgreementRow> = {}): IiaAgreementRow => ({
  id: 7,
  status: 'active',
  ourSignatory: null,
  partnerSignatory: null,
  signedOn: null,
  effectiveOn: '2024-09-01',
  termEndsOn: '2027-08-31',
  terminatedOn: null,
  studentsInPerYear: 2,
  studentsOutPerYear: 3,
  staffInPerYear: null,
  staffOutPerYear: 1,
  studentMobility: 'studies',
  staffMobility: 'teaching',
  languageSkills: ['fr B2', 'en'],
  partnerHeiId: 'ki.se',
  partnerIiaId: null,
  partnerIiaCode: null,
  modifiedAt: '2024-01-01T00:00:00Z',
  ...overrides,
});

describe('our terms and the comparison', () => {
  it('reads our own agreement through our own answer: the same fields the agreement holds', () => {
    const agreement = row();
    const terms = ourTermsOfAgreement(agreement, OURS);
    expect(terms).toEqual({
      firstAcademicYear: '2024/2025',
      lastAcademicYear: '2026/2027',
      studentsInPerYear: agreement.studentsInPerYear,
      studentsOutPerYear: agreement.studentsOutPerYear,
      staffInPerYear: agreement.staffInPerYear,
      staffOutPerYear: agreement.staffOutPerYear,
      studentMobility: agreement.studentMobility,
      staffMobility: agreement.staffMobility,
      languageSkills: [...agreement.languageSkills].sort(),
    });
    // an agreement our API cannot publish (open-ended) is read from its fields
    expect(ourTermsOfAgreement(row({ termEndsOn: null }), OURS)).toMatchObject({ lastAcademicYear: null, studentsOutPerYear: agreement.studentsOutPerYear });
  });

  it('compares field by field, ours then theirs, languages in any order', () => {
    const ours = ourTermsOfAgreement(row(), OURS);
    expect(compareTerms(ours, { ...ours, languageSkills: [...(ours.languageSkills as string[])].reverse() })).toEqual([]);
    const theirs = { ...ours, studentsOutPerYear: 9, staffMobility: null };
    expect(compareTerms(ours, theirs)).toEqual([
      { field: 'studentsOutPerYear', ours: ours.studentsOutPerYear, theirs: 9 },
      { field: 'staffMobility', ours: ours.staffMobility, theirs: null },
    ]);
    expect(compareTerms(ours, { ...ours, languageSkills: ['en'] }).map((d) => d.field)).toEqual(['languageSkills']);
    expect(IIA_TERM_FIELDS.every((field) => field in ours)).toBe(true);
  });

  it('matches a copy by the id they give for us, else the one agreement with the partner', () => {
    const copy = (ourIiaIdAsTheyKnowIt: string | null) => ({ partnerIiaId: 'x', partnerIiaCode: null, ourIiaIdAsTheyKnowIt, partnerHeiId: 'ki.se', iiaHash: null, terms: ourTermsOfAgreement(row(), OURS) });
    const a = row({ id: 1 });
    const b = row({ id: 2 });
    expect(matchCopies([copy('2'), copy(null)], [a, b]).map((m) => m?.id ?? null)).toEqual([2, null]);
    expect(matchCopies([copy(null)], [a]).map((m) => m?.id)).toEqual([1]);
    // the one agreement goes to one copy only, and an id of ours the partner got wrong matches nothing by it
    expect(matchCopies([copy('1'), copy(null)], [a]).map((m) => m?.id ?? null)).toEqual([1, null]);
    expect(matchCopies([copy('99')], [a, b]).map((m) => m?.id ?? null)).toEqual([null]);
  });
});

describe('the partner’s manifest', () => {
  it('gives the IIAs 7 API of the host covering the partner, with its max-iia-ids', () => {
    const base = 'https://ewp.ki.se';
    const xml = manifestXml({
      adminEmail: null,
      adminProvider: 'test',
      apis: [{ name: 'iias', version: '7.0.0', url: `${base}/iias/get`, httpsig: true, entry: [['get-url', `${base}/get`], ['max-iia-ids', '3'], ['index-url', `${base}/index`]] }],
      hei: { id: 'ki.se', names: {} },
      publicKeyBase64: 'AAAA',
    });
    expect(manifestIiasApi(xml, 'KI.se')).toEqual({ getUrl: `${base}/get`, indexUrl: `${base}/index`, maxIiaIds: 3 });
    expect(manifestIiasApi(xml, 'other.example.org')).toBeNull();
  });
});
