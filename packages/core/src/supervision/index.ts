/**
 * The supervision table's statuses of an organ's annual report, as the 政务公开办 reads them:
 * named once so the screen, the exported workbook and the API agree.
 */
export const SUPERVISION_STATUSES = ['notStarted', 'draft', 'published', 'late'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export const SUPERVISION_STATUS_LABELS: Readonly<Record<SupervisionStatus, string>> = {
  notStarted: '未开始',
  draft: '草稿',
  published: '已发布',
  late: '逾期',
};

/** The order the table lists them in: whom to chase first. */
export const SUPERVISION_STATUS_ORDER: readonly SupervisionStatus[] = ['late', 'notStarted', 'draft', 'published'];
