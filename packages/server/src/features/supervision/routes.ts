import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { SupervisionOrganPageSchema, SupervisionOrganQuery, SupervisionYearSchema, YearParam } from './schemas.js';

export function supervisionRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/{year}',
      tags: ['监督'],
      summary: '本级政府所属各机关年度报告情况汇总与逾期机关（政务公开办）',
      request: { params: YearParam },
      responses: { 200: json('各状态机关数与全部逾期机关', SupervisionYearSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.supervision.year(requireActor(c.var.actor), c.req.valid('param').year), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/{year}/organs',
      tags: ['监督'],
      summary: '本级政府所属各机关年度报告情况，分页（逾期在前，其次未开始、草稿、已发布）',
      request: { params: YearParam, query: SupervisionOrganQuery },
      responses: { 200: json('一页机关', SupervisionOrganPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(
        await c.var.services.supervision.organs(
          requireActor(c.var.actor),
          c.req.valid('param').year,
          c.req.valid('query'),
        ),
        200,
      ),
  );
}
