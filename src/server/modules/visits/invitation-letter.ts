import PDFDocument from 'pdfkit';
import { writeText } from '../../pdf/write-text.ts';
import type { VisitPurpose } from '../../../shared/contracts/visits.ts';
import { VISIT_PURPOSE_LABELS } from '../../../shared/i18n/visit-labels.ts';

/** Everything a letter says, gathered from the records. */
export interface LetterContent {
  lang: 'en' | 'zh';
  issuedOn: string;
  reference: string;
  university: { nameEn: string; nameZh: string };
  office: { nameEn: string; nameZh: string } | null;
  hostUnit: { nameEn: string; nameZh: string };
  visitor: {
    familyName: string;
    givenName: string | null;
    nameZh: string | null;
    title: string | null;
    gender: string | null;
    institutionNameEn: string | null;
    institutionNameZh: string | null;
    countryNameEn: string;
    countryNameZh: string;
  };
  /** The delegation's size and its head, when the visitor is not alone, and its members as the letter names them. */
  delegation: { size: number; visitorIsHead: boolean; headName: string | null; members?: Array<{ name: string; role: string | null }> };
  visit: { titleEn: string; titleZh: string | null; purpose: VisitPurpose; startDate: string; endDate: string; receivingOfficial: string | null };
}


const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a letter writes it: "10 May 2024", "2024年5月10日". */
export function letterDate(iso: string, lang: 'en' | 'zh'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hangul}]+$/u;

/**
 * A person's name as a letter writes it: given name then the family name in capitals, as on a
 * passport ("Claire MARTIN", "Иван ПЕТРОВ"); a Chinese or Korean name in its own script family
 * name first, unspaced, as it is written ("김민준").
 */
export function letterName(givenName: string | null, familyName: string): string {
  if (givenName && EAST_ASIAN.test(familyName) && EAST_ASIAN.test(givenName)) return `${familyName}${givenName}`;
  return [givenName, familyName.toUpperCase()].filter(Boolean).join(' ');
}

/** A name for a Chinese letter: the Chinese name when there is one in Chinese characters, else the name as on the passport. */
export function chineseLetterName(person: { givenName: string | null; familyName: string; nameZh: string | null }): string {
  return person.nameZh && /\p{Script=Han}/u.test(person.nameZh) ? person.nameZh : letterName(person.givenName, person.familyName);
}

function latinName(v: LetterContent['visitor']): string {
  return letterName(v.givenName, v.familyName);
}

/** The paragraphs of the letter, in its language. Kept apart from the drawing so that they can be read in a test. */
export function letterText(c: LetterContent): { heading: string; address: string[]; salutation: string; body: string[]; closing: string[]; signature: string[]; members: { heading: string; lines: string[] } | null } {
  const { visitor: v, visit, delegation: g } = c;
  // The delegation's members close the letter, one to a line (a name in any script stands alone on its line).
  const members = (heading: string, roleOf: (role: string) => string) =>
    g.members && g.members.length > 1 ? { heading, lines: g.members.map((m, i) => `${i + 1}. ${m.name}${m.role ? roleOf(m.role) : ''}`) } : null;
  // A unit's full official name already says the university (上海交通大学医学院附属瑞金医院): it is not said twice.
  const ofUniversity = (unit: string, university: string, joiner: string) => (unit.includes(university) ? unit : `${unit}${joiner}${university}`);
  const besideUniversity = (unit: string, university: string) => (unit === university ? [university] : unit.includes(university) ? [unit] : [unit, university]);
  if (c.lang === 'zh') {
    const name = chineseLetterName(v);
    const honorific = v.gender === 'male' ? '先生' : v.gender === 'female' ? '女士' : '';
    const purpose = visit.purpose === 'other' ? '' : `进行${VISIT_PURPOSE_LABELS[visit.purpose].zh}`;
    const title = visit.titleZh ?? visit.titleEn;
    const body = [
      `我谨代表${ofUniversity(c.hostUnit.nameZh, c.university.nameZh, '')}，诚挚邀请您于${letterDate(visit.startDate, 'zh')}至${letterDate(visit.endDate, 'zh')}来我校访问${purpose ? `，${purpose}` : ''}（“${title}”）。`,
    ];
    if (g.size > 1) body.push(g.visitorIsHead || !g.headName ? `您将${g.visitorIsHead ? '率' : '随'}${g.size}人代表团来访。` : `您将随${g.headName}率领的${g.size}人代表团来访。`);
    if (visit.receivingOfficial) body.push(`访问期间，由${visit.receivingOfficial}负责接待。`);
    body.push('期待您的光临！');
    return {
      heading: '邀 请 函',
      address: [],
      salutation: `尊敬的${name}${honorific}：`,
      body,
      closing: ['此致', '敬礼！'],
      members: members('附：代表团成员名单', (role) => `（${role}）`),
      signature: [visit.receivingOfficial, ...besideUniversity(c.hostUnit.nameZh, c.university.nameZh), letterDate(c.issuedOn, 'zh')].filter(
        (x): x is string => !!x,
      ),
    };
  }
  const name = latinName(v) + (v.nameZh ? ` (${v.nameZh})` : '');
  const purpose = visit.purpose === 'other' ? '' : ` for ${VISIT_PURPOSE_LABELS[visit.purpose].en.toLowerCase()}`;
  const body = [
    `On behalf of ${ofUniversity(c.hostUnit.nameEn, c.university.nameEn, ', ')}, it is my pleasure to invite you to visit us from ${letterDate(visit.startDate, 'en')} to ${letterDate(visit.endDate, 'en')}${purpose}: "${visit.titleEn}".`,
  ];
  if (g.size > 1) body.push(g.visitorIsHead || !g.headName ? `You will ${g.visitorIsHead ? 'lead' : 'be a member of'} a delegation of ${g.size}.` : `You will be a member of a delegation of ${g.size} led by ${g.headName}.`);
  if (visit.receivingOfficial) body.push(`During your visit you will be received by ${visit.receivingOfficial}.`);
  body.push('We look forward to welcoming you.');
  return {
    heading: 'LETTER OF INVITATION',
    address: [name, v.title, v.institutionNameEn ?? v.institutionNameZh, v.countryNameEn].filter((x): x is string => !!x),
    salutation: `Dear ${[v.givenName, v.familyName].filter(Boolean).join(' ')},`,
    body,
    closing: ['Yours sincerely,'],
    members: members('Members of the delegation', (role) => `, ${role}`),
    signature: [visit.receivingOfficial, ...besideUniversity(c.hostUnit.nameEn, c.university.nameEn)].filter((x): x is string => !!x),
  };
}

/** Renders the letter as an A4 PDF on the school's letterhead. */
export function renderInvitationLetter(c: LetterContent): Promise<Buffer> {
  // Every line is written by writeText: each script in its font, right-to-left names in order,
  // bidi controls and invisible characters removed (a printed letter has no isolation).
  const text = letterText(c);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 72, right: 72 },
    info: { Title: c.lang === 'zh' ? `邀请函 — ${c.visit.titleZh ?? c.visit.titleEn}` : `Letter of invitation — ${c.visit.titleEn}`, Author: c.university.nameEn, Creator: 'Interchange' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const [primary, secondary] = c.lang === 'zh' ? [c.university.nameZh, c.university.nameEn] : [c.university.nameEn, c.university.nameZh];
  const officeLine = c.office ? (c.lang === 'zh' ? `${c.office.nameZh}  ${c.office.nameEn}` : `${c.office.nameEn}  ${c.office.nameZh}`) : null;

  // Letterhead: the school's names in both languages, the office below, a rule.
  writeText(doc.fontSize(17).fillColor('#7a1020'), primary, { weight: 'bold', align: 'center' });
  writeText(doc.fontSize(10.5).fillColor('#7a1020'), secondary, { align: 'center' });
  if (officeLine) writeText(doc.fontSize(9).fillColor('#444444'), officeLine, { align: 'center' });
  const ruleY = doc.y + 6;
  doc.moveTo(doc.page.margins.left, ruleY).lineTo(doc.page.margins.left + width, ruleY).lineWidth(1.2).strokeColor('#7a1020').stroke();
  doc.fillColor('#000000').y = ruleY + 14;

  doc.fontSize(9.5).fillColor('#444444');
  writeText(doc, c.lang === 'zh' ? `编号：${c.reference}` : `Ref.: ${c.reference}`, { align: 'right' });
  if (c.lang === 'en') writeText(doc, letterDate(c.issuedOn, 'en'), { align: 'right' });
  doc.moveDown(1.2).fillColor('#000000');

  writeText(doc.fontSize(15), text.heading, { weight: 'bold', align: 'center', characterSpacing: c.lang === 'en' ? 1 : 0 });
  doc.moveDown(1.2);

  doc.fontSize(11);
  for (const line of text.address) writeText(doc, line);
  if (text.address.length) doc.moveDown(1);
  writeText(doc, text.salutation);
  doc.moveDown(0.6);
  // Chinese paragraphs open two characters in, as letters are written (and so does 此致; 敬礼 starts the next line).
  const indent = c.lang === 'zh' ? 22 : 0;
  for (const paragraph of text.body) writeText(doc, paragraph, { indent, lineGap: 3, paragraphGap: 8 });
  doc.moveDown(1);
  text.closing.forEach((line, i) => writeText(doc, line, { indent: i === 0 ? indent : 0 }));
  doc.moveDown(2.5);
  for (const line of text.signature) writeText(doc, line, { align: c.lang === 'zh' ? 'right' : 'left' });
  if (text.members) {
    doc.moveDown(2);
    writeText(doc, text.members.heading, { weight: 'bold' });
    doc.moveDown(0.4);
    for (const line of text.members.lines) writeText(doc, line, { lineGap: 2 });
  }
  doc.end();
  return done;
}
