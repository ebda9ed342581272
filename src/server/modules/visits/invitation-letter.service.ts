import { DomainError, invalidFields } from '../../core/errors.ts';
import type { Scoped } from '../../core/request-context.ts';
import { officeToday } from '../../../shared/calendar.ts';
import { delegationHead, LETTER_STATUSES, type Visit } from '../../../shared/contracts/visits.ts';
import { chineseLetterName, letterName, renderInvitationLetter } from './invitation-letter.ts';
import { letterhead, unitOfficialNames, visitorDetails } from './visits.repo.ts';
import { getVisit } from './visits.service.ts';

type Member = Visit['members'][number];

/** A member's name in a letter: the Chinese name in a Chinese letter (else the passport's), the passport's with any other-script name after it in an English one. */
const nameIn = (m: Member, lang: 'en' | 'zh') =>
  lang === 'zh' ? chineseLetterName(m) : letterName(m.givenName, m.familyName) + (m.nameZh ? ` (${m.nameZh})` : '');

/**
 * The invitation letter for one visitor (default: the head of the delegation), as a PDF in
 * English or Chinese, dated the day the office chooses (default today). Only a visit the office
 * has approved gets one: the letter commits the school, and visa offices read it.
 */
export async function invitationLetter(
  ctx: Scoped,
  options: { id: number; memberId?: number; lang: 'en' | 'zh'; date?: string | undefined },
): Promise<{ fileName: string; content: Buffer }> {
  const { lang } = options;
  const visit = await getVisit(ctx, { id: options.id });
  if (!LETTER_STATUSES.includes(visit.status)) throw new DomainError('visit_not_approved', 'conflict');
  const head = delegationHead(visit.members);
  const member = options.memberId === undefined ? head : visit.members.find((m) => m.personId === options.memberId);
  if (!member) throw invalidFields({ field: 'memberId', reason: 'unknown_reference' });
  const details = await visitorDetails(ctx, member.personId, member.countryCode);
  const { university, office } = await letterhead(ctx, visit.hostUnitId);
  const content = await renderInvitationLetter({
    lang,
    issuedOn: options.date ?? officeToday(),
    reference: `V${visit.id}-${member.personId}`,
    university,
    office,
    // The host unit by its full official name (上海交通大学医学院附属瑞金医院), where the office gave one.
    hostUnit: await unitOfficialNames(ctx, visit.hostUnitId),
    visitor: { ...member, ...details },
    delegation: {
      size: visit.members.length,
      visitorIsHead: member.personId === head.personId,
      headName: nameIn(head, lang),
      members: visit.members.map((m) => ({ name: nameIn(m, lang), role: m.roleInDelegation })),
    },
    visit,
  });
  return { fileName: `invitation-${visit.id}-${member.personId}-${lang}.pdf`, content };
}
