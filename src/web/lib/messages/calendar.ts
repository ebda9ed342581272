import type { Catalogue } from './catalogue.ts';

/** The calendar feed's card on the account page: its address, a new one, and how to subscribe. */
export const CALENDAR = {
  'calendar.title': ['Calendar feed', '日历订阅', 'Flux d’agenda'],
  'calendar.intro': [
    'Your visits, missions and to-do deadlines in Outlook, Google Calendar or Apple Calendar, kept up to date by the calendar itself. The address is a secret: anyone who has it can read these events, without signing in.',
    '在 Outlook、Google 日历或 Apple 日历中查看您的来访、出访和待办期限，由日历程序自动更新。订阅地址需保密：任何人持有该地址即可查看这些日程，无需登录。',
    'Vos visites, missions et échéances dans Outlook, Google Agenda ou Calendrier d’Apple, tenues à jour par l’agenda lui-même. L’adresse est secrète : qui la détient peut lire ces événements sans se connecter.',
  ],
  'calendar.none': ['You have no calendar address yet.', '您还没有日历订阅地址。', 'Vous n’avez pas encore d’adresse d’agenda.'],
  'calendar.made': ['Address made {date}; last read by a calendar: {used}.', '地址创建于 {date}；日历最近读取：{used}。', 'Adresse créée le {date} ; dernière lecture par un agenda : {used}.'],
  'calendar.never': ['never', '从未', 'jamais'],
  'calendar.create': ['Make my calendar address', '生成日历订阅地址', 'Créer mon adresse d’agenda'],
  'calendar.rotate': ['Make a new address', '重新生成地址', 'Créer une nouvelle adresse'],
  'calendar.rotateConfirm': [
    'Make a new address? The current one stops working at once: calendars subscribed to it must subscribe again with the new one.',
    '确定重新生成地址？当前地址将立即失效，已订阅的日历需使用新地址重新订阅。',
    'Créer une nouvelle adresse ? L’adresse actuelle cesse aussitôt de fonctionner : les agendas abonnés devront s’abonner de nouveau avec la nouvelle.',
  ],
  'calendar.copyNow': [
    'Copy this address now; it will not be shown again (only a fingerprint of it is kept). If you lose it, make a new one.',
    '请立即复制此地址，之后将不再显示（系统只保存其指纹）。如遗失，请重新生成。',
    'Copiez cette adresse maintenant ; elle ne sera plus affichée (seule son empreinte est conservée). Si vous la perdez, créez-en une nouvelle.',
  ],
  'calendar.openInApp': ['Open in my calendar app', '在日历程序中打开', 'Ouvrir dans mon agenda'],
  'calendar.howTo': ['How to subscribe', '如何订阅', 'Comment s’abonner'],
  'calendar.howTo.outlook': [
    'Outlook: Calendar → Add calendar → Subscribe from web; paste the address and give the calendar a name.',
    'Outlook：日历 → 添加日历 → 从 Web 订阅；粘贴地址并为日历命名。',
    'Outlook : Calendrier → Ajouter un calendrier → S’abonner à partir du web ; collez l’adresse et nommez le calendrier.',
  ],
  'calendar.howTo.google': [
    'Google Calendar (on a computer): Other calendars → + → From URL; paste the address. Google reads it again every few hours, not at once.',
    'Google 日历（电脑端）：其他日历 → + → 通过网址添加；粘贴地址。Google 每隔几小时读取一次，不会立即更新。',
    'Google Agenda (sur un ordinateur) : Autres agendas → + → À partir de l’URL ; collez l’adresse. Google la relit toutes les quelques heures, pas aussitôt.',
  ],
  'calendar.howTo.apple': [
    'Apple Calendar: File → New Calendar Subscription on a Mac, or Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar on an iPhone; paste the address.',
    'Apple 日历：Mac 上选择“文件”→“新建日历订阅”；iPhone 上选择“设置”→“日历”→“账户”→“添加账户”→“其他”→“添加已订阅的日历”；粘贴地址。',
    'Calendrier d’Apple : Fichier → Nouvel abonnement à un calendrier sur un Mac, ou Réglages → Calendrier → Comptes → Ajouter un compte → Autre → Ajouter un calendrier avec abonnement sur un iPhone ; collez l’adresse.',
  ],
  'calendar.made.toast': ['New calendar address made.', '已生成新的日历订阅地址。', 'Nouvelle adresse d’agenda créée.'],
  'audit.entity.calendar_feed': ['Calendar feed', '日历订阅', 'Flux d’agenda'],
} satisfies Catalogue;
