import { SUPERVISION_STATUS_LABELS } from '@xxgk/core';
import { Tag } from 'antd';
import type { SupervisionStatus } from './types.js';

const COLORS: Readonly<Record<SupervisionStatus, string>> = {
  notStarted: 'default',
  draft: 'processing',
  published: 'success',
  late: 'error',
};

export function StatusTag({ status }: { status: SupervisionStatus }) {
  return <Tag color={COLORS[status]}>{SUPERVISION_STATUS_LABELS[status]}</Tag>;
}
