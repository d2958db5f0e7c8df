import { CASE_STATUS_LABELS, type CaseStatus } from '@xxgk/core';
import { Tag } from 'antd';

const COLORS: Readonly<Record<CaseStatus, string>> = {
  inProgress: 'processing',
  awaitingCorrection: 'warning',
  consulting: 'purple',
  awaitingFee: 'gold',
  answerPending: 'blue',
  closed: 'default',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  return <Tag color={COLORS[status]}>{CASE_STATUS_LABELS[status]}</Tag>;
}
