import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_WAY_LABELS,
  OUTCOME_LABELS,
  type Outcome,
} from '@xxgk/core';
import { actionLabel } from '../workbench/describeEvent.js';
import { chineseDate } from '../workbench/format.js';
import type { CaseDetail, CaseEvent } from '../workbench/types.js';
import { Sheet } from './PrintFrame.js';

/** 政府信息公开申请登记表: who asked, for what, how and when it came. */
export function RegistrationForm({ detail }: { detail: CaseDetail }) {
  const rows: [string, string][] = [
    ['申请编号', detail.serialNo],
    ['申请人', detail.applicantName],
    ['申请人类型', APPLICANT_KIND_LABELS[detail.applicantKind]],
    ['证件号码', detail.applicant?.idNumber ?? ''],
    ['联系电话', detail.applicant?.phone ?? ''],
    ['电子邮箱', detail.applicant?.email ?? ''],
    ['通信地址', detail.applicant?.address ?? ''],
    ['申请渠道', CHANNEL_LABELS[detail.channel]],
    ['提交日期', chineseDate(detail.submittedOn)],
    ['收到申请日期', chineseDate(detail.receivedOn)],
    ['所需信息的内容描述', detail.request],
    ['获取信息的方式', DELIVERY_FORM_LABELS[detail.deliveryForm]],
    ['获取信息的途径', DELIVERY_WAY_LABELS[detail.deliveryWay]],
    ['答复期限', detail.dueOn ? chineseDate(detail.dueOn) : ''],
  ];
  return (
    <Sheet label="申请登记表">
      <h1>政府信息公开申请登记表</h1>
      <table className="print-table">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th style={{ width: '28%' }}>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Sheet>
  );
}

/** The steps the approval form lists: drafts, returns and approvals of the answer and the extension. */
const APPROVAL_STEPS = new Set([
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'draftAnswer',
  'returnAnswer',
  'approveAnswer',
]);

function opinionOf(event: CaseEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  switch (event.type) {
    case 'draftAnswer':
      return [
        `拟办理结果：${OUTCOME_LABELS[text('outcome') as Outcome] ?? text('outcome')}`,
        text('body') && `答复正文：${text('body')}`,
      ]
        .filter(Boolean)
        .join('\n');
    case 'requestExtension':
      return `延长 ${String(data.days)} 个工作日。理由：${text('reason')}`;
    case 'approveAnswer':
      return text('opinion') || '同意';
    case 'returnAnswer':
      return text('note');
    default:
      return text('opinion') || text('note');
  }
}

/** 政府信息公开申请办理审批表: each step of the answer and the extension, who, when, what opinion. */
export function ApprovalForm({ detail }: { detail: CaseDetail }) {
  const steps = detail.events.filter((e) => APPROVAL_STEPS.has(e.type));
  return (
    <Sheet label="审批表">
      <h1>政府信息公开申请办理审批表</h1>
      <table className="print-table" style={{ marginBottom: '4mm' }}>
        <tbody>
          <tr>
            <th style={{ width: '20%' }}>申请编号</th>
            <td>{detail.serialNo}</td>
            <th style={{ width: '16%' }}>申请人</th>
            <td>{detail.applicantName}</td>
          </tr>
          <tr>
            <th>申请内容</th>
            <td colSpan={3}>{detail.request}</td>
          </tr>
          <tr>
            <th>收到申请日期</th>
            <td>{chineseDate(detail.receivedOn)}</td>
            <th>办理结果</th>
            <td>{detail.outcome ? OUTCOME_LABELS[detail.outcome] : '办理中'}</td>
          </tr>
        </tbody>
      </table>
      <table className="print-table">
        <thead>
          <tr>
            <th style={{ width: '16%' }}>环节</th>
            <th style={{ width: '14%' }}>办理人</th>
            <th style={{ width: '18%' }}>日期</th>
            <th>意见</th>
          </tr>
        </thead>
        <tbody>
          {steps.length === 0 ? (
            <tr>
              <td colSpan={4}>尚无审批环节</td>
            </tr>
          ) : (
            steps.map((event) => (
              <tr key={event.id}>
                <td>{actionLabel(event.type)}</td>
                <td>{event.actorName ?? ''}</td>
                <td>{chineseDate(event.on)}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{opinionOf(event)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Sheet>
  );
}
