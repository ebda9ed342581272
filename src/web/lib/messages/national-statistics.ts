import type { Catalogue } from './catalogue.ts';

/** The national statistics card on the students page: the ministry's files uploaded, the office beside the nation. */
export const NATIONAL_STATISTICS = {
  'nat.title': ['Beside the national figures (Taiwan Ministry of Education)', '与全国数据对比（台湾教育部）', 'Face aux chiffres nationaux (ministère de l’Éducation de Taïwan)'],
  'nat.year': ['Academic year', '学年', 'Année universitaire'],
  'nat.yearOption': ['{year} ({western})', '{year}（{western}）', '{year} ({western})'],
  'nat.none': ['No national statistics imported yet.', '尚未导入全国统计数据。', 'Aucune statistique nationale importée.'],
  'nat.upload': ['Import a ministry file (…_regular.csv or …_over_higher.csv)', '导入教育部文件（…_regular.csv 或 …_over_higher.csv）', 'Importer un fichier du ministère (…_regular.csv ou …_over_higher.csv)'],
  'nat.imported': ['{file} imported: {rows} lines.', '已导入 {file}：{rows} 行。', '{file} importé : {rows} lignes.'],
  'nat.refused': ['Nothing was imported from {file}:', '{file} 未导入任何内容：', 'Rien n’a été importé de {file} :'],
  'nat.asOf': ['The office’s degree students counted on {date}, the ministry’s census day.', '本单位学位生按教育部统计日 {date} 计数。', 'Étudiants en diplôme de l’établissement comptés au {date}, jour du recensement du ministère.'],
  'nat.summary': [
    'Nationally: {foreign} foreign students from {countries} countries; overseas Chinese {overseas}, Hong Kong {hk}, Macao {mo} (kept apart).',
    '全国：外国学生 {foreign} 人，来自 {countries} 个国家；侨生 {overseas} 人，香港 {hk} 人，澳门 {mo} 人（分开统计）。',
    'Au niveau national : {foreign} étudiants étrangers de {countries} pays ; Chinois d’outre-mer {overseas}, Hong Kong {hk}, Macao {mo} (comptés à part).',
  ],
  'nat.unmatched': ['Names the countries list does not know (kept, not compared): {names}', '国家列表中没有的名称（已保留，未参与对比）：{names}', 'Noms inconnus de la liste des pays (conservés, non comparés) : {names}'],
  'nat.country': ['Country or region', '国家或地区', 'Pays ou région'],
  'nat.office': ['Office', '本单位', 'Établissement'],
  'nat.national': ['National', '全国', 'National'],
  'nat.share': ['Share', '占比', 'Part'],
  'nat.bachelor': ['Bachelor', '学士', 'Licence'],
  'nat.master': ['Master', '硕士', 'Master'],
  'nat.doctorate': ['Doctorate', '博士', 'Doctorat'],
  'nat.other': ['Other levels', '其他层次', 'Autres niveaux'],
  'nat.total': ['Total', '合计', 'Total'],
  'nat.allCountries': ['All countries and regions', '全部国家和地区', 'Tous pays et régions'],
} satisfies Catalogue;
