import { bothScripts, pieces, type FactSheetInput, type Piece, type ReportDocument } from './report-document.ts';
import { honoursParagraph } from './honours-paragraph.ts';
import { studentContinents, studentsFromRegions } from './students-paragraph.ts';
import { joinList, percentText } from '../wording.rules.ts';
import { bodyFr, capitalised, countryFr } from '../articles.rules.ts';
import { closingParagraph } from './closing-paragraph.ts';
import { professorsSentence, selectedSentence } from './programme-paragraph.ts';

const NA = 'pas encore disponible';

/** La page du seed en français, paragraphe par paragraphe, à partir des chiffres. */
export function factSheetFr(input: FactSheetInput): ReportDocument {
  const p = pieces(input);
  // the school's name with its article: « la Faculté de médecine … », « La Faculté … » to begin a sentence
  const org = bodyFr(input.subject.fr);
  const Org = capitalised(org);
  const s = (...parts: Array<Piece | null>): Piece[] => parts.filter((x): x is Piece => x !== null);

  const universities = p.exact('partners.universities', (n, v) => `${n} ${v === 1 ? 'université' : 'universités'}`);
  const countries = p.exact('partners.countriesAndRegions', (n) => `${n} pays et régions`);
  const including = p.countries('partners.countriesAndRegions', 14).map((c) => countryFr(c.code, c.name));
  const organizations = p.names('organizations.workingArrangements', (i) => bodyFr(i.nameFr ?? i.nameEn ?? i.key));
  const partners: Piece[] =
    universities && countries
      ? s(`${Org} entretient des relations d’échange institutionnelles et facultaires avec `, universities, ' de ', countries,
          including.length ? `, dont ${including.join(', ')}${including.length < (p.get('partners.countriesAndRegions').value as number) ? ', etc. ' : '. '}` : '. ')
      : [`Le nombre d’universités partenaires n’est ${NA}. `];
  if (organizations) partners.push('L’établissement a des accords de travail avec ', organizations, '.');

  const experts = p.about('experts.engaged', (n) => n);
  const conferences = p.exact('conferences.hosted', (n) => `${n} conférences académiques internationales`);
  const second = s(
    ...(experts ? ['L’établissement a engagé ', experts, ' universitaires et experts étrangers comme professeurs honoraires, consultants et professeurs invités. '] : [`Le nombre d’experts étrangers engagés n’est ${NA}. `]),
    ...(conferences ? [`${Org} a accueilli `, conferences, '.'] : [`Le nombre de conférences internationales accueillies n’est ${NA}.`]),
  );

  const inbound = p.about('inbound.personTimesSince1980', (n) => `${n} visites`);
  const visitors = p.names('inbound.notableVisitors', (i) => bothScripts(i, 'fr'), 6);
  const third = inbound
    ? s('Depuis 1980, ', org, ' a reçu ', inbound, ' d’experts, de professeurs, de responsables d’organisations académiques internationales, de responsables gouvernementaux et de professionnels de santé étrangers', ...(visitors ? [', parmi lesquels ', visitors] : []), '.')
    : [`Le nombre de visiteurs reçus depuis 1980 n’est ${NA}.`];

  const outbound = p.about('outbound.personTimesSince1954', (n) => `${n} déplacements`);
  const honours = honoursParagraph(input);
  const fourth = s(
    ...(outbound ? ['Depuis 1954, l’école a effectué ', outbound, ' d’experts et de professionnels à l’étranger pour des conférences internationales, des visites d’amitié, des voyages d’étude, des formations, des cours et des recherches conjointes. '] : [`Le nombre d’experts et de professionnels envoyés à l’étranger depuis 1954 n’est ${NA}. `]),
    ...(honours ?? [`Les distinctions reçues de l’étranger ne sont ${NA.replace('disponible', 'disponibles')}.`]),
  );

  const students = p.exact('students.foreignSince1980', (n) => `${n} étudiants étrangers`);
  const studentCountries = p.exact('students.foreignCountries', (n) => `${n} pays`);
  const byLevel = p.get('students.byLevel').value;
  const placed = p.exact('programme.residencyPlaced', (n) => `${n} étudiants`);
  const share = p.get('programme.residencyShare');
  const perYear = p.about('exchange.studentsPerYear', (n) => `${n} étudiants`);
  const exUniversities = p.exact('exchange.universities', (n) => `${n} universités ou écoles`);
  const exCountries = p.exact('exchange.countries', (n) => `${n} pays`);
  const levels = byLevel && !Array.isArray(byLevel) && typeof byLevel === 'object'
    ? ` (${joinList([`${byLevel.bachelor ?? 0} en licence`, `${byLevel.master ?? 0} en master`, `${byLevel.doctorate ?? 0} en doctorat`], 'fr')})`
    : '';
  const continents = studentContinents(input.set, 'fr');
  const regions = studentsFromRegions(input.set);
  const fromWhere = `${continents ? ` ${continents}` : ''}${regions ? ` (et ${regions} de Hong Kong, Macao et Taïwan)` : ''}`;
  const standing = input.programme ? `, ${input.programme.fr},` : '';
  const fifth = s(
    ...(students && studentCountries
      ? p.get('students.foreignSince1980').value === 0
        ? ['Aucun étudiant étranger diplômant n’est encore enregistré. ']
        : ['Depuis 1980, ', org, ' a formé ', students, ' venus de ', studentCountries, `${fromWhere}${levels}. `]
      : [`Le nombre d’étudiants étrangers inscrits depuis 1980 n’est ${NA}. `]),
    ...(placed && typeof share.value === 'number'
      ? [`Le programme franco-chinois de médecine clinique en 8 ans${standing} a le français pour première langue étrangère. `, ...(professorsSentence(input) ?? []),
          'Jusqu’ici, ', placed, ' ayant satisfait aux examens et évaluations ont été envoyés effectuer un an d’internat dans de grands hôpitaux français', `, soit ${percentText(share.value as number, 'fr')} de l’ensemble des étudiants du programme. `]
      : [`Les placements en internat du programme franco-chinois ne sont ${NA.replace('disponible', 'disponibles')}. `]),
    ...(selectedSentence(input, Org) ?? []),
    ...(perYear && exUniversities && exCountries && Number(p.get('exchange.studentsPerYear').value) > 0 ? ['Chaque année, ', perYear, ' partent dans ', exUniversities, ' de ', exCountries, ' pour des formations courtes ou des programmes de master et doctorat conjoints.'] : [`Les chiffres des échanges d’étudiants ne sont ${NA.replace('disponible', 'disponibles')}.`]),
  );

  return {
    lang: 'fr',
    title: `${capitalised(input.subject.fr)} : échanges et coopération internationale`,
    subtitle: `Chiffres au ${input.set.asOf}`,
    sections: [
      { heading: 'Partenaires et organisations', paragraphs: [partners] },
      { heading: 'Experts et conférences', paragraphs: [second] },
      { heading: 'Visiteurs', paragraphs: [third] },
      { heading: 'Missions à l’étranger et distinctions', paragraphs: [fourth] },
      { heading: 'Étudiants, programme et échanges', paragraphs: [fifth] },
      ...closingSection(input, org),
    ],
    note: 'Les visites et les déplacements sont comptés un à un : un visiteur venu cinq fois compte pour cinq.',
    linksNote: 'Chaque chiffre renvoie aux enregistrements qu’il compte.',
  };
}

function closingSection(input: FactSheetInput, org: string) {
  const closing = closingParagraph(input, org);
  return closing ? [{ heading: 'Ce que les échanges ont apporté', paragraphs: [closing] }] : [];
}
