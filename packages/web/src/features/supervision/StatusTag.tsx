import { Tag } from 'antd';
import type { SupervisionStatus } from './types.js';

export const STATUS_LABELS: Readonly<Record<SupervisionStatus, string>> = {
  notStarted: '未开始',
  draft: '草稿',
  published: '已发布',
  late: '逾期',
};

const COLORS: Readonly<Record<SupervisionStatus, string>> = {
  notStarted: 'default',
  draft: 'processing',
  published: 'success',
  late: 'error',
};

export function StatusTag({ status }: { status: SupervisionStatus }) {
  return <Tag color={COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}
