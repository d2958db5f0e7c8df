import { ACTION_LABELS } from '../cases/state.js';

/**
 * The audit log's vocabulary: what the server records as `entity` and `action`, named in Chinese
 * once, so the log reads the same on every screen and the codes never reach a user.
 */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  session: '登录会话',
  application: '政府信息公开申请',
  attachment: '申请附件',
  organ: '机关',
  user: '用户',
  document: '规章和规范性文件登记',
  figures: '主动公开数字',
  review: '行政复议、行政诉讼登记',
  importedReport: '导入的年度报告',
  report: '年度报告',
  calendar: '工作日历',
  urge: '催办',
  corpusBatch: '报告语料导入批次',
  corpusOrgan: '语料库中的机关',
  corpusOrganName: '语料库中的机关名称写法',
};

/** Actions named the same whatever they act on. */
const COMMON_ACTIONS: Readonly<Record<string, string>> = {
  create: '新建',
  update: '修改',
  import: '批量导入',
  reimport: '重新导入',
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出登录',
  settings: '修改设置',
  intake: '登记收到申请',
  upload: '上传附件',
  deadlineMoved: '答复期限因工作日历变动而调整',
  correctCell: '更正读取的数字',
  compile: '由办理记录编制',
  editSections: '修改文字部分',
  publish: '发布',
  send: '发出',
  answer: '答复',
  transferIn: '收到转办的申请',
  repoint: '改指向另一机关',
  merge: '合并为同一机关',
  assign: '分派承办人',
};

/** What a name not (yet) in the vocabulary shows: never the code itself. */
const UNKNOWN_ENTITY = '其他对象';
const UNKNOWN_ACTION = '其他操作';

export function auditEntityLabel(entity: string): string {
  return AUDIT_ENTITY_LABELS[entity] ?? UNKNOWN_ENTITY;
}

/** An audited action in Chinese: a case action by its statutory name, else the common verbs. */
export function auditActionLabel(action: string): string {
  return (ACTION_LABELS as Readonly<Record<string, string>>)[action] ?? COMMON_ACTIONS[action] ?? UNKNOWN_ACTION;
}
