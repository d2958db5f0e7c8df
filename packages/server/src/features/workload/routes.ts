import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json, OrganParam } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { OrganWorkloadSchema, SupervisionWorkloadSchema, WorkloadQuery } from './schemas.js';

export function workloadRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/workload',
      tags: ['依申请公开'],
      summary: '本机关及各经办人的工作量与办理时效（在办件数、办结用时中位数和第90百分位数、超期办结占比）',
      request: { params: OrganParam, query: WorkloadQuery },
      responses: { 200: json('工作量与时效', OrganWorkloadSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(
        await c.var.services.workload.organ(
          requireActor(c.var.actor),
          c.req.valid('param').organId,
          c.req.valid('query').year,
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/workload',
      tags: ['监督'],
      summary: '本级政府所属各机关的工作量与办理时效（政务公开办）',
      request: { query: WorkloadQuery },
      responses: { 200: json('各机关工作量与时效', SupervisionWorkloadSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.workload.organs(requireActor(c.var.actor), c.req.valid('query').year), 200),
  );
}
