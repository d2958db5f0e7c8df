import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '../reports/service.js';
import { SUPERVISION_STATUSES } from './service.js';

/* What GET /api/supervision/{year} answers with, as SupervisionService builds it. */

const count = z.number();

export const SupervisionOrganSchema = z
  .object({
    organId: z.number(),
    organName: z.string(),
    parentId: z.number().nullable(),
    status: z.enum(SUPERVISION_STATUSES).openapi({ description: '逾期优先于其他状态' }),
    reportStatus: z.enum(REPORT_STATUSES),
    publishedOn: z.iso.date().nullable(),
    findings: z.object({ error: count, warning: count, info: count }),
    applications: z.object({ received: count, open: count }).openapi({ description: '本年收到的申请及其中在办的' }),
  })
  .openapi('SupervisionOrgan');

export const SupervisionYearSchema = z
  .object({
    year: z.number(),
    deadline: z.iso.date().openapi({ description: '发布期限：次年1月31日（条例第四十九条）' }),
    today: z.iso.date(),
    totals: z.object({ notStarted: count, draft: count, published: count, late: count }),
    organs: z.array(SupervisionOrganSchema),
  })
  .openapi('SupervisionYear');
