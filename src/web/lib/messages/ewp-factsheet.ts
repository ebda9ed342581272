import type { Catalogue } from './catalogue.ts';

/** The settings page's EWP factsheet card: what partners read about coming to us through Erasmus Without Paper. */
export const EWP_FACTSHEET = {
  'settings.ewpFactsheet.title': ['EWP factsheet', 'EWP 来访须知（Factsheet）', 'Fiche EWP (factsheet)'],
  'settings.ewpFactsheet.help': [
    'What European partners read about coming to us through Erasmus Without Paper (Institutions and Factsheet APIs). Until it is saved, partners get no factsheet.',
    '欧洲合作院校通过 Erasmus Without Paper（Institutions 与 Factsheet 接口）读取的来访须知。保存之前，合作院校读不到须知。',
    'Ce que les partenaires européens lisent sur la venue chez nous par Erasmus Without Paper (API Institutions et Factsheet). Tant qu’elle n’est pas enregistrée, les partenaires n’ont pas de fiche.',
  ],
  'settings.ewpFactsheet.logoUrl': ['Logo address (https)', '校徽图片地址（https）', 'Adresse du logo (https)'],
  'settings.ewpFactsheet.nominations': ['Nomination deadline', '提名截止日期', 'Date limite des nominations'],
  'settings.ewpFactsheet.applications': ['Application deadline', '申请截止日期', 'Date limite des candidatures'],
  'settings.ewpFactsheet.autumn': ['Autumn term (MM-DD)', '秋季学期（月-日）', 'Semestre d’automne (MM-JJ)'],
  'settings.ewpFactsheet.spring': ['Spring term (MM-DD)', '春季学期（月-日）', 'Semestre de printemps (MM-JJ)'],
  'settings.ewpFactsheet.decisionWeeks': ['Decision within (weeks)', '录取决定时限（周）', 'Décision sous (semaines)'],
  'settings.ewpFactsheet.torWeeks': ['Transcript within (weeks)', '成绩单寄送时限（周）', 'Relevé de notes sous (semaines)'],
  'settings.ewpFactsheet.applicationInfo': ['Applications', '申请咨询', 'Candidatures'],
  'settings.ewpFactsheet.housing': ['Housing', '住宿', 'Logement'],
  'settings.ewpFactsheet.visa': ['Visa', '签证', 'Visa'],
  'settings.ewpFactsheet.insurance': ['Insurance', '保险', 'Assurance'],
  'settings.ewpFactsheet.email': ['Email', '邮箱', 'E-mail'],
  'settings.ewpFactsheet.phone': ['Phone (+86…)', '电话（+86…）', 'Téléphone (+86…)'],
  'settings.ewpFactsheet.url': ['Web page', '网页', 'Page web'],
  'settings.ewpFactsheet.accessibility': ['Accessibility', '无障碍服务', 'Accessibilité'],
  'settings.ewpFactsheet.accessibility.service': ['Service', '服务', 'Service'],
  'settings.ewpFactsheet.accessibility.infrastructure': ['Infrastructure', '设施', 'Infrastructure'],
  'settings.ewpFactsheet.name': ['Name', '名称', 'Nom'],
  'settings.ewpFactsheet.additionalInfo': ['Other information', '其他信息', 'Autres informations'],
  'settings.ewpFactsheet.topic': ['Topic', '主题', 'Sujet'],
  'settings.ewpFactsheet.add': ['Add', '添加', 'Ajouter'],
  'settings.ewpFactsheet.remove': ['Remove', '删除', 'Retirer'],
} satisfies Catalogue;
