import type { Catalogue } from './catalogue.ts';

/**
 * The words every kind described by its fields alone (src/shared/kinds/record-kind.ts) shares:
 * its own names, field labels and statuses come from its description (features/record-kinds).
 */
export const RECORD_KIND_MESSAGES = {
  'kinds.add': ['Add', '新增', 'Ajouter'],
  'kinds.newTitle': ['New record — {name}', '新增{name}', 'Nouvelle fiche — {name}'],
  'kinds.deleteConfirm': ['Delete this record ({name})?', '确定删除该{name}？', 'Supprimer cette fiche ({name}) ?'],
  'kinds.searchPlaceholder': ['Search, in any language…', '搜索（任意语言）…', 'Rechercher, dans toute langue…'],
  'kinds.status': ['Status', '状态', 'Statut'],
  'kinds.allStatuses': ['All statuses', '全部状态', 'Tous statuts'],
  'kinds.dateFrom': ['{label} from', '{label}起', '{label} du'],
  'kinds.dateTo': ['to', '至', 'au'],
  'kinds.csv': ['CSV', 'CSV', 'CSV'],
  'kinds.xlsx': ['Excel', 'Excel', 'Excel'],
  'kinds.workflow': ['Workflow', '流程', 'Déroulement'],
  'kinds.to': ['Mark as {status}', '标记为“{status}”', 'Passer à « {status} »'],
  'kinds.stepDone': ['Now: {status}.', '当前状态：{status}。', 'Désormais : {status}.'],
  'kinds.noNext': ['No further step.', '无后续步骤。', 'Plus d’étape.'],
  'kinds.officeOnly': ['{steps}: the international office’s step.', '{steps}：由国际交流处办理。', '{steps} : étape du bureau international.'],
} satisfies Catalogue;
