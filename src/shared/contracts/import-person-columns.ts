import type { GENDERS } from './people.ts';
import type { ImportColumn, Labels } from './imports.ts';

/** A person's gender as offices write it. */
export const GENDER_LABELS: Record<(typeof GENDERS)[number], Labels> = {
  female: { en: 'Female', zh: '女', fr: 'Femme' },
  male: { en: 'Male', zh: '男', fr: 'Homme' },
  other: { en: 'Other', zh: '其他', fr: 'Autre' },
  unknown: { en: 'Not known', zh: '未知', fr: 'Non connu' },
};

/**
 * The columns that name the person on a row of a kind whose record is about a person (a
 * mission's member, an appointed expert, an honour's recipient): what finds them among the
 * people on file (passport number, e-mail, names) and what a new person is created with.
 * `foreign` adds the columns of someone from abroad (nationality, home institution).
 */
export function personColumns(options: { foreign: boolean }): ImportColumn[] {
  return [
    { field: 'familyName', label: { en: 'Family name', zh: '姓', fr: 'Nom de famille' }, aliases: ['surname', 'last name', 'nom', '姓氏'], value: { is: 'text' }, required: true },
    { field: 'givenName', label: { en: 'Given name', zh: '名', fr: 'Prénom' }, aliases: ['first name', 'forename', 'prenom', '名字'], value: { is: 'text' } },
    { field: 'nameZh', label: { en: 'Chinese name', zh: '中文姓名', fr: 'Nom chinois' }, aliases: ['name in chinese', '姓名', '中文名'], value: { is: 'text' } },
    { field: 'gender', label: { en: 'Gender', zh: '性别', fr: 'Genre' }, aliases: ['sex', 'sexe'], value: { is: 'choice', options: GENDER_LABELS } },
    ...(options.foreign
      ? ([
          { field: 'nationality', label: { en: 'Nationality', zh: '国籍', fr: 'Nationalité' }, aliases: ['country', 'country or region', 'pays', '国家', '国家或地区', '国家/地区'], value: { is: 'country' } },
          { field: 'institutionId', label: { en: 'Home institution', zh: '工作单位', fr: 'Établissement d’origine' }, aliases: ['institution', 'organization', 'organisation', 'affiliation', 'organisme', '所在单位', '外方单位', '机构'], value: { is: 'institution' } },
        ] satisfies ImportColumn[])
      : []),
    { field: 'position', label: { en: 'Position', zh: '职务职称', fr: 'Fonction' }, aliases: ['job title', 'fonction', 'titre', '职务', '职称'], value: { is: 'text' } },
    { field: 'email', label: { en: 'Email', zh: '电子邮箱', fr: 'Courriel' }, aliases: ['e-mail', 'mail', 'adresse électronique', '邮箱', '电子邮件'], value: { is: 'text' } },
    { field: 'passportNumber', label: { en: 'Passport number', zh: '护照号码', fr: 'Numéro de passeport' }, aliases: ['passport', 'passport no', 'passport no.', 'passeport', '护照号', '护照'], value: { is: 'text' } },
  ];
}
