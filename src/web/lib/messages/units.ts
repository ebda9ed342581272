import type { Catalogue } from './catalogue.ts';

/** Our organization: schools, departments, affiliated hospitals. */
export const UNITS = {
  'unit.add': ['Add unit', '新增单位', 'Ajouter une unité'],
  'unit.addChild': ['Add sub-unit', '新增下级单位', 'Ajouter une sous-unité'],
  'unit.createTitle': ['New unit', '新增单位', 'Nouvelle unité'],
  'unit.editTitle': ['Edit unit', '编辑单位', 'Modifier l’unité'],
  'unit.intro': [
    'The school, its schools and departments, and its affiliated hospitals. Coordinators see the records of their own unit.',
    '学校及下属学院、部门和附属医院。院系联络员只能查看本单位的记录。',
    'L’école, ses composantes et départements, et ses hôpitaux affiliés. Les coordinateurs voient les enregistrements de leur unité.',
  ],
  'unit.filter': ['Filter units', '筛选单位', 'Filtrer les unités'],
  'unit.name': ['Name', '名称', 'Nom'],
  'unit.field.parentId': ['Parent unit', '上级单位', 'Unité parente'],
  'unit.field.code': ['Code', '代码', 'Code'],
  'unit.field.kind': ['Kind', '类型', 'Type'],
  'unit.field.nameEn': ['Name in English', '英文名称', 'Nom en anglais'],
  'unit.field.nameZh': ['Name in Chinese', '中文名称', 'Nom en chinois'],
  'unit.field.nameFr': ['Name in French', '法文名称', 'Nom en français'],
  'unit.field.officialNameEn': ['Full official name in English', '英文全称', 'Nom officiel complet en anglais'],
  'unit.field.officialNameZh': ['Full official name in Chinese', '中文全称', 'Nom officiel complet en chinois'],
  'unit.field.officialNameFr': ['Full official name in French', '法文全称', 'Nom officiel complet en français'],
  'unit.officialHint': [
    'The full official name is what letters and certificates write for this unit (for example 上海交通大学医学院附属瑞金医院); leave it empty when the name above is already the full one.',
    '全称用于本单位的信函和证明（例如“上海交通大学医学院附属瑞金医院”）；若上面的名称已是全称，可留空。',
    'Le nom officiel complet est celui que les lettres et attestations écrivent pour cette unité (par exemple 上海交通大学医学院附属瑞金医院) ; laissez-le vide si le nom ci-dessus est déjà le nom complet.',
  ],
  'unit.kind.university': ['University', '大学', 'Université'],
  'unit.kind.school': ['School', '学院', 'École'],
  'unit.kind.department': ['Department', '部门/系', 'Département'],
  'unit.kind.hospital': ['Affiliated hospital', '附属医院', 'Hôpital affilié'],
  'unit.kind.institute': ['Institute', '研究所', 'Institut'],
  'unit.kind.office': ['Office', '职能部门', 'Service'],
  'unit.kind.centre': ['Centre', '中心', 'Centre'],
  'unit.noParent': ['(top level)', '（顶级）', '(niveau supérieur)'],
} satisfies Catalogue;
