import { z } from '@hono/zod-openapi';
import { PUBLICATION_DEADLINE, SUPERVISION_STATUSES } from '@xxgk/core';
import { Paging } from '../../http/openapi.js';
import { REPORT_STATUSES } from '../reports/service.js';

/* What GET /api/supervision/{year} and …/{year}/organs answer with, as SupervisionService builds it. */

const count = z.number();
const SupervisionStatus = z.enum(SUPERVISION_STATUSES);

export const YearParam = z.object({ year: z.coerce.number().int().min(2019).max(2100) });

export const SupervisionOrganSchema = z
  .object({
    organId: z.number(),
    organName: z.string(),
    parentId: z.number().nullable(),
    status: SupervisionStatus.openapi({ description: '逾期优先于其他状态' }),
    reportStatus: z.enum(REPORT_STATUSES),
    publishedOn: z.iso.date().nullable(),
    findings: z.object({ error: count, warning: count, info: count }),
    applications: z.object({ received: count, open: count }).openapi({ description: '本年收到的申请及其中在办的' }),
  })
  .openapi('SupervisionOrgan');

export const SupervisionOrganPageSchema = z
  .object({ total: z.number(), items: z.array(SupervisionOrganSchema) })
  .openapi('SupervisionOrganPage');

export const SupervisionOrganQuery = z.object({
  status: SupervisionStatus.optional().openapi({
    description: 'notStarted 未开始，draft 草稿，published 已发布，late 逾期',
  }),
  q: z.string().trim().max(100).optional().openapi({ description: '机关名称中的文字' }),
  ...Paging,
});

export const SupervisionYearSchema = z
  .object({
    year: z.number(),
    deadline: z.iso.date().openapi({ description: `发布期限：${PUBLICATION_DEADLINE}（条例第四十九条）` }),
    today: z.iso.date(),
    totals: z.object({ notStarted: count, draft: count, published: count, late: count }),
    late: z
      .array(z.object({ organId: z.number(), organName: z.string() }))
      .openapi({ description: '全部逾期的机关（不分页），按机关层级排列' }),
  })
  .openapi('SupervisionYear');
