import type { Locale } from '../contracts/common.ts';

type Catalogue = Record<string, Record<Locale, string>>;

/** What went wrong, per error code, in the three interface languages. */
export const ERROR_MESSAGES: Catalogue = {
  institution_exists: {
    en: 'An institution on file seems to be this one: open it, or confirm to create another anyway.',
    zh: '系统中已有的一个机构似乎就是此机构：请打开查看，或确认仍要新建。',
    fr: 'Un établissement déjà enregistré semble être celui-ci : ouvrez-le, ou confirmez pour en créer un autre malgré tout.',
  },
  record_merged: {
    en: 'This record was merged into another one, which holds everything it held.',
    zh: '此记录已合并到另一条记录，原有内容均已转入该记录。',
    fr: 'Cet enregistrement a été fusionné dans un autre, qui reprend tout ce qu’il contenait.',
  },
  merge_conflict: {
    en: 'These two cannot be merged yet: both are on the same records; remove one of them from each first.',
    zh: '暂不能合并：两者出现在同一些记录中，请先从每条记录中移除其中一个。',
    fr: 'Impossible de fusionner pour l’instant : les deux figurent sur les mêmes enregistrements ; retirez d’abord l’un des deux de chacun.',
  },
  validation_failed: { en: 'Some fields are not valid.', zh: '部分字段无效。', fr: 'Certains champs ne sont pas valides.' },
  bad_json: { en: 'The request body is not valid JSON.', zh: '请求内容不是有效的 JSON。', fr: "Le corps de la requête n'est pas un JSON valide." },
  payload_too_large: { en: 'The request is too large.', zh: '请求内容过大。', fr: 'La requête est trop volumineuse.' },
  unsupported_media_type: {
    en: 'The request body is not in a format this address accepts (JSON in UTF-8, or a file upload).',
    zh: '请求内容的格式不被此地址接受（应为 UTF-8 编码的 JSON，或文件上传）。',
    fr: "Le corps de la requête n'est pas dans un format accepté à cette adresse (JSON en UTF-8, ou un fichier).",
  },
  unauthenticated: { en: 'Please sign in.', zh: '请先登录。', fr: 'Veuillez vous connecter.' },
  invalid_credentials: { en: 'Email or password is wrong.', zh: '邮箱或密码错误。', fr: 'Adresse e-mail ou mot de passe incorrect.' },
  local_passwords_off: {
    en: 'Signing in with a password is turned off on this server: use your institution’s sign-in.',
    zh: '本系统已关闭密码登录，请使用学校统一身份认证登录。',
    fr: 'La connexion par mot de passe est désactivée sur ce serveur : utilisez la connexion de votre établissement.',
  },
  export_too_many_records: {
    en: 'The file would hold more than 20,000 records: narrow the filters and ask again.',
    zh: '文件将超过 20,000 条记录，请缩小筛选范围后重新导出。',
    fr: 'Le fichier compterait plus de 20 000 enregistrements : restreignez les filtres et recommencez.',
  },
  export_too_large: {
    en: 'The file would be larger than 50 MB: narrow the filters and ask again.',
    zh: '文件将超过 50 MB，请缩小筛选范围后重新导出。',
    fr: 'Le fichier dépasserait 50 Mo : restreignez les filtres et recommencez.',
  },
  account_disabled: { en: 'This account is disabled in Interchange.', zh: '此账户在本系统中已被停用。', fr: 'Ce compte est désactivé dans Interchange.' },
  sso_state_invalid: {
    en: 'This sign-in was not started here, has expired or was already used; start again.',
    zh: '此次登录并非从本页面发起、已过期或已使用，请重新登录。',
    fr: 'Cette connexion n’a pas été lancée ici, a expiré ou a déjà servi ; recommencez.',
  },
  sso_failed: {
    en: 'The identity provider’s answer could not be verified; you are not signed in.',
    zh: '无法验证身份认证服务的应答，登录未成功。',
    fr: 'La réponse du fournisseur d’identité n’a pas pu être vérifiée ; vous n’êtes pas connecté.',
  },
  sso_unavailable: {
    en: 'The sign-in service cannot be reached right now; try again later.',
    zh: '暂时无法连接身份认证服务，请稍后再试。',
    fr: 'Le service de connexion est injoignable pour le moment ; réessayez plus tard.',
  },
  sso_no_email: {
    en: 'Your account at the sign-in service gives no email address, which Interchange needs to create your account.',
    zh: '身份认证服务未提供您的邮箱地址，本系统需要邮箱才能为您创建账户。',
    fr: 'Votre compte auprès du service de connexion ne donne pas d’adresse e-mail, nécessaire pour créer votre compte.',
  },
  sso_email_taken: {
    en: 'An Interchange account with your email exists already; ask an administrator to link it to your sign-in.',
    zh: '本系统中已有使用您邮箱的账户，请联系管理员将其与统一身份认证关联。',
    fr: 'Un compte Interchange existe déjà avec votre adresse e-mail ; demandez à un administrateur de le lier à votre connexion.',
  },
  forbidden: { en: 'You are not allowed to do this.', zh: '您无权执行此操作。', fr: "Vous n'êtes pas autorisé à faire cela." },
  field_not_writable: {
    en: 'You may not write some of these fields.',
    zh: '您无权填写或修改其中部分字段。',
    fr: "Vous ne pouvez pas écrire certains de ces champs.",
  },
  csrf_invalid: { en: 'The form has expired; reload the page and try again.', zh: '表单已过期，请刷新页面后重试。', fr: 'Le formulaire a expiré ; rechargez la page et réessayez.' },
  import_duplicates: {
    en: 'Some rows may be records already on file; decide for each (merge or create), or import with duplicates skipped.',
    zh: '部分行可能与系统中已有的记录重复；请逐行决定合并或新建，或在导入时跳过重复项。',
    fr: 'Certaines lignes sont peut-être des enregistrements déjà présents ; décidez pour chacune (fusionner ou créer), ou importez en ignorant les doublons.',
  },
  import_undone: { en: 'This import has been undone already.', zh: '此次导入已撤销。', fr: 'Cette importation a déjà été annulée.' },
  import_not_undoable: {
    en: 'This import cannot be undone: it changed records that were on file without keeping their earlier values (it was made before imports kept them).',
    zh: '此次导入无法撤销：它修改了系统中已有的记录，但未保存其原有的值（在导入开始保存原值之前进行）。',
    fr: "Cette importation ne peut pas être annulée : elle a modifié des enregistrements existants sans garder leurs valeurs antérieures (elle date d'avant qu'elles soient gardées).",
  },
  import_changed: {
    en: 'This import cannot be undone: records it wrote have changed since. They are listed below.',
    zh: '此次导入无法撤销：其写入的部分记录此后已被修改，见下方列表。',
    fr: "Cette importation ne peut pas être annulée : des enregistrements qu'elle a écrits ont changé depuis. Ils sont listés ci-dessous.",
  },
  import_draft_closed: {
    en: 'This import is no longer waiting for a decision: it has been committed, discarded, or is being committed.',
    zh: '此次导入已不在等待决定：它已提交、已放弃或正在提交。',
    fr: "Cette importation n'attend plus de décision : elle a été validée, abandonnée, ou est en cours de validation.",
  },
  import_draft_expired: {
    en: 'This import waited more than 30 days for a decision and has expired: upload the file again.',
    zh: '此次导入等待决定已超过 30 天，已过期：请重新上传文件。',
    fr: "Cette importation a attendu plus de 30 jours une décision et a expiré : téléversez à nouveau le fichier.",
  },
  import_owner_refused: {
    en: 'The import was not written: the user who uploaded it is disabled or may no longer import this kind of record.',
    zh: '导入未写入：上传该文件的用户已被停用，或已无权导入此类记录。',
    fr: "L'importation n'a pas été écrite : l'utilisateur qui l'a téléversée est désactivé ou ne peut plus importer ce type d'enregistrement.",
  },
  import_failed: {
    en: 'The import failed on the server and wrote nothing; try committing it again.',
    zh: '导入在服务器上失败，未写入任何内容；请重新提交。',
    fr: "L'importation a échoué sur le serveur et n'a rien écrit ; réessayez de la valider.",
  },
  not_found: { en: 'Not found.', zh: '未找到。', fr: 'Introuvable.' },
  version_conflict: {
    en: 'Someone else changed this record since you opened it. Review the current version and save again.',
    zh: '在您打开后，此记录已被他人修改。请查看最新版本后再保存。',
    fr: "Quelqu'un d'autre a modifié cet enregistrement depuis que vous l'avez ouvert. Vérifiez la version actuelle puis enregistrez à nouveau.",
  },
  duplicate: { en: 'A record with this value already exists.', zh: '已存在具有该值的记录。', fr: 'Un enregistrement avec cette valeur existe déjà.' },
  in_use: { en: 'This record is still referenced by other records.', zh: '此记录仍被其他记录引用。', fr: "Cet enregistrement est encore référencé par d'autres." },
  rate_limited: { en: 'Too many attempts; wait a moment and try again.', zh: '尝试次数过多，请稍后再试。', fr: 'Trop de tentatives ; patientez puis réessayez.' },
  token_cannot_mint: {
    en: 'An API token cannot create API tokens; sign in to create one.',
    zh: 'API 令牌不能创建 API 令牌，请登录后创建。',
    fr: 'Un jeton d’API ne peut pas créer de jetons d’API ; connectez-vous pour en créer un.',
  },
  token_read_only: { en: 'This API token is read-only.', zh: '此 API 令牌为只读。', fr: 'Ce jeton d’API est en lecture seule.' },
  token_out_of_scope: {
    en: 'This API token is not allowed in this module.',
    zh: '此 API 令牌无权访问该模块。',
    fr: 'Ce jeton d’API n’est pas autorisé dans ce module.',
  },
  wrong_password: { en: 'The current password is wrong.', zh: '当前密码错误。', fr: 'Le mot de passe actuel est incorrect.' },
  appointment_not_deletable: {
    en: 'An appointment that was made cannot be deleted; revoke it instead, so that its history stays.',
    zh: '已聘任的职衔不能删除，请改为解聘，以保留其记录。',
    fr: 'Une nomination effectuée ne peut pas être supprimée ; révoquez-la plutôt, afin que son historique soit conservé.',
  },
  conference_not_deletable: {
    en: 'A closed conference is part of the reported figures and cannot be deleted.',
    zh: '已结项的会议已计入统计数据，不能删除。',
    fr: 'Un congrès clos fait partie des chiffres publiés et ne peut pas être supprimé.',
  },
  not_deletable: {
    en: 'This record has gone too far to be deleted (signed, held or conferred); end it instead — terminate, cancel or revoke it — so that its history stays.',
    zh: '此记录已签署、已举行或已授予，不能删除；请改为终止、取消或撤销，以保留其记录。',
    fr: 'Cet enregistrement est trop avancé pour être supprimé (signé, tenu ou conféré) ; mettez-y fin — résiliez, annulez ou révoquez-le — afin que son historique soit conservé.',
  },
  record_not_editable: {
    en: 'This record is closed (ended or withdrawn, say) and can no longer be changed.',
    zh: '此记录已结束（如已终止或已撤回），不能再修改。',
    fr: 'Cet enregistrement est clos (terminé ou retiré, par exemple) et ne peut plus être modifié.',
  },
  visit_not_editable: {
    en: 'A rejected or cancelled visit can no longer be changed.',
    zh: '未获批准或已取消的来访不能再修改。',
    fr: 'Une visite refusée ou annulée ne peut plus être modifiée.',
  },
  visit_not_approved: {
    en: 'An invitation letter is issued only for a visit the office has approved.',
    zh: '仅可为已获国际交流处批准的来访出具邀请函。',
    fr: 'Une lettre d’invitation n’est délivrée que pour une visite approuvée par le bureau.',
  },
  mission_not_editable: {
    en: 'A rejected or cancelled mission can no longer be changed.',
    zh: '未获批准或已取消的出访不能再修改。',
    fr: 'Une mission refusée ou annulée ne peut plus être modifiée.',
  },
  enrolment_not_deletable: {
    en: 'Only an admission the student never registered for can be deleted; record the withdrawal instead, so that the history stays.',
    zh: '仅可删除尚未注册入学的录取记录；请改为登记退学，以保留其记录。',
    fr: 'Seule une admission jamais suivie d’inscription peut être supprimée ; enregistrez plutôt le retrait, afin que l’historique soit conservé.',
  },
  mission_not_deletable: {
    en: 'Only a request not yet decided on can be deleted; cancel the mission instead, so that its history stays.',
    zh: '仅可删除尚未审批的出访申请；请改为取消，以保留其记录。',
    fr: 'Seule une demande pas encore tranchée peut être supprimée ; annulez plutôt la mission, afin que son historique soit conservé.',
  },
  person_erased: {
    en: "This person's personal data has been erased: the record can no longer be changed or erased again.",
    zh: '此人员的个人信息已被删除，该记录不能再修改或再次删除。',
    fr: 'Les données personnelles de cette personne ont été effacées : la fiche ne peut plus être modifiée ni effacée de nouveau.',
  },
  residency_standard_not_met: {
    en: 'This placement cannot be confirmed: the student has not met the standard in examinations and evaluations (the latest assessment of every stage must meet it).',
    zh: '不能确认该派出：该学生考试和考核未达到标准（每一阶段最近一次考核均须达标）。',
    fr: 'Ce placement ne peut pas être confirmé : l’étudiant n’a pas satisfait aux exigences des examens et évaluations (la dernière évaluation de chaque étape doit y satisfaire).',
  },
  student_not_enrolled: {
    en: 'This placement cannot be confirmed: the student is no longer enrolled in the programme.',
    zh: '不能确认该派出：该学生已不在项目中就读。',
    fr: 'Ce placement ne peut pas être confirmé : l’étudiant n’est plus inscrit au programme.',
  },
  placement_not_editable: {
    en: 'A withdrawn placement can no longer be changed.',
    zh: '已撤销的派出不能再修改。',
    fr: 'Un placement retiré ne peut plus être modifié.',
  },
  exchange_places_full: {
    en: 'Every place of this exchange is taken: withdraw a selected student first, or raise the number of places.',
    zh: '该交流项目的名额已满：请先撤销一名已选派学生，或增加名额。',
    fr: 'Toutes les places de cet échange sont prises : retirez d’abord un étudiant sélectionné, ou augmentez le nombre de places.',
  },
  exchange_already_selected: {
    en: 'This student already holds a place in another exchange this academic year: a student is selected for one exchange a year.',
    zh: '该学生本学年已获选另一交流项目：每名学生每学年只能获选一个交流项目。',
    fr: 'Cet étudiant a déjà une place dans un autre échange cette année universitaire : un étudiant n’est sélectionné que pour un échange par an.',
  },
  exchange_already_applied: {
    en: 'This student has already applied for this exchange.',
    zh: '该学生已申请过此交流项目。',
    fr: 'Cet étudiant a déjà postulé à cet échange.',
  },
  ...Object.fromEntries(
    [
      'spreadsheet_too_large',
      'spreadsheet_inflated_too_large',
      'spreadsheet_too_many_parts',
      'spreadsheet_shared_strings_too_large',
      'spreadsheet_too_many_shared_strings',
      'spreadsheet_text_too_long',
      'spreadsheet_too_many_rows',
      'spreadsheet_too_many_columns',
      'spreadsheet_too_many_cells',
      'spreadsheet_too_slow',
    ].map((code) => [
      code,
      { en: 'The spreadsheet is beyond what one import reads.', zh: '该电子表格超出单次导入可读取的范围。', fr: 'Le tableur dépasse ce qu’une importation peut lire.' },
    ]),
  ),
  ...Object.fromEntries(
    ['template_too_large', 'template_inflated_too_large', 'template_too_many_parts', 'template_too_slow'].map((code) => [
      code,
      { en: 'The template is beyond what one upload reads.', zh: '该模板超出单次上传可读取的范围。', fr: 'Le modèle dépasse ce qu’un téléversement peut lire.' },
    ]),
  ),
  document_needs_personal_data: {
    en: 'This document carries passport numbers: only roles that may see personal data can produce it.',
    zh: '该文件包含护照号码：只有可查看个人信息的角色才能生成。',
    fr: 'Ce document contient des numéros de passeport : seuls les rôles autorisés à voir les données personnelles peuvent le produire.',
  },
  pdf_converter_missing: {
    en: 'No PDF converter (LibreOffice) is installed on this server: download the .docx instead.',
    zh: '本服务器未安装 PDF 转换程序（LibreOffice）：请下载 .docx 文件。',
    fr: 'Aucun convertisseur PDF (LibreOffice) n’est installé sur ce serveur : téléchargez plutôt le .docx.',
  },
  pdf_conversion_failed: {
    en: 'The PDF could not be made from the document (LibreOffice failed or took too long): download the .docx instead.',
    zh: '无法将文件转换为 PDF（LibreOffice 出错或超时）：请下载 .docx 文件。',
    fr: 'Le PDF n’a pas pu être produit (LibreOffice a échoué ou a trop tardé) : téléchargez plutôt le .docx.',
  },
  ewp_no_difference: {
    en: 'The partner’s copy of this IIA, as last pulled, does not differ from the agreement there: there is nothing to accept (pull the partner’s IIAs again if it changed).',
    zh: '按最近一次拉取的合作方 IIA 副本，该项与本协议并无差异，无可接受之处（如合作方已修改，请重新拉取其 IIA）。',
    fr: 'La copie de cet IIA chez le partenaire, telle que relevée la dernière fois, ne diffère pas de l’accord sur ce point : rien à accepter (relevez à nouveau les IIA du partenaire s’il a changé).',
  },
  ewp_pull_refused: {
    en: 'The partner’s IIAs could not be pulled; nothing was stored and our agreements are unchanged.',
    zh: '未能拉取合作方的 IIA，未保存任何内容，本校协议未作更改。',
    fr: 'Les IIA du partenaire n’ont pas pu être relevés ; rien n’a été enregistré et nos accords sont inchangés.',
  },
  internal: { en: 'Something went wrong on the server.', zh: '服务器出错。', fr: 'Une erreur est survenue sur le serveur.' },
};

/** Why a field is not valid, in the three interface languages. */
export const FIELD_REASONS: Catalogue = {
  too_many_records: {
    en: 'holds more than 20,000 records: narrow the filters (a year, a country) and ask again',
    zh: '超过 20,000 条记录，请缩小筛选范围（如年份、国家）后重新导出',
    fr: 'compte plus de 20 000 enregistrements : restreignez les filtres (une année, un pays) et recommencez',
  },
  ewp_no_difference: {
    en: 'does not differ from the partner’s copy of the IIA as last pulled: nothing to accept',
    zh: '与最近一次拉取的合作方 IIA 副本并无差异，无可接受之处',
    fr: 'ne diffère pas de la copie de l’IIA du partenaire telle que relevée la dernière fois : rien à accepter',
  },
  // Why a pull of a partner's IIAs was refused: the words of `interchange ewp pull-iias` (EWP_CLI_MESSAGES), on the field concerned.
  ewp_pull_ewp_off: {
    en: 'is not set: EWP is not set up here; set our SCHAC code on the settings page first',
    zh: '未设置：本系统尚未配置 EWP，请先在设置页面填写本校的 SCHAC 代码',
    fr: 'n’est pas renseigné : EWP n’est pas configuré ici ; indiquez d’abord notre code SCHAC sur la page des paramètres',
  },
  ewp_no_manifest: {
    en: 'is required: the Discovery manifest URL of {value}, where its IIAs API is listed (none was given at an earlier pull)',
    zh: '必填：{value} 的 Discovery 清单地址（其中列有其 IIAs 接口；此前的拉取未提供过）',
    fr: 'est obligatoire : l’adresse du manifeste Discovery de {value}, où son API IIAs est indiquée (aucune n’a été donnée lors d’un relevé précédent)',
  },
  ewp_no_iias_api: { en: 'lists no IIAs 7 API for {value}', zh: '清单中没有该合作方的 IIAs 7 接口：{value}', fr: 'n’indique aucune API IIAs 7 pour {value}' },
  ewp_partner_refused: { en: 'the partner refused the request: {value}', zh: '合作方拒绝了请求：{value}', fr: 'le partenaire a refusé la requête : {value}' },
  ewp_not_iias_document: { en: 'the answer is not an IIAs 7.0.0 document: {value}', zh: '应答不是 IIAs 7.0.0 文档：{value}', fr: 'la réponse n’est pas un document IIAs 7.0.0 : {value}' },
  ewp_bad_url: { en: 'is not an http or https address: {value}', zh: '不是 http 或 https 地址：{value}', fr: 'n’est pas une adresse http ou https : {value}' },
  ewp_unreachable: { en: 'the partner could not be reached: {value}', zh: '无法连接合作方：{value}', fr: 'le partenaire est injoignable : {value}' },
  ewp_too_large: { en: 'the answer is too large: {value}', zh: '应答过大：{value}', fr: 'la réponse est trop volumineuse : {value}' },
  ewp_unsigned_response: {
    en: 'the answer is not signed ({value}): it cannot be trusted',
    zh: '应答未签名（{value}），不可信任',
    fr: 'la réponse n’est pas signée ({value}) : on ne peut pas s’y fier',
  },
  ewp_untrusted_key: {
    en: 'the answer is signed by a key not registered for this partner nor listed by its manifest: {value}',
    zh: '应答所用密钥既未登记于该合作方，也未列于其清单：{value}',
    fr: 'la réponse est signée par une clé ni enregistrée pour ce partenaire ni indiquée par son manifeste : {value}',
  },
  ewp_bad_response_signature: {
    en: 'the answer’s signature is refused: {value}; it may have been altered on the way',
    zh: '应答的签名未通过验证：{value}；应答可能在途中被篡改',
    fr: 'la signature de la réponse est refusée : {value} ; elle a pu être altérée en chemin',
  },
  ewp_not_xml: { en: 'the answer is not an XML document: {value}', zh: '应答不是 XML 文档：{value}', fr: 'la réponse n’est pas un document XML : {value}' },
  ewp_unknown_document: {
    en: 'no official EWP schema describes the answer’s root element {value}',
    zh: '没有任何 EWP 官方模式描述应答的根元素 {value}',
    fr: 'aucun schéma EWP officiel ne décrit l’élément racine {value} de la réponse',
  },
  ewp_invalid_xml: { en: 'the answer is not valid against its official schema: {value}', zh: '应答不符合其官方模式：{value}', fr: 'la réponse n’est pas valide selon son schéma officiel : {value}' },
  ewp_schemas_missing: {
    en: 'the EWP schemas were not found on the server in {value} (no catalog.xml)',
    zh: '服务器上的 {value} 中找不到 EWP 模式文件（缺少 catalog.xml）',
    fr: 'les schémas EWP sont introuvables sur le serveur dans {value} (pas de catalog.xml)',
  },
  invalid_public_key: {
    en: 'is not an RSA public key (PEM, or the base64 DER the EWP Registry lists)',
    zh: '不是 RSA 公钥（应为 PEM，或 EWP 注册中心所列的 base64 DER）',
    fr: 'n’est pas une clé publique RSA (PEM, ou le DER en base64 que liste le Registre EWP)',
  },
  registry_catalogue_too_large: { en: 'is larger than 20 MB, more than an EWP registry catalogue holds', zh: '超过 20 MB，超出 EWP 注册中心目录的正常大小', fr: 'dépasse 20 Mo, plus que ne contient un catalogue du Registre EWP' },
  not_xml: { en: 'is not a well-formed XML document', zh: '不是格式正确的 XML 文档', fr: 'n’est pas un document XML bien formé' },
  xml_doctype: {
    en: 'declares a document type (DOCTYPE), which is refused for safety',
    zh: '含有文档类型声明（DOCTYPE），出于安全考虑不予接受',
    fr: 'déclare un type de document (DOCTYPE), refusé par sécurité',
  },
  not_registry_catalogue: {
    en: 'is not an EWP registry catalogue valid against its schema (Registry API 1.5.0): {value}',
    zh: '不是符合其模式（Registry API 1.5.0）的 EWP 注册中心目录：{value}',
    fr: 'n’est pas un catalogue du Registre EWP valide selon son schéma (Registry API 1.5.0) : {value}',
  },
  catalogue_key_mismatch: {
    en: 'lists a key under a SHA-256 fingerprint that is not its own: {value}',
    zh: '所列公钥的 SHA-256 指纹与其本身不符：{value}',
    fr: 'liste une clé sous une empreinte SHA-256 qui n’est pas la sienne : {value}',
  },
  catalogue_key_invalid: {
    en: 'lists a key that is not an RSA key of 2048 bits or more: {value}',
    zh: '所列公钥不是 2048 位或以上的 RSA 公钥：{value}',
    fr: 'liste une clé qui n’est pas une clé RSA d’au moins 2048 bits : {value}',
  },
  weak_public_key: { en: 'is shorter than 2048 bits, which EWP refuses', zh: '短于 2048 位，EWP 不接受', fr: 'fait moins de 2048 bits, ce qu’EWP refuse' },
  same_website: { en: 'is the website of {value}, already on file', zh: '与系统中已有的 {value} 网站相同', fr: 'est le site web de {value}, déjà enregistré' },
  identifier_on_file: { en: 'is the identifier of {value}, already on file', zh: '与系统中已有的 {value} 的标识码相同', fr: 'est l’identifiant de {value}, déjà enregistré' },
  same_catalogue_entry: { en: 'was already used to add {value}', zh: '已用于添加 {value}', fr: 'a déjà servi à ajouter {value}' },
  same_record: { en: 'must be another record than the one merged away', zh: '必须是另一条记录，不能与被合并的记录相同', fr: 'doit être un autre enregistrement que celui qui est fusionné' },
  both_on_record: { en: 'both are on {value} of these records', zh: '两者同时出现在其中 {value} 条记录中', fr: 'les deux figurent sur {value} de ces enregistrements' },
  required: { en: 'is required', zh: '为必填项', fr: 'est obligatoire' },
  too_short: { en: 'is too short', zh: '太短', fr: 'est trop court' },
  too_long: { en: 'is too long', zh: '太长', fr: 'est trop long' },
  too_small: { en: 'is too small', zh: '太小', fr: 'est trop petit' },
  too_big: { en: 'is too large', zh: '太大', fr: 'est trop grand' },
  invalid_type: { en: 'has the wrong type', zh: '类型错误', fr: "n'a pas le bon type" },
  invalid_value: { en: 'is not one of the allowed values', zh: '不是允许的取值', fr: "n'est pas une valeur autorisée" },
  invalid_format: { en: 'has the wrong format', zh: '格式错误', fr: "n'a pas le bon format" },
  invalid_characters: {
    en: 'holds a character that is not allowed (a NUL byte or a broken surrogate)',
    zh: '包含不允许的字符（NUL 字节或不完整的代理项）',
    fr: 'contient un caractère interdit (un octet NUL ou un demi-caractère de substitution)',
  },
  not_single_line: {
    en: 'must be on one line, without line breaks, tabs or other control characters',
    zh: '必须为单行，不得包含换行符、制表符或其他控制字符',
    fr: 'doit tenir sur une ligne, sans saut de ligne, tabulation ni autre caractère de contrôle',
  },
  invalid_date: { en: 'is not a valid date (YYYY-MM-DD)', zh: '不是有效日期（YYYY-MM-DD）', fr: "n'est pas une date valide (AAAA-MM-JJ)" },
  invalid_url: { en: 'is not a valid web address (https://…)', zh: '不是有效网址（https://…）', fr: "n'est pas une adresse web valide (https://…)" },
  invalid_email: { en: 'is not a valid email address', zh: '不是有效的邮箱地址', fr: "n'est pas une adresse e-mail valide" },
  end_before_start: { en: 'is before the start date', zh: '早于开始日期', fr: 'est antérieure à la date de début' },
  date_not_at_precision: { en: 'must be the first day of its month (or of its year) when only the month (or the year) is known', zh: '仅知月份（或年份）时，应为该月（或该年）的第一天', fr: "doit être le premier jour du mois (ou de l'année) quand seul le mois (ou l'année) est connu" },
  coordinator_needs_unit: { en: 'is required for a coordinator, and only for one', zh: '协调员必须指定单位，其他角色不得指定', fr: 'est obligatoire pour un coordinateur, et seulement pour lui' },
  unknown_reference: { en: 'refers to a record that does not exist', zh: '引用的记录不存在', fr: "fait référence à un enregistrement inexistant" },
  duplicate: { en: 'is already used by another record', zh: '已被其他记录使用', fr: 'est déjà utilisé par un autre enregistrement' },
  unknown_field: { en: 'is not a known field', zh: '不是已知字段', fr: "n'est pas un champ connu" },
  not_allowed: { en: 'may not be set by you', zh: '您无权设置', fr: 'ne peut pas être défini par vous' },
  frozen_in_state: { en: 'is on file and can no longer be changed at this stage', zh: '已存档，当前阶段不可再修改', fr: 'est versé au dossier et ne peut plus être modifié à ce stade' },
  wrong_password: { en: 'is not your current password', zh: '不是您当前的密码', fr: "n'est pas votre mot de passe actuel" },
  collegiate_needs_unit: { en: 'is required for a collegiate agreement', zh: '院级协议必须指定我方单位', fr: 'est obligatoire pour un accord facultaire' },
  institutional_has_no_unit: { en: 'must be empty for an institutional agreement', zh: '校级协议不得指定单位', fr: 'doit être vide pour un accord institutionnel' },
  illegal_transition: {
    en: 'is not a step this record can take from its current status',
    zh: '不是此记录当前状态下允许的操作',
    fr: "n'est pas une étape possible depuis le statut actuel de cet enregistrement",
  },
  not_yet_expired: {
    en: 'is not possible before the expiry date; terminate the agreement instead',
    zh: '在到期日之前不可标记为到期，请改为终止协议',
    fr: "n'est pas possible avant la date d'expiration ; résiliez plutôt l'accord",
  },
  before_applied: { en: 'is before the student applied', zh: '早于学生提交申请的日期', fr: "est antérieure à la candidature de l'étudiant" },
  after_decided: { en: 'is after the application was decided', zh: '晚于申请的决定日期', fr: 'est postérieure à la décision sur la candidature' },
  before_effective: { en: 'is before the agreement took effect', zh: '早于协议生效日期', fr: "est antérieure à l'entrée en vigueur de l'accord" },
  not_an_organization: {
    en: 'must be an international organization, foundation, association or government body for a working arrangement',
    zh: '工作安排的合作方必须是国际组织、基金会、协会或政府机构',
    fr: "doit être une organisation internationale, une fondation, une association ou un organisme public pour un arrangement de travail",
  },
  not_renewable: { en: 'does not allow renewal (only signed, active or expired agreements are renewed)', zh: '不允许续签（仅已签署、生效中或已到期的协议可续签）', fr: "ne permet pas le renouvellement (seuls les accords signés, en vigueur ou expirés le sont)" },
  already_renewed: { en: 'already exists: this agreement has been renewed', zh: '已存在：该协议已续签', fr: 'existe déjà : cet accord a été renouvelé' },
  file_type: { en: 'must be a PDF or an image (PNG, JPEG, TIFF)', zh: '必须是 PDF 或图片（PNG、JPEG、TIFF）', fr: 'doit être un PDF ou une image (PNG, JPEG, TIFF)' },
  file_too_large: { en: 'is larger than 20 MB', zh: '超过 20 MB', fr: 'dépasse 20 Mo' },
  visit_not_started: { en: 'is not possible before the visit starts', zh: '在来访开始日期之前不可进行', fr: 'n’est pas possible avant le début de la visite' },
  residency_standard_not_met: { en: 'cannot be confirmed: the student has not met the standard in examinations and evaluations', zh: '不能确认：该学生考试和考核未达到标准', fr: 'ne peut pas être confirmé : l’étudiant n’a pas satisfait aux exigences des examens et évaluations' },
  student_not_enrolled: { en: 'cannot be confirmed: the student is no longer enrolled in the programme', zh: '不能确认：该学生已不在项目中就读', fr: 'ne peut pas être confirmé : l’étudiant n’est plus inscrit au programme' },
  placement_not_started: { en: 'is not possible before the placement starts', zh: '在派出开始日期之前不可进行', fr: 'n’est pas possible avant le début du placement' },
  visit_ended: { en: 'is after the visit’s last day', zh: '晚于来访结束日期', fr: 'est postérieure au dernier jour de la visite' },
  mission_ended: { en: 'is after the mission’s last day', zh: '晚于出访结束日期', fr: 'est postérieure au dernier jour de la mission' },
  mission_not_started: { en: 'is not possible before the mission’s first day', zh: '在出访开始日期之前不可进行', fr: 'n’est pas possible avant le premier jour de la mission' },
  before_admission: { en: 'is before the admission date', zh: '早于录取日期', fr: 'est antérieure à la date d’admission' },
  before_enrolment: { en: 'is before the registration date', zh: '早于注册入学日期', fr: 'est antérieure à la date d’inscription' },
  no_nationality: { en: 'is required: the person has no nationality on record', zh: '为必填项：该人员未登记国籍', fr: 'est obligatoire : la personne n’a pas de nationalité enregistrée' },
  cycle: { en: 'would make the unit its own ancestor', zh: '会使单位成为自身的上级', fr: "ferait de l'unité son propre ancêtre" },
  not_a_step: { en: 'is not a step this record can take from its current status', zh: '不是该记录当前状态下允许的操作', fr: "n'est pas une étape possible depuis le statut actuel" },
  before_start: { en: 'is before the start date', zh: '早于开始日期', fr: 'est antérieure à la date de début' },
  before_end: { en: 'is before the end date', zh: '早于结束日期', fr: 'est antérieure à la date de fin' },
  after_exchange_start: { en: 'is after the exchange starts', zh: '晚于交流开始日期', fr: 'est postérieure au début de l’échange' },
  more_than_participants: { en: 'is more than the participants in all', zh: '多于参会总人数', fr: 'dépasse le nombre total de participants' },
  appointment_not_renewable: {
    en: 'does not allow renewal (only an appointment that was made is renewed)',
    zh: '不允许续聘（仅已聘任的职衔可续聘）',
    fr: 'ne permet pas le renouvellement (seule une nomination effectuée est renouvelée)',
  },
  no_end_of_term: { en: 'is empty: an appointment without an end of term needs no renewal', zh: '为空：无聘期截止日期的职衔无需续聘', fr: "est vide : une nomination sans fin de mandat n'a pas besoin d'être renouvelée" },
  appointment_already_renewed: { en: 'already exists: this appointment has been renewed', zh: '已存在：该职衔已续聘', fr: 'existe déjà : cette nomination a été renouvelée' },
  missing_column: { en: 'is missing from the header row', zh: '表头中缺少该列', fr: "manque dans la ligne d'en-tête" },
  unknown_country: {
    en: 'is not a country or region we know (give its ISO code, or its name in English, Chinese or French)',
    zh: '不是已知的国家或地区（请填写 ISO 代码，或中文、英文、法文名称）',
    fr: "n'est pas un pays ou une région connus (indiquez son code ISO, ou son nom en français, anglais ou chinois)",
  },
  unknown_role: {
    en: 'is not a role we know (speaker, participant, organizer, other)',
    zh: '不是已知的角色（发言人、参会者、组织者、其他）',
    fr: "n'est pas un rôle connu (intervenant, participant, organisateur, autre)",
  },
  spreadsheet_type: { en: 'must be a spreadsheet (xlsx or CSV)', zh: '必须是电子表格（xlsx 或 CSV）', fr: 'doit être un tableur (xlsx ou CSV)' },
  unreadable_date: {
    en: 'is not a date we can read (2019-03-05, 2019/3/5, 5/3/2019, 2019年3月5日, 2019.3.5)',
    zh: '无法识别为日期（可用格式：2019-03-05、2019/3/5、5/3/2019、2019年3月5日、2019.3.5）',
    fr: "n'est pas une date lisible (2019-03-05, 2019/3/5, 5/3/2019, 2019年3月5日, 2019.3.5)",
  },
  unknown_unit: { en: 'is not one of our units (by code or name)', zh: '不是本校已有的部门（按代码或名称）', fr: "n'est pas l'une de nos unités (par code ou par nom)" },
  unknown_institution: {
    en: 'is not an institution on file (import the institutions first)',
    zh: '不是系统中已有的机构（请先导入机构）',
    fr: "n'est pas un établissement enregistré (importez d'abord les établissements)",
  },
  ambiguous_institution: {
    en: 'names several institutions on file; write its full name',
    zh: '对应系统中的多个机构，请填写完整名称',
    fr: 'désigne plusieurs établissements enregistrés ; écrivez son nom complet',
  },
  no_header: {
    en: 'has no header row we recognise (use the template, or map the columns)',
    zh: '没有可识别的表头行（请使用模板，或手动对应各列）',
    fr: "n'a pas de ligne d'en-tête reconnaissable (utilisez le modèle, ou associez les colonnes)",
  },
  empty_sheet: { en: 'has no rows to import', zh: '没有可导入的行', fr: "n'a aucune ligne à importer" },
  possible_duplicate: {
    en: 'may be a record already on file: choose to merge it or create it',
    zh: '可能与系统中已有的记录重复，请选择合并或新建',
    fr: 'est peut-être un enregistrement déjà présent : choisissez de le fusionner ou de le créer',
  },
  unknown_encoding: {
    en: 'is not an encoding we read (UTF-8, GB18030/GBK, Windows-1252, Big5, UTF-16)',
    zh: '不是支持的编码（UTF-8、GB18030/GBK、Windows-1252、Big5、UTF-16）',
    fr: "n'est pas un encodage pris en charge (UTF-8, GB18030/GBK, Windows-1252, Big5, UTF-16)",
  },
  unknown_row: { en: 'is not a row of the file', zh: '不是文件中的行', fr: "n'est pas une ligne du fichier" },
  not_a_match: {
    en: 'is not one of the records proposed for this row (create, skip, or one of its matches)',
    zh: '不是为该行建议的记录之一（新建、跳过或其匹配记录之一）',
    fr: "n'est pas l'un des enregistrements proposés pour cette ligne (créer, ignorer, ou l'une de ses correspondances)",
  },
  unknown_mapping: { en: 'is not a saved mapping of this kind', zh: '不是此类记录已保存的列对应方案', fr: "n'est pas une correspondance enregistrée pour ce type" },
  same_identifier: { en: 'the same identifier (ROR, PIC or Erasmus code)', zh: '标识代码相同（ROR、PIC 或 Erasmus 代码）', fr: 'le même identifiant (ROR, PIC ou code Erasmus)' },
  same_email: { en: 'the same e-mail address', zh: '电子邮箱相同', fr: 'la même adresse électronique' },
  same_name: {
    en: 'the same name (ignoring case, accents, punctuation and traditional/simplified characters)',
    zh: '名称相同（忽略大小写、重音、标点及繁简差异）',
    fr: 'le même nom (sans tenir compte des majuscules, accents, ponctuation ni caractères traditionnels/simplifiés)',
  },
  same_name_other_script: { en: 'the same name in another script (pinyin and Chinese characters)', zh: '同名的另一种写法（拼音与汉字）', fr: 'le même nom dans une autre écriture (pinyin et caractères chinois)' },
  same_name_spelling: { en: 'the same name, spelled differently (abbreviations, word order)', zh: '同名的不同写法（缩写、词序）', fr: 'le même nom, écrit autrement (abréviations, ordre des mots)' },
  same_partners_and_date: { en: 'the same partners, signed the same day', zh: '合作方相同且签署日期相同', fr: 'les mêmes partenaires, signé le même jour' },
  changed_since_import: { en: 'has been changed since the import', zh: '导入后已被修改', fr: "a été modifié depuis l'importation" },
  deleted_since_import: { en: 'has been deleted since the import', zh: '导入后已被删除', fr: "a été supprimé depuis l'importation" },
  used_since_import: { en: 'is used by another record since the import', zh: '导入后已被其他记录使用', fr: "est utilisé par un autre enregistrement depuis l'importation" },
  updated_by_import: { en: 'was on file and changed by the import', zh: '是已有记录，被此次导入修改', fr: "existait et a été modifié par l'importation" },
  same_passport: { en: 'the same passport number', zh: '护照号码相同', fr: 'le même numéro de passeport' },
  same_visit: {
    en: 'this visit is on file already (same title, host unit and days): its rows are not imported again',
    zh: '系统中已有此来访（标题、接待单位和日期相同），这些行不再重复导入',
    fr: 'cette visite est déjà enregistrée (même titre, unité et jours) : ses lignes ne sont pas importées à nouveau',
  },
  same_mission: {
    en: 'this mission is on file already (same title, sending unit and days): its rows are not imported again',
    zh: '系统中已有此出访团组（名称、派出单位和日期相同），这些行不再重复导入',
    fr: "cette mission est déjà enregistrée (même titre, unité d'envoi et jours) : ses lignes ne sont pas importées à nouveau",
  },
  same_appointment: {
    en: 'this appointment is on file already (same expert, title, unit and first day): the row updates it',
    zh: '系统中已有此聘任（同一专家、职衔、聘任单位和开始日期），该行将更新它',
    fr: 'cette nomination est déjà enregistrée (même expert, titre, unité et premier jour) : la ligne la met à jour',
  },
  same_honour: {
    en: 'this honour is on file already (same recipient, name and date): the row updates it',
    zh: '系统中已有此荣誉（同一获得者、名称和时间），该行将更新它',
    fr: 'cette distinction est déjà enregistrée (même lauréat, nom et date) : la ligne la met à jour',
  },
  not_a_whole_number: { en: 'is not a whole number (write 1234 or 1,234)', zh: '不是整数（请填写 1234 或 1,234）', fr: "n'est pas un nombre entier (écrivez 1234 ou 1 234)" },
  same_aggregate: {
    en: 'this count is on file already (same year, direction, people, purpose, country and unit): the row updates it',
    zh: '系统中已有此统计（年份、方向、人员类别、目的、国家和单位相同），该行将更新它',
    fr: 'ce décompte est déjà enregistré (même année, sens, personnes, objet, pays et unité) : la ligne le met à jour',
  },
  same_enrolment: {
    en: 'this enrolment is on file already (same student, level, programme and admission date): the row updates it',
    zh: '系统中已有此学籍（同一学生、层次、专业和录取日期），该行将更新它',
    fr: "cette inscription est déjà enregistrée (même étudiant, niveau, programme et date d'admission) : la ligne la met à jour",
  },
  same_application: {
    en: 'this application is on file already (same student, same exchange): the row updates it',
    zh: '系统中已有此申请（同一学生、同一交流项目），该行将更新它',
    fr: 'cette candidature est déjà enregistrée (même étudiant, même échange) : la ligne la met à jour',
  },
  same_student_number: {
    en: 'this student is on file already (same programme and student number): the row updates the record',
    zh: '系统中已有此学生（同一项目、同一学号），该行将更新其记录',
    fr: "cet étudiant est déjà enregistré (même programme et même numéro) : la ligne met à jour sa fiche",
  },
  same_programme_student: {
    en: 'this person is a student of the programme already: the row updates the record',
    zh: '此人已是该项目的学生，该行将更新其记录',
    fr: 'cette personne est déjà étudiante du programme : la ligne met à jour sa fiche',
  },
  unknown_exchange: {
    en: 'is not an exchange on file (by its title, host institution and academic year): record the exchange first',
    zh: '不是系统中已有的交流项目（按名称、接收院校和学年）：请先录入该交流项目',
    fr: "n'est pas un échange enregistré (par titre, établissement d'accueil et année universitaire) : enregistrez d'abord l'échange",
  },
  ambiguous_exchange: {
    en: 'names several exchanges on file: add the host institution or the academic year',
    zh: '对应多个已有的交流项目：请补充接收院校或学年',
    fr: "désigne plusieurs échanges enregistrés : ajoutez l'établissement d'accueil ou l'année universitaire",
  },
  unknown_programme: {
    en: 'is not a joint programme on file (by its name in any language)',
    zh: '不是系统中已有的合作项目（按任一语言的名称）',
    fr: "n'est pas un programme conjoint enregistré (par son nom dans l'une des langues)",
  },
  unknown_cohort: {
    en: 'is not a cohort of the programme on file (by its entry year): add the cohort first',
    zh: '不是该项目已有的年级（按入学年份）：请先添加该年级',
    fr: "n'est pas une promotion enregistrée du programme (par son année d'entrée) : ajoutez d'abord la promotion",
  },
  unreadable_academic_year: {
    en: 'is not an academic year (write 2024, 2024-2025 or 2024/25)',
    zh: '不是学年（请填写 2024、2024-2025 或 2024/25）',
    fr: "n'est pas une année universitaire (écrivez 2024, 2024-2025 ou 2024/25)",
  },
  same_row_in_file: { en: 'the same as an earlier row of this file', zh: '与本文件中前面的某一行相同', fr: 'identique à une ligne précédente de ce fichier' },
  wrong_encoding: {
    en: 'is not in the encoding chosen (try GB18030 for Chinese Excel or WPS, Windows-1252 for Western Excel)',
    zh: '不是所选的编码（中文 Excel 或 WPS 保存的文件请选 GB18030，西文 Excel 请选 Windows-1252）',
    fr: "n'est pas dans l'encodage choisi (essayez GB18030 pour Excel ou WPS en chinois, Windows-1252 pour Excel en français)",
  },
  spreadsheet_unreadable: { en: 'could not be read as an xlsx workbook', zh: '无法作为 xlsx 工作簿读取', fr: "n'a pas pu être lu comme un classeur xlsx" },
  spreadsheet_too_large: { en: 'is larger than 10 MB', zh: '超过 10 MB', fr: 'dépasse 10 Mo' },
  spreadsheet_inflated_too_large: {
    en: 'unpacks to more than 64 MB (an xlsx is a zip; this one holds too much)',
    zh: '解压后超过 64 MB（xlsx 文件是压缩包，此文件内容过多）',
    fr: 'dépasse 64 Mo une fois décompressé (un xlsx est un zip ; celui-ci contient trop)',
  },
  spreadsheet_too_many_parts: { en: 'has more than 1,000 parts inside its zip', zh: '压缩包内超过 1,000 个部件', fr: 'contient plus de 1 000 parties dans son zip' },
  spreadsheet_shared_strings_too_large: {
    en: 'has more than 16 MB of text (shared strings) once unpacked',
    zh: '解压后的文本（共享字符串）超过 16 MB',
    fr: 'contient plus de 16 Mo de texte (chaînes partagées) une fois décompressé',
  },
  spreadsheet_too_many_shared_strings: {
    en: 'has more than 100,000 different texts (shared strings)',
    zh: '包含超过 100,000 个不同的文本（共享字符串）',
    fr: 'contient plus de 100 000 textes différents (chaînes partagées)',
  },
  spreadsheet_text_too_long: {
    en: 'has a text longer than 32,767 characters (the most a cell holds in Excel)',
    zh: '含有超过 32,767 个字符的文本（Excel 单元格的上限）',
    fr: 'contient un texte de plus de 32 767 caractères (le maximum d’une cellule dans Excel)',
  },
  spreadsheet_too_many_rows: {
    en: 'has more than 100,000 rows (blank rows count)',
    zh: '超过 100,000 行（空行也计算在内）',
    fr: 'compte plus de 100 000 lignes (les lignes vides comptent)',
  },
  spreadsheet_too_many_columns: { en: 'has more than 1,000 columns', zh: '超过 1,000 列', fr: 'compte plus de 1 000 colonnes' },
  spreadsheet_too_many_cells: {
    en: 'has more than 1,000,000 cells (empty ones count)',
    zh: '超过 1,000,000 个单元格（空单元格也计算在内）',
    fr: 'compte plus de 1 000 000 de cellules (les vides comptent)',
  },
  spreadsheet_too_slow: {
    en: 'took more than 15 seconds to read; split it into smaller files',
    zh: '读取时间超过 15 秒，请拆分为较小的文件',
    fr: 'a demandé plus de 15 secondes de lecture ; divisez-le en fichiers plus petits',
  },
  too_many_rows: { en: 'has more than 20,000 rows', zh: '超过 20,000 行', fr: 'compte plus de 20 000 lignes' },
  template_too_large: { en: 'is larger than 5 MB', zh: '超过 5 MB', fr: 'dépasse 5 Mo' },
  template_inflated_too_large: {
    en: 'unpacks to more than 32 MB (a .docx is a zip; this one holds too much)',
    zh: '解压后超过 32 MB（.docx 文件是压缩包，此文件内容过多）',
    fr: 'dépasse 32 Mo une fois décompressé (un .docx est un zip ; celui-ci contient trop)',
  },
  template_too_many_parts: { en: 'has more than 500 parts inside its zip', zh: '压缩包内超过 500 个部件', fr: 'contient plus de 500 parties dans son zip' },
  template_too_slow: { en: 'took more than 10 seconds to read', zh: '读取超过 10 秒', fr: 'a demandé plus de 10 secondes de lecture' },
  template_not_docx: { en: 'is not a Word document (.docx)', zh: '不是 Word 文档（.docx）', fr: "n'est pas un document Word (.docx)" },
  unknown_placeholder: {
    en: 'uses the placeholder {value}, which this kind of document does not have (see the list of placeholders)',
    zh: '使用了此类文件没有的占位符 {value}（请查看占位符列表）',
    fr: 'utilise le champ {value}, que ce type de document ne connaît pas (voir la liste des champs)',
  },
  unknown_text_placeholder: {
    en: 'uses the placeholder {value}, which is neither {school} nor the key of a figure',
    zh: '使用了占位符 {value}，它既不是 {school}，也不是任何数字的键名',
    fr: 'utilise le champ {value}, qui n’est ni {school} ni la clé d’un chiffre',
  },
  template_syntax: {
    en: 'has a placeholder that is not closed or a loop that is not ended, at {value}',
    zh: '在 {value} 处有未闭合的占位符或未结束的循环',
    fr: 'contient un champ non fermé ou une boucle non terminée, à {value}',
  },
  no_nominees: { en: 'has no selected or nominated students for this partner and year', zh: '该合作院校本学年没有已选拔或已提名的学生', fr: "n'a aucun étudiant sélectionné ou nommé pour ce partenaire et cette année" },
  unknown_conference: {
    en: 'is not a conference within your reach (give its number or its title)',
    zh: '不是您权限范围内的会议（请填写会议编号或标题）',
    fr: "n'est pas une conférence à votre portée (indiquez son numéro ou son titre)",
  },
  ambiguous_conference: { en: 'is the title of several conferences: give its number', zh: '有多个会议使用此标题：请填写会议编号', fr: 'est le titre de plusieurs conférences : indiquez son numéro' },
  no_rows: { en: 'has no attendee rows below its header', zh: '表头下没有参会人员数据', fr: "ne contient aucune ligne de participant sous l'en-tête" },
  // The ministry's statistics files (national-statistics/moe-tw-file.ts): the field is the line and its column.
  not_utf8: {
    en: 'is not UTF-8, as the ministry publishes its files (it reads as {value}): save it as UTF-8, or give its encoding',
    zh: '不是教育部发布文件所用的 UTF-8 编码（看起来是 {value}）：请另存为 UTF-8，或指明其编码',
    fr: "n'est pas en UTF-8, l'encodage des fichiers du ministère (il se lit comme {value}) : enregistrez-le en UTF-8, ou indiquez son encodage",
  },
  bad_utf8: {
    en: 'is not UTF-8 as the rest of the file is (a line saved in another encoding?): save the file as UTF-8 again',
    zh: '与文件其余部分不同，不是 UTF-8 编码（该行是否以其他编码保存？）：请将文件重新另存为 UTF-8',
    fr: "n'est pas en UTF-8 comme le reste du fichier (une ligne enregistrée dans un autre encodage ?) : enregistrez de nouveau le fichier en UTF-8",
  },
  not_a_count: {
    en: 'is not a number of students: {value} (the ministry writes a number, or " -" for none)',
    zh: '不是学生人数：{value}（教育部写作数字，无则写 " -"）',
    fr: "n'est pas un nombre d'étudiants : {value} (le ministère écrit un nombre, ou « - » pour aucun)",
  },
  not_a_year: { en: 'is not an academic year: {value}', zh: '不是学年：{value}', fr: "n'est pas une année universitaire : {value}" },
  other_year: {
    en: 'is another academic year ({value}) than the lines before it: import one year at a time',
    zh: '与前面各行的学年不同（{value}）：请每次导入一个学年',
    fr: "est une autre année universitaire ({value}) que les lignes précédentes : importez une année à la fois",
  },
  unknown_level: { en: 'is not a level code of the ministry: {value}', zh: '不是教育部的等级代码：{value}', fr: "n'est pas un code de niveau du ministère : {value}" },
  unknown_category: {
    en: 'is neither A 僑生 (overseas Chinese) nor B 港澳生 (Hong Kong and Macao): {value}',
    zh: '既不是 A 僑生（侨生）也不是 B 港澳生：{value}',
    fr: "n'est ni A 僑生 (Chinois d'outre-mer) ni B 港澳生 (Hong Kong et Macao) : {value}",
  },
  not_hong_kong_or_macao: {
    en: 'is not Hong Kong or Macao, the only places of category B 港澳生: {value}',
    zh: '不是香港或澳门（B 港澳生类别只含这两地）：{value}',
    fr: "n'est ni Hong Kong ni Macao, seuls lieux de la catégorie B 港澳生 : {value}",
  },
  duplicate_column: { en: 'appears twice in the header row', zh: '在表头中出现两次', fr: "figure deux fois dans la ligne d'en-tête" },
  no_data_rows: { en: 'has no lines below its header', zh: '表头下没有数据行', fr: "ne contient aucune ligne sous l'en-tête" },
  same_file_kind: {
    en: 'holds two files of the same kind ({value}): give one foreign-students file and one overseas-Chinese file',
    zh: '包含两个同类文件（{value}）：请提供一个外国学生文件和一个侨生及港澳生文件',
    fr: "contient deux fichiers du même type ({value}) : donnez un fichier d'étudiants étrangers et un fichier d'étudiants chinois d'outre-mer",
  },
  years_differ: {
    en: 'are of different academic years ({value}): import one year at a time',
    zh: '属于不同学年（{value}）：请每次导入一个学年',
    fr: "sont de différentes années universitaires ({value}) : importez une année à la fois",
  },
};

/** The message for an error code, falling back to English and then to the code itself. */
export function errorMessage(code: string, locale: Locale): string {
  return ERROR_MESSAGES[code]?.[locale] ?? ERROR_MESSAGES[code]?.en ?? code;
}

/**
 * The reason for a field error, falling back to English and then to the code itself. A code
 * may carry a value after a colon (`unknown_placeholder:visitorNmae`), put in place of the
 * reason's `{value}`: the thing refused is named in the message.
 */
export function fieldReason(code: string, locale: Locale): string {
  const colon = code.indexOf(':');
  const [key, value] = colon > 0 && FIELD_REASONS[code.slice(0, colon)] ? [code.slice(0, colon), code.slice(colon + 1)] : [code, null];
  // A refusal of a whole record named by the cell it came from (an import's row: the exchange's places are full) says what the refusal says.
  const text = FIELD_REASONS[key]?.[locale] ?? FIELD_REASONS[key]?.en ?? ERROR_MESSAGES[key]?.[locale] ?? code;
  return value === null ? text : text.replace('{value}', `{${value}}`);
}
