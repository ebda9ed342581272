import type { UnitInput } from '../shared/contracts/units.ts';

/** The school's organization for the demo: the university, its office, schools and hospitals. */
export const DEMO_UNITS: Array<UnitInput & { parentCode: string | null }> = [
  { parentCode: null, code: 'SJTUSM', kind: 'university', nameEn: 'Shanghai Jiao Tong University School of Medicine', nameZh: '上海交通大学医学院', nameFr: 'Faculté de médecine de l’Université Jiao Tong de Shanghai' },
  { parentCode: 'SJTUSM', code: 'IO', kind: 'office', nameEn: 'Office of International Cooperation and Exchange', nameZh: '国际合作与交流处', nameFr: 'Bureau de la coopération et des échanges internationaux' },
  { parentCode: 'SJTUSM', code: 'BASIC', kind: 'school', nameEn: 'School of Basic Medical Sciences', nameZh: '基础医学院', nameFr: 'École des sciences médicales fondamentales' },
  { parentCode: 'BASIC', code: 'BASIC-PATHO', kind: 'department', nameEn: 'Department of Pathophysiology', nameZh: '病理生理学系', nameFr: 'Département de physiopathologie' },
  { parentCode: 'SJTUSM', code: 'SPH', kind: 'school', nameEn: 'School of Public Health', nameZh: '公共卫生学院', nameFr: 'École de santé publique' },
  { parentCode: 'SJTUSM', code: 'NURSING', kind: 'school', nameEn: 'School of Nursing', nameZh: '护理学院', nameFr: 'École de soins infirmiers' },
  { parentCode: 'SJTUSM', code: 'RUIJIN', kind: 'hospital', nameEn: 'Ruijin Hospital', nameZh: '瑞金医院', nameFr: 'Hôpital Ruijin', officialNameEn: 'Ruijin Hospital, Shanghai Jiao Tong University School of Medicine', officialNameZh: '上海交通大学医学院附属瑞金医院', officialNameFr: 'Hôpital Ruijin, affilié à la Faculté de médecine de l’Université Jiao Tong de Shanghai' },
  { parentCode: 'RUIJIN', code: 'RUIJIN-HEMA', kind: 'institute', nameEn: 'Shanghai Institute of Hematology', nameZh: '上海血液学研究所', nameFr: 'Institut d’hématologie de Shanghai' },
  { parentCode: 'SJTUSM', code: 'RENJI', kind: 'hospital', nameEn: 'Renji Hospital', nameZh: '仁济医院', nameFr: 'Hôpital Renji' },
  { parentCode: 'SJTUSM', code: 'XINHUA', kind: 'hospital', nameEn: 'Xinhua Hospital', nameZh: '新华医院', nameFr: 'Hôpital Xinhua' },
  { parentCode: 'SJTUSM', code: 'NINTH', kind: 'hospital', nameEn: 'Shanghai Ninth People’s Hospital', nameZh: '第九人民医院', nameFr: 'Neuvième hôpital populaire de Shanghai' },
  { parentCode: 'SJTUSM', code: 'SCMC', kind: 'hospital', nameEn: 'Shanghai Children’s Medical Center', nameZh: '上海儿童医学中心', nameFr: 'Centre médical pour enfants de Shanghai' },
];

/** The demo accounts, one per role. Their passwords exist only in the demo. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.interchange', displayName: 'Demo Administrator', role: 'admin', unitCode: null, locale: 'en', password: 'demo-admin-password' },
  { email: 'officer@demo.interchange', displayName: '李明 (International Office)', role: 'officer', unitCode: null, locale: 'zh', password: 'demo-officer-password' },
  { email: 'coordinator@demo.interchange', displayName: 'Ruijin Hospital Coordinator', role: 'coordinator', unitCode: 'RUIJIN', locale: 'zh', password: 'demo-coordinator-password' },
  { email: 'leader@demo.interchange', displayName: 'School Leadership', role: 'leader', unitCode: null, locale: 'zh', password: 'demo-leader-password' },
  { email: 'viewer@demo.interchange', displayName: 'Read-only Viewer', role: 'viewer', unitCode: null, locale: 'en', password: 'demo-viewer-password' },
] as const;
