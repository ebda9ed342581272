import { letterName, type LetterContent } from '../modules/visits/invitation-letter.ts';
import { SCRIPT_DELEGATION } from './script-names.ts';

/**
 * The letter of the PDF script test, the bench and the closing pictures: the head of a
 * delegation with one person per script, the head's passport name in Latin letters and her name
 * in Arabic beside it (the visitor of issue 16), every member named in their own script.
 */
export function scriptLetter(lang: 'en' | 'zh'): LetterContent {
  return {
    lang,
    issuedOn: '2026-11-02',
    reference: 'V163-677',
    university: { nameEn: 'Shanghai Jiao Tong University School of Medicine', nameZh: '上海交通大学医学院' },
    office: { nameEn: 'Office of International Affairs', nameZh: '国际合作与交流处' },
    hostUnit: { nameEn: 'Ruijin Hospital', nameZh: '上海交通大学医学院附属瑞金医院' },
    visitor: {
      familyName: 'Al-Rashid',
      givenName: 'Fatima',
      nameZh: 'فاطمة الراشد',
      title: 'Professor of Cardiology',
      gender: 'female',
      institutionNameEn: 'King Saud University',
      institutionNameZh: null,
      countryNameEn: 'Saudi Arabia',
      countryNameZh: '沙特阿拉伯',
    },
    delegation: {
      size: SCRIPT_DELEGATION.length,
      visitorIsHead: true,
      headName: null,
      members: [
        { name: lang === 'zh' ? 'Fatima AL-RASHID' : 'Fatima AL-RASHID (فاطمة الراشد)', role: lang === 'zh' ? '团长' : 'Head of the delegation' },
        ...SCRIPT_DELEGATION.filter((p) => p.script !== 'Arabic').map((p) => ({ name: letterName(p.givenName, p.familyName), role: null })),
      ],
    },
    visit: { titleEn: 'Cardiology exchange week', titleZh: '心血管交流周', purpose: 'academic_exchange', startDate: '2026-11-23', endDate: '2026-11-25', receivingOfficial: 'Prof. Wang Zhenyi' },
  };
}
