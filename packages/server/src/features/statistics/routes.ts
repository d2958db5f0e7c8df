import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { StatisticsSchema } from './schemas.js';

export function statisticsRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/{year}/statistics',
      tags: ['监督'],
      summary: '本级政府所属各机关及合计的依申请公开办理结果和申请人类型（本年度及前两年，政务公开办）',
      request: { params: z.object({ year: z.coerce.number().int().min(2019).max(2100) }) },
      responses: { 200: json('各机关各年度的件数', StatisticsSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.statistics.year(requireActor(c.var.actor), c.req.valid('param').year), 200),
  );
}
