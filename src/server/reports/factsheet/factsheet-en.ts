import { bothScripts, pieces, type FactSheetInput, type Piece, type ReportDocument } from './report-document.ts';
import { honoursParagraph } from './honours-paragraph.ts';
import { studentContinents, studentsFromRegions } from './students-paragraph.ts';
import { joinList, percentText } from '../wording.rules.ts';
import { bodyEn, countryEn } from '../articles.rules.ts';
import { closingParagraph } from './closing-paragraph.ts';
import { professorsSentence, selectedSentence } from './programme-paragraph.ts';

const NA = 'not available yet';

/** The seed's page in English, paragraph by paragraph, from the figures. */
export function factSheetEn(input: FactSheetInput): ReportDocument {
  const p = pieces(input);
  const org = input.subject.en;
  const s = (...parts: Array<Piece | null>): Piece[] => parts.filter((x): x is Piece => x !== null);

  const universities = p.exact('partners.universities', (n, v) => `${n} ${v === 1 ? 'university' : 'universities'}`);
  const countries = p.exact('partners.countriesAndRegions', (n) => `${n} countries and regions`);
  const including = p.countries('partners.countriesAndRegions', 14).map((c) => countryEn(c.name));
  const organizations = p.names('organizations.workingArrangements', (i) => bodyEn(i.nameEn ?? i.key));
  const partners: Piece[] =
    universities && countries
      ? s(`${org} has established relations of collegiate and institutional interchange with `, universities, ' from ', countries,
          including.length ? `, including ${including.join(', ')}${including.length < (p.get('partners.countriesAndRegions').value as number) ? ', etc. ' : '. '}` : '. ')
      : [`The number of partner universities is ${NA}. `];
  if (organizations) partners.push('It has working arrangements with ', organizations, '.');

  const experts = p.about('experts.engaged', (n) => n);
  const conferences = p.exact('conferences.hosted', (n) => `${n} international academic conferences`);
  const second = s(
    ...(experts ? ['It has engaged ', experts, ' foreign scholars and experts as honorary professors, consultants and visiting professors. '] : [`The number of foreign experts engaged is ${NA}. `]),
    ...(conferences ? [`${org} has hosted `, conferences, '.'] : [`The number of international conferences hosted is ${NA}.`]),
  );

  const inbound = p.about('inbound.personTimesSince1980', (n) => `${n} (person-times)`);
  const visitors = p.names('inbound.notableVisitors', (i) => [i.title, bothScripts(i, 'en')].filter(Boolean).join(' '), 6);
  const third = inbound
    ? s('Since 1980, ', org, ' has received ', inbound, ' foreign experts, professors, leaders of international academic organizations, government officials and medical professionals in various fields', ...(visitors ? ['; among them ', visitors] : []), '.')
    : [`The number of visitors received since 1980 is ${NA}.`];

  const outbound = p.about('outbound.personTimesSince1954', (n) => `${n} (person-times)`);
  const honours = honoursParagraph(input);
  const fourth = s(
    ...(outbound ? ['Since 1954, the school has sent ', outbound, ' experts and professionals abroad for international academic conferences, friendly visits, tours of investigation, advanced studies, lectures and joint research. '] : [`The number of experts and professionals sent abroad since 1954 is ${NA}. `]),
    ...(honours ?? [`The honours its professors have received from abroad are ${NA}.`]),
  );

  const students = p.exact('students.foreignSince1980', (n) => `${n} foreign students`);
  const studentCountries = p.exact('students.foreignCountries', (n) => `${n} countries`);
  const byLevel = p.get('students.byLevel').value;
  const placed = p.exact('programme.residencyPlaced', (n) => `${n} students`);
  const share = p.get('programme.residencyShare');
  const perYear = p.about('exchange.studentsPerYear', (n) => `${n} students`);
  const exUniversities = p.exact('exchange.universities', (n) => `${n} universities or colleges`);
  const exCountries = p.exact('exchange.countries', (n) => `${n} countries`);
  const levels = byLevel && !Array.isArray(byLevel) && typeof byLevel === 'object'
    ? ` (${joinList([`${byLevel.bachelor ?? 0} from undergraduate programmes`, `${byLevel.master ?? 0} from master's degree programmes`, `${byLevel.doctorate ?? 0} from doctoral programmes`], 'en')})`
    : '';
  const continents = studentContinents(input.set, 'en');
  const regions = studentsFromRegions(input.set);
  const fromWhere = `${continents ? ` of ${continents}` : ''}${regions ? ` (and ${regions} from Hong Kong, Macao and Taiwan)` : ''}`;
  const standing = input.programme ? ` is ${input.programme.en},` : '';
  const fifth = s(
    ...(students && studentCountries
      ? p.get('students.foreignSince1980').value === 0
        ? ['No foreign degree students are recorded yet. ']
        : ['Since 1980, ', org, ' has enrolled and graduated ', students, ' from ', studentCountries, `${fromWhere}${levels}. `]
      : [`The number of foreign students enrolled since 1980 is ${NA}. `]),
    ...(placed && typeof share.value === 'number'
      ? [`The 8-year programme of clinical medicine run jointly with France${standing} with French as the first foreign language. `, ...(professorsSentence(input) ?? []),
          'Up to now, ', placed, ' who met the standards in examinations and evaluations have been sent to major French hospitals for a year of residency', `, accounting for ${percentText(share.value as number, 'en')} of all the students in the programme. `]
      : [`The residency placements of the Sino-French programme are ${NA}. `]),
    ...(selectedSentence(input, org) ?? []),
    ...(perYear && exUniversities && exCountries && Number(p.get('exchange.studentsPerYear').value) > 0 ? ['Every year, ', perYear, ' are sent to ', exUniversities, ' in ', exCountries, ' for short-term training or joint graduate programmes.'] : [`The figures of student exchange are ${NA}.`]),
  );

  return {
    lang: 'en',
    title: `${org}: international exchange and cooperation`,
    subtitle: `Figures as of ${input.set.asOf}`,
    sections: [
      { heading: 'Partners and organizations', paragraphs: [partners] },
      { heading: 'Experts and conferences', paragraphs: [second] },
      { heading: 'Visitors', paragraphs: [third] },
      { heading: 'Outbound staff and honours', paragraphs: [fourth] },
      { heading: 'Students, programme and exchange', paragraphs: [fifth] },
      ...closingSection(input, org),
    ],
    note: 'Person-times count trips: a visitor who came five times counts five.',
    linksNote: 'Every figure links to the records it counts.',
  };
}

function closingSection(input: FactSheetInput, org: string) {
  const closing = closingParagraph(input, org);
  return closing ? [{ heading: 'What the exchanges brought', paragraphs: [closing] }] : [];
}
