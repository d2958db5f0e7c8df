import {
  auditActionLabel,
  FEE_METHOD_LABELS,
  OUTCOME_LABELS,
  CHANNEL_LABELS,
  type Channel,
  type FeeMethod,
  type Outcome,
} from '@xxgk/core';
import { chineseDate } from './format.js';
import type { CaseEvent } from './types.js';

/** The name of an event or audited action in the officers' words. */
export function actionLabel(type: string): string {
  return auditActionLabel(type);
}

/** The details an event records, one short Chinese line each. */
export function eventDetails(event: Pick<CaseEvent, 'type' | 'data'>): string[] {
  const data = event.data ?? {};
  const lines: string[] = [];
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : undefined);
  if (text('channel')) lines.push(`申请渠道：${CHANNEL_LABELS[text('channel') as Channel] ?? text('channel')}`);
  if (text('submittedOn')) lines.push(`提交日期：${chineseDate(text('submittedOn'))}`);
  if (text('outcome')) lines.push(`办理结果：${OUTCOME_LABELS[text('outcome') as Outcome] ?? text('outcome')}`);
  if (text('method'))
    lines.push(`${FEE_METHOD_LABELS[text('method') as FeeMethod] ?? text('method')}，数量 ${String(data.quantity)}`);
  if (typeof data.days === 'number') lines.push(`延长 ${data.days} 个工作日`);
  if (text('dueOn')) lines.push(`补正期限：${chineseDate(text('dueOn'))}`);
  if (text('thirdParty')) lines.push(`征求意见对象：${text('thirdParty')}`);
  if (text('reason')) lines.push(`理由：${text('reason')}`);
  if (text('note')) lines.push(text('note') as string);
  if (text('body')) lines.push(`答复正文：${text('body')}`);
  if (text('opinion')) lines.push(`审批意见：${text('opinion')}`);
  if (data.selfApproval === true) lines.push('本人审核：拟稿（申请）与审核为同一人，经本机关设置允许');
  return lines;
}
