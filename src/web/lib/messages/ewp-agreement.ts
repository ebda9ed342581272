import type { Catalogue } from './catalogue.ts';

/** An agreement page's "Erasmus Without Paper" card: published or not and why, the partner's copy, its differences. */
export const EWP_AGREEMENT = {
  'ewpAgr.title': ['Erasmus Without Paper', 'Erasmus Without Paper（EWP）', 'Erasmus Without Paper'],
  'ewpAgr.publication': ['Served to the partner', '向合作方提供', 'Servi au partenaire'],
  'ewpAgr.published': [
    'Published: the partner reads this agreement as an IIA',
    '已发布：合作方可将本协议作为 IIA 读取',
    'Publié : le partenaire lit cet accord comme un IIA',
  ],
  'ewpAgr.unpublished': ['Not published: {reason}', '未发布：{reason}', 'Non publié : {reason}'],
  'ewpAgr.reason.ewp_off': ['EWP is off', 'EWP 未开启', 'EWP est désactivé'],
  'ewpAgr.reason.not_exchange': [
    'it is not a student or staff exchange',
    '本协议不是学生或教职工交流协议',
    'ce n’est pas un échange d’étudiants ou de personnels',
  ],
  'ewpAgr.reason.not_one_partner': [
    'it does not have exactly one partner',
    '本协议的合作方不是恰好一个',
    'il n’a pas exactement un partenaire',
  ],
  'ewpAgr.reason.partner_without_schac': [
    'the partner institution has no SCHAC code (set it on the institution)',
    '合作机构没有 SCHAC 代码（请在该机构中填写）',
    'l’établissement partenaire n’a pas de code SCHAC (à saisir sur l’établissement)',
  ],
  'ewpAgr.reason.not_approved': [
    'it is not approved yet (an agreement is published from its approval on)',
    '本协议尚未批准（协议自批准起发布）',
    'il n’est pas encore approuvé (un accord est publié dès son approbation)',
  ],
  // Not yet among the contract's reasons on this branch: the pull's branch adds it (terms our IIAs API would have to guess).
  'ewpAgr.reason.incomplete_terms': [
    'its terms are incomplete (dates, places, what the places are for or the languages required are not recorded)',
    '协议条款不完整（未记录日期、名额、名额用途或所需语言）',
    'ses clauses sont incomplètes (dates, places, objet des places ou langues requises non renseignés)',
  ],
  'ewpAgr.turnOn': ['Turn EWP on in the settings', '在系统设置中开启 EWP', 'Activer EWP dans les paramètres'],
  'ewpAgr.partnerHeiId': ['Partner’s SCHAC code', '合作方 SCHAC 代码', 'Code SCHAC du partenaire'],
  'ewpAgr.iiaId': ['Our IIA id', '我方 IIA 编号', 'Notre identifiant d’IIA'],
  'ewpAgr.copy': ['Partner’s copy', '合作方副本', 'Copie du partenaire'],
  'ewpAgr.copy.matches': ['Matches ours', '与我方一致', 'Identique à la nôtre'],
  'ewpAgr.copy.differs': ['Differs from ours', '与我方不同', 'Diffère de la nôtre'],
  'ewpAgr.copy.not_found': ['Not found at the partner', '合作方处未找到', 'Introuvable chez le partenaire'],
  'ewpAgr.copy.not_pulled': ['Never pulled', '从未拉取', 'Jamais relevée'],
  'ewpAgr.partnerIia': ['Partner’s IIA id and code', '合作方 IIA 编号及代码', 'Identifiant et code de l’IIA du partenaire'],
  'ewpAgr.pulledAt': ['Last pulled', '最近拉取时间', 'Dernier relevé'],
  'ewpAgr.neverPulled': [
    'Never: the office pulls the partner’s IIAs here, or with “interchange ewp pull-iias --hei {hei}”.',
    '从未拉取：国际处可在此处，或用“interchange ewp pull-iias --hei {hei}”拉取合作方的 IIA。',
    'Jamais : le bureau relève les IIA du partenaire ici, ou avec « interchange ewp pull-iias --hei {hei} ».',
  ],
  'ewpAgr.pull': ['Pull the partner’s copy now', '立即拉取合作方副本', 'Relever la copie du partenaire maintenant'],
  'ewpAgr.manifestUrl': ['Partner’s EWP manifest', '合作方 EWP 清单地址', 'Manifeste EWP du partenaire'],
  'ewpAgr.manifestHint': [
    'The address of its Discovery manifest (https://…/manifest.xml), as the EWP Registry lists it; kept for the next pulls.',
    '其 Discovery 清单的地址（https://…/manifest.xml），以 EWP 注册中心所列为准；之后的拉取将沿用。',
    'L’adresse de son manifeste Discovery (https://…/manifest.xml), telle que la liste le Registre EWP ; gardée pour les relevés suivants.',
  ],
  'ewpAgr.pulled': [
    'Pulled from {hei}: {matches} IIA(s) match ours, {differs} differ, {unmatched} match none of ours; {notFound} of our agreements not found there. Our agreements are unchanged.',
    '已从 {hei} 拉取：{matches} 份 IIA 与我方一致，{differs} 份不一致，{unmatched} 份对应不上；我方有 {notFound} 份协议在对方处未找到。本校协议未作更改。',
    'Relevé chez {hei} : {matches} IIA concordent avec les nôtres, {differs} diffèrent, {unmatched} ne correspondent à aucun des nôtres ; {notFound} de nos accords y sont introuvables. Nos accords sont inchangés.',
  ],
  'ewpAgr.differences': ['Where the partner’s copy differs', '合作方副本的不同之处', 'Où la copie du partenaire diffère'],
  'ewpAgr.field': ['Term', '条款', 'Clause'],
  'ewpAgr.ours': ['Ours', '我方', 'La nôtre'],
  'ewpAgr.theirs': ['The partner’s', '合作方', 'Celle du partenaire'],
  'ewpAgr.notStated': ['not stated', '未说明', 'non précisé'],
  'ewpAgr.accept': ['Accept the partner’s value', '采用合作方的值', 'Accepter la valeur du partenaire'],
  'ewpAgr.acceptConfirm': [
    'Change “{field}” of the agreement to the partner’s value ({value})? The change is kept in the agreement’s history.',
    '将本协议的“{field}”改为合作方的值（{value}）？此修改将记入协议的历史记录。',
    'Remplacer « {field} » de l’accord par la valeur du partenaire ({value}) ? La modification est gardée dans l’historique de l’accord.',
  ],
  'ewpAgr.accepted': [
    'The agreement now says what the partner’s copy says: {field}.',
    '本协议现已与合作方副本一致：{field}。',
    'L’accord dit désormais ce que dit la copie du partenaire : {field}.',
  ],
  'ewpAgr.yearsHint': [
    'Academic years are not accepted one by one: change the agreement’s dates (effective, expiry) instead.',
    '学年不能逐项采用：请改为修改协议的日期（生效日期、到期日期）。',
    'Les années universitaires ne s’acceptent pas une à une : modifiez plutôt les dates de l’accord (effet, expiration).',
  ],
  'ewpAgr.officeAccepts': [
    'The international office accepts the partner’s values.',
    '由国际处决定是否采用合作方的值。',
    'Le bureau des relations internationales accepte les valeurs du partenaire.',
  ],
  'ewpAgr.field.firstAcademicYear': ['First academic year', '起始学年', 'Première année universitaire'],
  'ewpAgr.field.lastAcademicYear': ['Last academic year', '最后学年', 'Dernière année universitaire'],
  // The audit row of an accepted difference names the partner's IIA it came from (its history shows the label).
  'agr.field.acceptedFromPartnerIia': ['Accepted from the partner’s IIA (EWP)', '采自合作方 IIA（EWP）', 'Accepté de l’IIA du partenaire (EWP)'],
} satisfies Catalogue;
