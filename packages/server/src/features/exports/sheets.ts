import {
  auditActionLabel,
  auditEntityLabel,
  APPLICANT_KIND_LABELS,
  CASE_STATUS_LABELS,
  CHANNEL_LABELS,
  DOCUMENT_KIND_LABELS,
  OUTCOME_LABELS,
  REVIEW_KIND_LABELS,
  REVIEW_RESULT_LABELS,
  SUPERVISION_STATUS_LABELS,
  type ApplicantKind,
  type CaseStatus,
  type Channel,
  type Outcome,
} from '@xxgk/core';
import type { Column } from './xlsx.js';

/*
 * The columns of each list as the workbook has them: Chinese headers, the core's words for the
 * vocabulary, dates typed as dates. The registers' columns are those of their CSV templates, so
 * that an exported register can be imported again.
 */

interface ApplicationRow {
  serialNo: string;
  channel: string;
  applicantKind: string;
  applicantName: string;
  request: string;
  receivedOn: string;
  status: string;
  dueOn: string | null;
  outcome: string | null;
  closedOn: string | null;
  assignee: { name: string } | null;
}

const label = <K extends string>(labels: Readonly<Record<K, string>>, key: string | null): string =>
  key === null ? '' : (labels[key as K] ?? key);

/** 依申请公开台账. */
export const APPLICATION_COLUMNS: readonly Column<ApplicationRow>[] = [
  { header: '申请编号', type: 'text', width: 26, value: (r) => r.serialNo },
  { header: '申请人', type: 'text', width: 14, value: (r) => r.applicantName },
  {
    header: '申请人类型',
    type: 'text',
    width: 12,
    value: (r) => label<ApplicantKind>(APPLICANT_KIND_LABELS, r.applicantKind),
  },
  { header: '申请渠道', type: 'text', width: 12, value: (r) => label<Channel>(CHANNEL_LABELS, r.channel) },
  { header: '申请内容', type: 'text', width: 48, value: (r) => r.request },
  { header: '收到申请日期', type: 'date', width: 16, value: (r) => r.receivedOn },
  { header: '办理状态', type: 'text', width: 12, value: (r) => label<CaseStatus>(CASE_STATUS_LABELS, r.status) },
  { header: '答复期限', type: 'date', width: 16, value: (r) => r.dueOn },
  { header: '办理结果', type: 'text', width: 28, value: (r) => label<Outcome>(OUTCOME_LABELS, r.outcome) },
  { header: '办结日期', type: 'date', width: 16, value: (r) => r.closedOn },
  { header: '承办人', type: 'text', width: 12, value: (r) => r.assignee?.name ?? '' },
];

interface DocumentRow {
  kind: string;
  number: string | null;
  title: string;
  issuedOn: string;
  repealedOn: string | null;
}

/** 规章和行政规范性文件登记: the CSV template's columns (DOCUMENTS_CSV_HEADER). */
export const DOCUMENT_COLUMNS: readonly Column<DocumentRow>[] = [
  { header: '类别', type: 'text', width: 16, value: (r) => label(DOCUMENT_KIND_LABELS, r.kind) },
  { header: '文号', type: 'text', width: 24, value: (r) => r.number },
  { header: '标题', type: 'text', width: 48, value: (r) => r.title },
  { header: '制发日期', type: 'date', width: 16, value: (r) => r.issuedOn },
  { header: '废止日期', type: 'date', width: 16, value: (r) => r.repealedOn },
];

interface ReviewRow {
  kind: string;
  caseNo: string;
  filedOn: string;
  concludedOn: string | null;
  result: string | null;
  applicationSerialNo: string | null;
  note: string | null;
}

/** 行政复议、行政诉讼登记: the CSV template's columns (REVIEWS_CSV_HEADER), and the note. */
export const REVIEW_COLUMNS: readonly Column<ReviewRow>[] = [
  { header: '类型', type: 'text', width: 14, value: (r) => label(REVIEW_KIND_LABELS, r.kind) },
  { header: '案号', type: 'text', width: 24, value: (r) => r.caseNo },
  { header: '收案日期', type: 'date', width: 16, value: (r) => r.filedOn },
  { header: '审结日期', type: 'date', width: 16, value: (r) => r.concludedOn },
  { header: '结果', type: 'text', width: 10, value: (r) => label(REVIEW_RESULT_LABELS, r.result) },
  { header: '关联申请编号', type: 'text', width: 26, value: (r) => r.applicationSerialNo },
  { header: '备注', type: 'text', width: 30, value: (r) => r.note },
];

interface SupervisionRow {
  organName: string;
  status: string;
  reportStatus: string;
  publishedOn: string | null;
  findings: { error: number; warning: number; info: number };
  applications: { received: number; open: number };
}

/** 年度报告情况 of the organs the 政务公开办 supervises. */
export const SUPERVISION_COLUMNS: readonly Column<SupervisionRow>[] = [
  { header: '机关', type: 'text', width: 30, value: (r) => r.organName },
  { header: '状态', type: 'text', width: 10, value: (r) => label(SUPERVISION_STATUS_LABELS, r.status) },
  { header: '年度报告', type: 'text', width: 10, value: (r) => label(SUPERVISION_STATUS_LABELS, r.reportStatus) },
  { header: '发布日期', type: 'date', width: 16, value: (r) => r.publishedOn },
  { header: '错误', type: 'number', width: 8, value: (r) => r.findings.error },
  { header: '警告', type: 'number', width: 8, value: (r) => r.findings.warning },
  { header: '提示', type: 'number', width: 8, value: (r) => r.findings.info },
  { header: '本年收到申请', type: 'number', width: 14, value: (r) => r.applications.received },
  { header: '其中在办', type: 'number', width: 10, value: (r) => r.applications.open },
];

interface AuditRow {
  at: Date;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
}

/** 审计日志, newest first. */
export const AUDIT_COLUMNS: readonly Column<AuditRow>[] = [
  { header: '时间', type: 'dateTime', width: 18, value: (r) => r.at.toISOString() },
  { header: '操作人', type: 'text', width: 14, value: (r) => r.actorName ?? '系统' },
  { header: '对象', type: 'text', width: 14, value: (r) => auditEntityLabel(r.entity) },
  { header: '编号', type: 'text', width: 10, value: (r) => r.entityId },
  {
    header: '操作',
    type: 'text',
    width: 16,
    value: (r) => auditActionLabel(r.action),
  },
];
