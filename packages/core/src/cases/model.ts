/**
 * The vocabulary of an application for government information (依申请公开) under the 条例 (2019):
 * how it arrived, who asked, how it may end, and the state it is in. These names are shared by
 * the status machine, the deadline computation, the report compiler, the server and the web.
 * Dates are calendar dates in China as ISO strings `YYYY-MM-DD`, never Date objects: a deadline
 * is a day, not an instant.
 */

/** 申请渠道. The receipt date each one gives is fixed by 第三十一条 (see `receiptRule`). */
export const CHANNELS = ['inPerson', 'registeredMail', 'ordinaryMail', 'online', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  inPerson: '当面提交',
  registeredMail: '信函（需签收）',
  ordinaryMail: '平常信函',
  online: '网上申请',
  fax: '传真',
  email: '电子邮件',
};

/** What the receipt date of each channel is, in the words of 第三十一条. */
export const RECEIPT_RULES: Readonly<Record<Channel, string>> = {
  inPerson: '以提交之日为收到申请之日',
  registeredMail: '以行政机关签收之日为收到申请之日',
  ordinaryMail: '以行政机关与申请人确认之日为收到申请之日',
  online: '以双方确认之日为收到申请之日',
  fax: '以双方确认之日为收到申请之日',
  email: '以双方确认之日为收到申请之日',
};

/** The applicant kinds are the columns of section 三 (cell IDs `s3.<row>.<kind>`). */
export const APPLICANT_KINDS = ['natural', 'business', 'research', 'ngo', 'legal', 'otherOrg'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS: Readonly<Record<ApplicantKind, string>> = {
  natural: '自然人',
  business: '商业企业',
  research: '科研机构',
  ngo: '社会公益组织',
  legal: '法律服务机构',
  otherOrg: '其他法人或其他组织',
};

/**
 * How a concluded application ended: exactly the rows of section 三 三、本年度办理结果 in the 2021
 * format (`s3.<outcome>.<kind>`). A 2019-format year maps the three `other.*` rows to `other`.
 */
export const OUTCOMES = [
  'granted',
  'partial',
  'denied.secret',
  'denied.prohibited',
  'denied.safety',
  'denied.thirdParty',
  'denied.internal',
  'denied.process',
  'denied.enforcementFile',
  'denied.query',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclear',
  'rejected.petition',
  'rejected.duplicate',
  'rejected.publication',
  'rejected.excessive',
  'rejected.confirm',
  'other.noCorrection',
  'other.unpaidFee',
  'other.other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  granted: '予以公开',
  partial: '部分公开',
  'denied.secret': '不予公开：属于国家秘密',
  'denied.prohibited': '不予公开：其他法律行政法规禁止公开',
  'denied.safety': '不予公开：危及“三安全一稳定”',
  'denied.thirdParty': '不予公开：保护第三方合法权益',
  'denied.internal': '不予公开：属于三类内部事务信息',
  'denied.process': '不予公开：属于四类过程性信息',
  'denied.enforcementFile': '不予公开：属于行政执法案卷',
  'denied.query': '不予公开：属于行政查询事项',
  'unable.notHeld': '无法提供：本机关不掌握相关政府信息',
  'unable.needsCreation': '无法提供：没有现成信息需要另行制作',
  'unable.unclear': '无法提供：补正后申请内容仍不明确',
  'rejected.petition': '不予处理：信访举报投诉类申请',
  'rejected.duplicate': '不予处理：重复申请',
  'rejected.publication': '不予处理：要求提供公开出版物',
  'rejected.excessive': '不予处理：无正当理由大量反复申请',
  'rejected.confirm': '不予处理：要求行政机关确认或重新出具已获取信息',
  'other.noCorrection': '其他处理：申请人无正当理由逾期不补正',
  'other.unpaidFee': '其他处理：申请人逾期未按收费通知要求缴纳费用',
  'other.other': '其他处理：其他',
};

/** Outcomes an officer may choose in an answer; the two lapses are reached only by their lapse action. */
export const ANSWER_OUTCOMES: readonly Outcome[] = OUTCOMES.filter(
  (o) => o !== 'other.noCorrection' && o !== 'other.unpaidFee',
);

/** 信息处理费 methods of 国办函〔2020〕109号: per application (按件) or per page (按量). */
export const FEE_METHODS = ['perApplication', 'perPage'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];
export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, string>> = {
  perApplication: '按件计收',
  perPage: '按量计收',
};

/** Roles of the people who work a case; the status machine says which may take each action. */
export const ROLES = ['officer', 'reviewer', 'organAdmin', 'supervisor', 'sysAdmin'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  officer: '经办人',
  reviewer: '审核人',
  organAdmin: '机关管理员',
  supervisor: '政务公开办',
  sysAdmin: '系统管理员',
};

/** 获取信息的方式 asked for in the application (第二十九条). */
export const DELIVERY_FORMS = ['paper', 'electronic', 'either'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DELIVERY_FORM_LABELS: Readonly<Record<DeliveryForm, string>> = {
  paper: '纸质',
  electronic: '电子',
  either: '不限',
};

/** 获取信息的途径 asked for in the application (第二十九条). */
export const DELIVERY_WAYS = ['post', 'email', 'pickup', 'online', 'fax'] as const;
export type DeliveryWay = (typeof DELIVERY_WAYS)[number];
export const DELIVERY_WAY_LABELS: Readonly<Record<DeliveryWay, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
  fax: '传真',
};
