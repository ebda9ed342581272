import type { Catalogue } from './catalogue.ts';

/** Files prepared in the background: the notification that follows one from the button to its download. */
export const EXPORTS = {
  'exports.title': ['Preparing {name}', '正在准备 {name}', 'Préparation de {name}'],
  'exports.waiting': ['Waiting for its turn…', '排队等待中…', 'En attente de son tour…'],
  'exports.running': ['Being written…', '正在生成…', 'En cours d’écriture…'],
  'exports.done': ['{name} is ready.', '{name} 已准备好。', '{name} est prêt.'],
  'exports.download': ['Download', '下载', 'Télécharger'],
  'exports.failed': ['The file could not be prepared: {reason}', '文件未能生成：{reason}', 'Le fichier n’a pas pu être préparé : {reason}'],
  'exports.kept': ['Kept for 7 days.', '保留 7 天。', 'Conservé 7 jours.'],
  'exports.recent': ['My exports', '我的导出', 'Mes exports'],
  'exports.none': ['No export in the last 7 days.', '最近 7 天没有导出。', 'Aucun export ces 7 derniers jours.'],
  'exports.file': ['File', '文件', 'Fichier'],
  'exports.status': ['State', '状态', 'État'],
  'exports.asked': ['Asked for', '请求时间', 'Demandé le'],
  'exports.status.waiting': ['Waiting', '等待中', 'En attente'],
  'exports.status.running': ['Being written', '生成中', 'En cours'],
  'exports.status.done': ['Ready', '已就绪', 'Prêt'],
  'exports.status.failed': ['Failed', '失败', 'Échoué'],
} satisfies Catalogue;
