import { z } from '@hono/zod-openapi';
import { CASE_STATUSES } from '@xxgk/core';
import { CASE_QUEUES } from './repository.js';
import type { ListRequest } from './service.js';

/** The “due soon” window in working days, the same for the dashboard and the list's `dueSoon` queue. */
export const Soon = z.coerce.number().int().min(0).max(20).default(3);

/** The list's filters, the same for a page of the list and for its export. */
export const ApplicationFilters = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional(),
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  queue: z.enum(CASE_QUEUES).optional().openapi({
    description: '工作台统计的一类（与 /dashboard 同名计数一致）：在办、即将到期、已逾期、待审核、暂停计时、无期限',
  }),
  ids: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10}){0,199}$/, '应为以逗号分隔的申请编号（至多200个）')
    .optional()
    .openapi({ description: '只列出这些申请（列表中勾选的，以逗号分隔，至多200个）' }),
  assignee: z
    .string()
    // Nine digits at most: every such id fits the database's integer.
    .regex(/^(me|none|\d{1,9})$/, '承办人应为经办人编号、me（我承办的）或 none（未分派）')
    .optional()
    .openapi({ description: '按承办人筛选：经办人编号，me 我承办的，none 未分派' }),
  soon: Soon.openapi({ description: 'queue=dueSoon 的“即将到期”工作日数，与 /dashboard 的 soon 相同' }),
});

/** The filters as the service takes them. */
export function listFilters(q: z.infer<typeof ApplicationFilters>): Omit<ListRequest, 'limit' | 'offset'> {
  return {
    ...(q.status ? { status: q.status } : {}),
    ...(q.open ? { open: q.open === 'true' } : {}),
    ...(q.year ? { year: q.year } : {}),
    ...(q.q ? { search: q.q } : {}),
    ...(q.ids ? { ids: q.ids.split(',').map(Number) } : {}),
    ...(q.dueWithin !== undefined ? { dueWithin: q.dueWithin, open: true } : {}),
    ...(q.queue ? { queue: q.queue, soon: q.soon } : {}),
    ...(q.assignee ? { assignee: q.assignee === 'me' || q.assignee === 'none' ? q.assignee : Number(q.assignee) } : {}),
  };
}
