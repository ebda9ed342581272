import { bothScripts, pieces, type FactSheetInput, type Piece, type ReportDocument } from './report-document.ts';
import { honoursParagraph } from './honours-paragraph.ts';
import { studentContinents, studentsFromRegions } from './students-paragraph.ts';
import { percentText } from '../wording.rules.ts';
import { closingParagraph } from './closing-paragraph.ts';
import { professorsSentence, selectedSentence } from './programme-paragraph.ts';

const NA = '暂无数据（该模块尚未上线）';

/** 种子页面的中文版，逐段由统计数字写成。 */
export function factSheetZh(input: FactSheetInput): ReportDocument {
  const p = pieces(input);
  const org = input.subject.zh;
  const s = (...parts: Array<Piece | null>): Piece[] => parts.filter((x): x is Piece => x !== null);

  const universities = p.exact('partners.universities', (n) => `${n}所大学`);
  const countries = p.exact('partners.countriesAndRegions', (n) => `${n}个国家和地区`);
  const including = p.countries('partners.countriesAndRegions', 14).map((c) => c.name);
  const organizations = p.names('organizations.workingArrangements', (i) => i.nameZh ?? i.nameEn ?? i.key);
  const partners: Piece[] =
    universities && countries
      ? s(`${org}已与`, including.length ? `${including.join('、')}等` : '', countries, '的', universities, '建立了校级和院级交流关系。')
      : [`合作大学数：${NA}。`];
  if (organizations) partners.push('与', organizations, '建立了工作关系。');

  const experts = p.about('experts.engaged', (n) => `${n}名`);
  const conferences = p.exact('conferences.hosted', (n) => `${n}次`);
  const second = s(
    ...(experts ? ['聘请外国学者和专家', experts, '担任名誉教授、顾问教授和客座教授。'] : [`聘请外国专家数：${NA}。`]),
    ...(conferences ? [`${org}共主办有影响的国际学术会议`, conferences, '。'] : [`主办国际会议数：${NA}。`]),
  );

  const inbound = p.about('inbound.personTimesSince1980', (n) => `${n}人次`);
  const visitors = p.names('inbound.notableVisitors', (i) => bothScripts(i, 'zh'), 6);
  const third = inbound
    ? s('1980年以来，', org, '共接待外国专家、教授、国际学术组织负责人、政府官员和各领域医学专业人员', inbound, ...(visitors ? ['，其中包括', visitors] : []), '。')
    : [`1980年以来接待来访人次：${NA}。`];

  const outbound = p.about('outbound.personTimesSince1954', (n) => `${n}人次`);
  const honours = honoursParagraph(input);
  const fourth = s(
    ...(outbound ? ['1954年以来，学校共派出专家和专业人员', outbound, '出国参加国际学术会议、友好访问、考察、进修、讲学和合作研究。'] : [`1954年以来出国人次：${NA}。`]),
    ...(honours ?? [`获得国外荣誉：${NA}。`]),
  );

  const students = p.exact('students.foreignSince1980', (n) => `${n}名外国留学生`);
  const studentCountries = p.exact('students.foreignCountries', (n) => `${n}个国家`);
  const byLevel = p.get('students.byLevel').value;
  const placed = p.exact('programme.residencyPlaced', (n) => `${n}名学生`);
  const share = p.get('programme.residencyShare');
  const perYear = p.about('exchange.studentsPerYear', (n) => `${n}名学生`);
  const exUniversities = p.exact('exchange.universities', (n) => `${n}所大学或学院`);
  const exCountries = p.exact('exchange.countries', (n) => `${n}个国家`);
  const levels = byLevel && !Array.isArray(byLevel) && typeof byLevel === 'object'
    ? `（本科生${byLevel.bachelor ?? 0}名，硕士生${byLevel.master ?? 0}名，博士生${byLevel.doctorate ?? 0}名）`
    : '';
  const continents = studentContinents(input.set, 'zh');
  const regions = studentsFromRegions(input.set);
  const standing = input.programme ? `是${input.programme.zh}，` : '';
  const fifth = s(
    ...(students && studentCountries
      ? p.get('students.foreignSince1980').value === 0
        ? ['尚无外国学历留学生记录。']
        : ['1980年以来，', org, `共招收并培养来自${continents}`, studentCountries, '的', students, `${levels}${regions ? `（另有港澳台学生${regions}名）` : ''}。`]
      : [`1980年以来外国留学生数：${NA}。`]),
    ...(placed && typeof share.value === 'number'
      ? [`中法合办的临床医学八年制项目${standing}以法语为第一外语。`, ...(professorsSentence(input) ?? []),
          '迄今已有', placed, '经考试和考核达到标准，被选派赴法国各大医院进行为期一年的住院医师培训', `，占该项目全部学生的${percentText(share.value as number, 'zh')}。`]
      : [`中法项目住院医师培训人数：${NA}。`]),
    ...(selectedSentence(input, org) ?? []),
    ...(perYear && exUniversities && exCountries && Number(p.get('exchange.studentsPerYear').value) > 0 ? ['目前每年选派', perYear, '赴', exCountries, '的', exUniversities, '进行短期培训或联合培养。'] : [`学生交流数据：${NA}。`]),
  );

  return {
    lang: 'zh',
    title: `${org}国际交流与合作`,
    subtitle: `数据截至 ${input.set.asOf}`,
    sections: [
      { heading: '合作伙伴与国际组织', paragraphs: [partners] },
      { heading: '外国专家与国际会议', paragraphs: [second] },
      { heading: '来访', paragraphs: [third] },
      { heading: '出访与荣誉', paragraphs: [fourth] },
      { heading: '留学生、合作项目与学生交流', paragraphs: [fifth] },
      ...closingSection(input, org),
    ],
    note: '人次按来访次数计算：同一人来访五次计五人次。',
    linksNote: '每个数字均链接到其所统计的记录。',
  };
}

function closingSection(input: FactSheetInput, org: string) {
  const closing = closingParagraph(input, org);
  return closing ? [{ heading: '交流成效', paragraphs: [closing] }] : [];
}
