import type { Catalogue } from './catalogue.ts';

/** The settings page's "Erasmus Without Paper" card: our code, the switch, our key, the partners' keys. */
export const EWP = {
  'ewp.title': ['Erasmus Without Paper', 'Erasmus Without Paper（EWP）', 'Erasmus Without Paper'],
  'ewp.help': [
    'European partners exchange agreements and nominations with us machine to machine through the EWP network. Turn it on once the office has its SCHAC code and the EWP Registry lists our manifest.',
    '欧洲合作院校通过 EWP 网络与我校以系统对接方式交换协议和提名信息。请在获得 SCHAC 代码且 EWP 注册中心收录我校清单后开启。',
    'Les partenaires européens échangent avec nous accords et nominations de machine à machine par le réseau EWP. Activez-le une fois que le bureau a son code SCHAC et que le Registre EWP liste notre manifeste.',
  ],
  'ewp.heiId': ['Our SCHAC code', '我校 SCHAC 代码', 'Notre code SCHAC'],
  'ewp.heiIdHelp': [
    'The internet domain that names our institution in EWP, e.g. shsmu.edu.cn.',
    '在 EWP 中标识我校的互联网域名，例如 shsmu.edu.cn。',
    'Le domaine internet qui désigne notre établissement dans EWP, par ex. shsmu.edu.cn.',
  ],
  'ewp.enabled': ['Serve EWP', '提供 EWP 服务', 'Servir EWP'],
  'ewp.enabledHelp': [
    'When on, /ewp answers partners whose keys are registered below.',
    '开启后，/ewp 将应答下方已登记密钥的合作方。',
    'Activé, /ewp répond aux partenaires dont les clés sont enregistrées ci-dessous.',
  ],
  'ewp.apis': ['APIs served', '开放的接口', 'API servies'],
  'ewp.apisHelp': [
    'What partners may read once EWP is on. Discovery and Echo always answer: the Registry needs them.',
    'EWP 开启后合作方可读取的内容。Discovery 与 Echo 始终应答：EWP 注册中心需要它们。',
    'Ce que les partenaires peuvent lire une fois EWP activé. Discovery et Echo répondent toujours : le Registre en a besoin.',
  ],
  'ewp.api.institutions': ['Institutions (our institution, names, logo)', '机构（我校名称、标志）', 'Établissements (notre établissement, noms, logo)'],
  'ewp.api.organizational-units': ['Organizational units (our units tree)', '组织单位（我校单位树）', 'Unités (l’arborescence de nos unités)'],
  'ewp.api.factsheet': ['Factsheet (calendars, housing, visas, insurance)', '情况说明（校历、住宿、签证、保险）', 'Fiche d’information (calendrier, logement, visas, assurance)'],
  'ewp.api.iias': ['Inter-institutional agreements', '校际协议', 'Accords interinstitutionnels'],
  'ewp.api.omobilities': ['Outgoing mobilities (our nominated students)', '派出交流（我校提名学生）', 'Mobilités sortantes (nos étudiants nominés)'],
  'ewp.on': ['On', '开启', 'Activé'],
  'ewp.off': ['Off', '关闭', 'Désactivé'],
  'ewp.ownKey': ['Our public key', '我校公钥', 'Notre clé publique'],
  'ewp.ownKeyHelp': [
    'Our manifest publishes it; partners check our signatures with it. Its fingerprint (SHA-256) is the key id the network knows it by.',
    '我校清单会公布此公钥，合作方用它核验我校的签名。其指纹（SHA-256）即网络中识别它的密钥 ID。',
    'Notre manifeste la publie ; les partenaires vérifient nos signatures avec elle. Son empreinte (SHA-256) est l’identifiant sous lequel le réseau la connaît.',
  ],
  'ewp.fingerprint': ['Fingerprint (SHA-256)', '指纹（SHA-256）', 'Empreinte (SHA-256)'],
  'ewp.partnerKeys': ['Partners’ keys', '合作方密钥', 'Clés des partenaires'],
  'ewp.partnerKeysHelp': [
    'Only requests signed by one of these keys are answered, for the institution it is registered for.',
    '仅应答由以下密钥签名的请求，并视为该密钥所登记的机构发出。',
    'Seules les requêtes signées par l’une de ces clés reçoivent une réponse, pour l’établissement auquel elle est rattachée.',
  ],
  'ewp.partnerHei': ['Institution (SCHAC code)', '机构（SCHAC 代码）', 'Établissement (code SCHAC)'],
  'ewp.publicKey': ['Public key (PEM or base64)', '公钥（PEM 或 base64）', 'Clé publique (PEM ou base64)'],
  'ewp.addKey': ['Register the key', '登记密钥', 'Enregistrer la clé'],
  'ewp.keyAdded': ['Key registered.', '密钥已登记。', 'Clé enregistrée.'],
  'ewp.removeKey': ['Remove', '移除', 'Retirer'],
  'ewp.removeConfirm': [
    'Remove this key? Requests signed with it will be refused.',
    '确定移除此密钥？此后以其签名的请求将被拒绝。',
    'Retirer cette clé ? Les requêtes signées avec elle seront refusées.',
  ],
  'ewp.noKeys': ['No partner key registered yet.', '尚未登记合作方密钥。', 'Aucune clé de partenaire enregistrée.'],
  'ewp.catalogue': ['Load the Registry’s catalogue', '导入注册中心目录', 'Charger le catalogue du Registre'],
  'ewp.catalogueHelp': [
    'The EWP Registry’s catalogue-v1.xml lists every institution’s keys: loading it registers those not yet here.',
    'EWP 注册中心的 catalogue-v1.xml 列出了各机构的密钥，导入后将登记尚未登记的密钥。',
    'Le catalogue-v1.xml du Registre EWP liste les clés de chaque établissement : le charger enregistre celles qui manquent ici.',
  ],
  'ewp.catalogueLoaded': [
    '{added} keys registered, {known} already registered, for {institutions} institutions.',
    '已登记 {added} 个密钥，{known} 个此前已登记，涉及 {institutions} 所机构。',
    '{added} clés enregistrées, {known} déjà enregistrées, pour {institutions} établissements.',
  ],
  'ewp.adminOnly': [
    'The keys are the administrator’s to see and change.',
    '密钥仅由系统管理员查看和修改。',
    'Les clés sont vues et modifiées par l’administrateur seul.',
  ],
} satisfies Catalogue;
