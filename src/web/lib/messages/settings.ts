import type { Catalogue } from './catalogue.ts';

/** The office's settings. */
export const SETTINGS = {
  'nav.settings': ['Office settings', '业务设置', 'Paramètres du bureau'],
  'settings.subtitle': [
    'Thresholds the figures use. A change applies to every record at once, past ones included.',
    '统计所用的阈值。修改后立即适用于所有记录，包括以往记录。',
    'Les seuils qu’utilisent les chiffres. Un changement s’applique à tous les enregistrements, passés compris.',
  ],
  'settings.readOnly': ['The international office changes these settings.', '这些设置由国际交流处修改。', 'Le bureau international modifie ces paramètres.'],
  'settings.what': ['What it decides', '用途', 'Ce qu’il décide'],
  'settings.value': ['Value', '设定值', 'Valeur'],
  'settings.conflict': [
    'Someone else changed this setting: their value is shown now.',
    '该设置已被他人修改，现显示最新值。',
    'Quelqu’un d’autre a modifié ce paramètre : sa valeur est affichée.',
  ],
  'settings.conference.majorForeignParticipants.title': ['Major conferences', '重大国际会议', 'Conférences majeures'],
  'settings.conference.majorForeignParticipants.help': [
    'A conference with at least this many foreign participants is classified as major; below it, general.',
    '境外参会人数达到该数值的会议列为重大会议，低于该数值的为一般会议。',
    'Une conférence qui compte au moins ce nombre de participants étrangers est classée majeure ; en dessous, ordinaire.',
  ],
  'settings.conference.majorForeignParticipants.unit': ['foreign participants', '名境外参会人员', 'participants étrangers'],
  'settings.digest.hour.title': ['Daily digest', '每日待办摘要', 'Résumé quotidien'],
  'settings.digest.hour.help': [
    'The hour of the office’s day (Shanghai time, 0–23) at which each user receives the digest of their new and late to-do items.',
    '每天向各用户发送新增及逾期待办摘要的时间（上海时间，0–23 点）。',
    'L’heure du bureau (heure de Shanghai, 0–23) à laquelle chaque utilisateur reçoit le résumé de ses tâches nouvelles et en retard.',
  ],
  'settings.digest.hour.unit': ['o’clock', '点', 'heures'],
  'settings.factsheet.closing.title': ['The fact sheet’s closing paragraph', '概况页结尾段落', 'Le dernier paragraphe de la fiche'],
  'settings.factsheet.closing.help': [
    'What the exchanges brought the school, in the office’s words, in each language. {school} is the school’s name; a figure’s key in braces, such as {partners.universities}, is the figure, written live and linked to its records.',
    '用本处的话说明国际交流给学校带来了什么，每种语言各一段。{school} 代表学校名称；花括号中的数字键名（如 {partners.universities}）会替换为实时数字，并链接到其记录。',
    'Ce que les échanges ont apporté à l’établissement, dans les mots du bureau, en chaque langue. {school} est le nom de l’établissement ; la clé d’un chiffre entre accolades, comme {partners.universities}, est ce chiffre, écrit à jour et lié à ses enregistrements.',
  ],
  'settings.factsheet.closing.en': ['In English', '英文', 'En anglais'],
  'settings.factsheet.closing.zh': ['In Chinese', '中文', 'En chinois'],
  'settings.factsheet.closing.fr': ['In French', '法文', 'En français'],
} satisfies Catalogue;
