import type { PersonInput } from '../shared/contracts/people.ts';

/**
 * Our professors the seed names as holders of honours from abroad (public figures, as the
 * seed names them). Honours themselves arrive with the honours module.
 */
export const DEMO_PEOPLE: Array<PersonInput & { unitCode: string }> = [
  { familyName: 'Wang', givenName: 'Zhen-yi', nameZh: '王振义', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN-HEMA', otherNames: ['Wang Zhenyi'] },
  { familyName: 'Chen', givenName: 'Zhu', nameZh: '陈竺', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN-HEMA' },
  { familyName: 'Kuang', givenName: 'An-kun', nameZh: '邝安堃', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN' },
  { familyName: 'Wang', givenName: 'Yi-fei', nameZh: '王一飞', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'BASIC' },
  { familyName: 'Li', givenName: 'Hong-wei', nameZh: '李宏为', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN' },
  { familyName: 'Shi', givenName: 'Ji-xiang', nameZh: '史济湘', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN' },
  { familyName: 'Cao', givenName: 'Yi-lin', nameZh: '曹谊林', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'NINTH' },
  { familyName: 'Shen', givenName: 'Xiao-ming', nameZh: '沈晓明', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'XINHUA' },
  { familyName: 'Zhu', givenName: 'Zheng-gang', nameZh: '朱正纲', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN' },
  { familyName: 'Peng', givenName: 'Cheng-hong', nameZh: '彭承宏', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RUIJIN' },
  { familyName: 'Peng', givenName: 'Zhi-hai', nameZh: '彭志海', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'RENJI' },
  { familyName: 'Chen', givenName: 'Guo-qiang', nameZh: '陈国强', gender: 'male', nationality: 'CN', title: 'Professor', unitCode: 'BASIC-PATHO' },
];

/** International organizations the seed names as having working arrangements with the school. */
export const DEMO_ORGANIZATIONS = [
  { kind: 'international_organization', nameEn: 'World Health Organization', nameZh: '世界卫生组织', nameFr: 'Organisation mondiale de la Santé', otherNames: ['WHO', 'OMS'], countryCode: 'CH', city: 'Geneva', website: 'https://www.who.int' },
  { kind: 'foundation', nameEn: 'Project HOPE (People-to-People Health Foundation)', nameZh: '世界健康基金会', nameFr: 'Project HOPE', otherNames: ['Project Hope', 'World Health Foundation'], countryCode: 'US', city: 'Washington, DC', website: 'https://www.projecthope.org' },
  { kind: 'association', nameEn: 'Alliance Française', nameZh: '法语联盟', nameFr: 'Alliance française', otherNames: ['Fondation des Alliances Françaises'], countryCode: 'FR', city: 'Paris', website: 'https://www.fondation-alliancefr.org' },
] as const;

/**
 * Catalogue entries added as institutions in the demo, with the names the office writes
 * (the catalogue's are often upper case or English only). More partners come with agreements.
 */
export const DEMO_CATALOGUE_PICKS = [
  { ref: 'eche:F  PARIS482', nameEn: 'Université Paris Cité', nameZh: '巴黎西岱大学', nameFr: 'Université Paris Cité', schac: 'u-paris.fr' },
  { ref: 'hipo:7845', nameEn: 'Karolinska Institutet', nameZh: '卡罗林斯卡学院', nameFr: 'Institut Karolinska', schac: 'ki.se' },
];
