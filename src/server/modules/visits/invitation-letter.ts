import PDFDocument from 'pdfkit';
import { cjkFonts } from '../../pdf/cjk-font.ts';
import { visibleText } from '../../security/visible-text.ts';
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
  /** The delegation's size and its head, when the visitor is not alone. */
  delegation: { size: number; visitorIsHead: boolean; headName: string | null };
  visit: { titleEn: string; titleZh: string | null; purpose: VisitPurpose; startDate: string; endDate: string; receivingOfficial: string | null };
}


const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as a letter writes it: "10 May 2024", "2024年5月10日". */
export function letterDate(iso: string, lang: 'en' | 'zh'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The visitor's Latin name, family name in capitals as on a passport: "Claire MARTIN". */
function latinName(v: LetterContent['visitor']): string {
  return [v.givenName, v.familyName.toUpperCase()].filter(Boolean).join(' ');
}

/** The paragraphs of the letter, in its language. Kept apart from the drawing so that they can be read in a test. */
export function letterText(c: LetterContent): { heading: string; address: string[]; salutation: string; body: string[]; closing: string[]; signature: string[] } {
  const { visitor: v, visit, delegation: g } = c;
  const ofUniversity = (unit: string, university: string, joiner: string) => (unit === university ? university : `${unit}${joiner}${university}`);
  if (c.lang === 'zh') {
    const name = v.nameZh ?? latinName(v);
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
      signature: [visit.receivingOfficial, c.hostUnit.nameZh === c.university.nameZh ? null : c.hostUnit.nameZh, c.university.nameZh, letterDate(c.issuedOn, 'zh')].filter(
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
    signature: [visit.receivingOfficial, c.hostUnit.nameEn === c.university.nameEn ? null : c.hostUnit.nameEn, c.university.nameEn].filter((x): x is string => !!x),
  };
}

/** Renders the letter as an A4 PDF on the school's letterhead. */
export function renderInvitationLetter(c: LetterContent): Promise<Buffer> {
  // A printed letter has no isolation: bidi controls and invisible characters in a name are removed.
  const written = letterText(c);
  const text = Object.fromEntries(
    Object.entries(written).map(([key, value]) => [key, Array.isArray(value) ? value.map(visibleText) : visibleText(value)]),
  ) as typeof written;
  const { regular, bold } = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 72, right: 72 },
    info: { Title: c.lang === 'zh' ? `邀请函 — ${c.visit.titleZh ?? c.visit.titleEn}` : `Letter of invitation — ${c.visit.titleEn}`, Author: c.university.nameEn, Creator: 'Interchange' },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const [primary, secondary] = (c.lang === 'zh' ? [c.university.nameZh, c.university.nameEn] : [c.university.nameEn, c.university.nameZh]).map(visibleText) as [string, string];
  const officeLine = c.office ? visibleText(c.lang === 'zh' ? `${c.office.nameZh}  ${c.office.nameEn}` : `${c.office.nameEn}  ${c.office.nameZh}`) : null;

  // Letterhead: the school's names in both languages, the office below, a rule.
  doc.font('bold').fontSize(17).fillColor('#7a1020').text(primary, { align: 'center' });
  doc.font('regular').fontSize(10.5).fillColor('#7a1020').text(secondary, { align: 'center' });
  if (officeLine) doc.fontSize(9).fillColor('#444444').text(officeLine, { align: 'center' });
  const ruleY = doc.y + 6;
  doc.moveTo(doc.page.margins.left, ruleY).lineTo(doc.page.margins.left + width, ruleY).lineWidth(1.2).strokeColor('#7a1020').stroke();
  doc.fillColor('#000000').y = ruleY + 14;

  doc.font('regular').fontSize(9.5).fillColor('#444444');
  doc.text(c.lang === 'zh' ? `编号：${c.reference}` : `Ref.: ${c.reference}`, { align: 'right' });
  if (c.lang === 'en') doc.text(letterDate(c.issuedOn, 'en'), { align: 'right' });
  doc.moveDown(1.2).fillColor('#000000');

  doc.font('bold').fontSize(15).text(text.heading, { align: 'center', characterSpacing: c.lang === 'en' ? 1 : 0 });
  doc.moveDown(1.2);

  doc.font('regular').fontSize(11);
  for (const line of text.address) doc.text(line);
  if (text.address.length) doc.moveDown(1);
  doc.text(text.salutation);
  doc.moveDown(0.6);
  // Chinese paragraphs open two characters in, as letters are written (and so does 此致; 敬礼 starts the next line).
  const indent = c.lang === 'zh' ? 22 : 0;
  for (const paragraph of text.body) doc.text(paragraph, { indent, lineGap: 3, paragraphGap: 8 });
  doc.moveDown(1);
  text.closing.forEach((line, i) => doc.text(line, { indent: i === 0 ? indent : 0 }));
  doc.moveDown(2.5);
  for (const line of text.signature) doc.text(line, { align: c.lang === 'zh' ? 'right' : 'left' });
  doc.end();
  return done;
}
