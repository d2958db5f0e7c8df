import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/app.js';
import { ERROR_RESPONSES, json } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { SupervisionYearSchema } from './schemas.js';

export function supervisionRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/supervision/{year}',
      tags: ['监督'],
      summary: '本级政府所属各机关年度报告情况（政务公开办）',
      request: { params: z.object({ year: z.coerce.number().int().min(2019).max(2100) }) },
      responses: { 200: json('各机关情况', SupervisionYearSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.supervision.year(requireActor(c.var.actor), c.req.valid('param').year), 200),
  );
}
