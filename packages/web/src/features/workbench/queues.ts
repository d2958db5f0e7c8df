import type { CaseQueue } from './types.js';

/** What each queue holds, as its dashboard card and the list's filter name it. */
export function queueLabel(queue: CaseQueue, soon = 3): string {
  return QUEUE_LABELS[queue].replace('{soon}', String(soon));
}

const QUEUE_LABELS: Readonly<Record<CaseQueue, string>> = {
  open: '在办',
  dueSoon: '{soon}个工作日内到期',
  overdue: '已逾期',
  awaitingReview: '待审核',
  paused: '暂停计时',
  noDueDate: '无答复期限',
};

function isQueue(value: string): value is CaseQueue {
  return Object.hasOwn(QUEUE_LABELS, value);
}

/** The queue named in the page's address, if it names one (a hand-edited address may not). */
export function queueFromParam(value: string | null): CaseQueue | undefined {
  return value !== null && isQueue(value) ? value : undefined;
}
