/**
 * The built-in templates, used for a kind and language the office has not uploaded its own
 * for: each is a few lines of text with the kind's placeholders, made into a .docx by
 * docx-build.ts and filled like an uploaded one (the invitation letter's built-in PDF stays
 * visits/invitation-letter.ts). They are the office's starting point: downloading one gives a
 * template to edit in Word and upload back.
 */
import type { Locale } from '../../../shared/contracts/common.ts';
import type { DocumentKind } from '../../../shared/contracts/documents.ts';
import { buildDocx, type DocxParagraph } from './docx-build.ts';

const head = (text: string): DocxParagraph => ({ text, bold: true, align: 'center', size: 15 });
const letterhead = (lang: Locale): DocxParagraph[] => [
  { text: '{university}', bold: true, align: 'center', size: 16 },
  { text: '{office}', align: 'center', size: 10 },
  { text: lang === 'zh' ? '编号：{reference}' : lang === 'fr' ? 'Réf. : {reference}' : 'Ref.: {reference}', align: 'right', size: 9 },
  { text: '{date}', align: 'right' },
  { text: '' },
];
const line = (text: string): DocxParagraph => ({ text });
const sign = (lang: Locale): DocxParagraph[] => [line(''), ...(lang === 'zh' ? [{ text: '{hostUnit}', align: 'right' as const }, { text: '{date}', align: 'right' as const }] : [line('{hostUnit}')])];

const MEMBERS: Record<Locale, DocxParagraph[]> = {
  en: [line(''), { text: 'Members of the delegation', bold: true }, line('{#members}{name}, {role}, {institution}, {country}{/members}')],
  zh: [line(''), { text: '附：代表团成员名单', bold: true }, line('{#members}{name}（{role}，{institution}，{country}）{/members}')],
  fr: [line(''), { text: 'Membres de la délégation', bold: true }, line('{#members}{name}, {role}, {institution}, {country}{/members}')],
};

const TEXTS: Record<DocumentKind, Record<Locale, DocxParagraph[]>> = {
  invitation_letter: {
    en: [head('LETTER OF INVITATION'), line('{visitorName}'), line('{visitorTitle}, {visitorInstitution}, {visitorCountry}'), line(''), line('Dear {visitorName},'), line('On behalf of {hostUnit}, it is my pleasure to invite you to visit us from {startDate} to {endDate} ({purpose}): “{visitTitle}”. You will be one of a delegation of {delegationSize} led by {headName}.'), line('We look forward to welcoming you.'), line('Yours sincerely,'), ...sign('en'), ...MEMBERS.en],
    zh: [head('邀 请 函'), line('尊敬的{visitorName}：'), line('我谨代表{hostUnit}，诚挚邀请您于{startDate}至{endDate}来我校访问（{purpose}，“{visitTitle}”）。代表团共{delegationSize}人，团长为{headName}。'), line('期待您的光临！'), line('此致'), line('敬礼！'), ...sign('zh'), ...MEMBERS.zh],
    fr: [head('LETTRE D’INVITATION'), line('{visitorName}'), line('{visitorTitle}, {visitorInstitution}, {visitorCountry}'), line(''), line('Madame, Monsieur,'), line('Au nom de {hostUnit}, j’ai le plaisir de vous inviter du {startDate} au {endDate} ({purpose}) : « {visitTitle} ». Vous ferez partie d’une délégation de {delegationSize} personnes conduite par {headName}.'), line('Nous nous réjouissons de vous accueillir.'), line('Veuillez agréer l’expression de nos salutations distinguées.'), ...sign('fr'), ...MEMBERS.fr],
  },
  visa_support_letter: {
    en: [head('VISA SUPPORT LETTER'), line('To the Consular Section of the Embassy of the People’s Republic of China'), line(''), line('{hostUnit} invites the following {delegationSize} person(s) to visit from {startDate} to {endDate} for “{visitTitle}” ({purpose}), and asks that their visas be granted. The host bears responsibility for their programme during the visit.'), line(''), { text: 'Name — nationality — date of birth — passport number', bold: true }, line('{#members}{name} — {nationality} — {birthDate} — {passportNumber}{/members}'), line(''), line('Yours faithfully,'), ...sign('en')],
    zh: [head('签证邀请函'), line('中华人民共和国驻外使（领）馆：'), line('{hostUnit}邀请下列{delegationSize}人于{startDate}至{endDate}来访（{purpose}，“{visitTitle}”），请予办理签证为盼。访问期间的日程由我方负责安排。'), { text: '姓名 — 国籍 — 出生日期 — 护照号码', bold: true }, line('{#members}{name} — {nationality} — {birthDate} — {passportNumber}{/members}'), ...sign('zh')],
    fr: [head('LETTRE DE SOUTIEN À LA DEMANDE DE VISA'), line('À la section consulaire de l’Ambassade de la République populaire de Chine'), line(''), line('{hostUnit} invite les {delegationSize} personne(s) ci-dessous du {startDate} au {endDate} pour « {visitTitle} » ({purpose}) et vous prie de bien vouloir leur accorder un visa. L’hôte est responsable de leur programme pendant la visite.'), { text: 'Nom — nationalité — date de naissance — numéro de passeport', bold: true }, line('{#members}{name} — {nationality} — {birthDate} — {passportNumber}{/members}'), line(''), line('Veuillez agréer, Madame, Monsieur, l’expression de notre haute considération.'), ...sign('fr')],
  },
  acceptance_letter: {
    en: [head('LETTER OF ACCEPTANCE'), line('Dear {studentName},'), line('We are pleased to inform you that you have been admitted on {admittedOn} to {programme} ({level}) at {hostUnit}. Your studies begin on {startDate} and are expected to be completed by {expectedCompletion}. Your student number is {studentNumber}.'), line('Congratulations, and welcome to Shanghai.'), line('Yours sincerely,'), ...sign('en')],
    zh: [head('录 取 通 知 书'), line('{studentName}同学：'), line('你已于{admittedOn}被{hostUnit}{programme}专业（{level}）录取，请于{startDate}报到入学，预计于{expectedCompletion}完成学业。学号：{studentNumber}。'), line('欢迎你来上海学习！'), ...sign('zh')],
    fr: [head('LETTRE D’ADMISSION'), line('{studentName},'), line('Nous avons le plaisir de vous informer que vous avez été admis(e) le {admittedOn} au programme {programme} ({level}) de {hostUnit}. Vos études commencent le {startDate} et devraient s’achever le {expectedCompletion}. Votre numéro d’étudiant est {studentNumber}.'), line('Félicitations, et bienvenue à Shanghai.'), line('Veuillez agréer nos salutations distinguées.'), ...sign('fr')],
  },
  nomination_letter: {
    en: [head('LETTER OF NOMINATION'), line('To {partner}'), line(''), line('{hostUnit} is pleased to nominate the following {nomineeCount} student(s) for exchange with {partner} in the academic year {academicYear}:'), line('{#nominees}{name} — {programme} — {departureDate} to {returnDate}{/nominees}'), line('We thank you for receiving them.'), line('Yours sincerely,'), ...sign('en')],
    zh: [head('交换学生提名函'), line('{partner}：'), line('{hostUnit}谨提名下列{nomineeCount}名学生于{academicYear}学年赴贵校交流学习：'), line('{#nominees}{name} — {programme} — {departureDate}至{returnDate}{/nominees}'), line('感谢贵校的接待！'), ...sign('zh')],
    fr: [head('LETTRE DE NOMINATION'), line('À l’attention de {partner}'), line(''), line('{hostUnit} a le plaisir de nommer les {nomineeCount} étudiant(s) suivant(s) pour un échange avec {partner} durant l’année universitaire {academicYear} :'), line('{#nominees}{name} — {programme} — du {departureDate} au {returnDate}{/nominees}'), line('Nous vous remercions de les accueillir.'), line('Veuillez agréer nos salutations distinguées.'), ...sign('fr')],
  },
  attendance_certificate: {
    en: [head('CERTIFICATE OF ATTENDANCE'), line(''), line('This is to certify that {attendeeName} ({attendeeInstitution}) attended “{conferenceTitle}”, held in {venue} from {startDate} to {endDate}, as {attendeeRole}.'), ...sign('en')],
    zh: [head('参 会 证 明'), line(''), line('兹证明{attendeeName}（{attendeeInstitution}）以{attendeeRole}身份出席了于{startDate}至{endDate}在{venue}举行的“{conferenceTitle}”。'), line('特此证明。'), ...sign('zh')],
    fr: [head('ATTESTATION DE PARTICIPATION'), line(''), line('Nous certifions que {attendeeName} ({attendeeInstitution}) a participé en qualité de {attendeeRole} à « {conferenceTitle} », qui s’est tenu à {venue} du {startDate} au {endDate}.'), ...sign('fr')],
  },
  appointment_letter: {
    en: [head('LETTER OF APPOINTMENT'), line('Dear {expertName},'), line('{hostUnit} has the honour to appoint you {appointmentTitle}, from {startDate} to {endDate}, in recognition of your work at {expertInstitution} and your contribution to our cooperation.'), line('Yours sincerely,'), ...sign('en')],
    zh: [head('聘 书'), line('兹聘请{expertInstitution}{expertName}为{hostUnit}{appointmentTitle}，聘期自{startDate}至{endDate}。'), ...sign('zh')],
    fr: [head('LETTRE DE NOMINATION D’EXPERT'), line('{expertName},'), line('{hostUnit} a l’honneur de vous nommer {appointmentTitle}, du {startDate} au {endDate}, en reconnaissance de vos travaux à {expertInstitution} et de votre contribution à notre coopération.'), line('Veuillez agréer l’expression de notre haute considération.'), ...sign('fr')],
  },
};

/** The built-in template of `kind` in `lang`, as a .docx. */
export function builtinTemplate(kind: DocumentKind, lang: Locale): Buffer {
  return buildDocx([...letterhead(lang), ...TEXTS[kind][lang]], `${kind}-${lang}`);
}
