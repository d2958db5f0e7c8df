import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, IdParam, json, jsonBody, OrganParam, Paging } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { UrgeAnswerSchema, UrgeInputSchema, UrgePageSchema, UrgeSchema } from './schemas.js';

const PageQuery = z.object(Paging);

export function urgeRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/urges',
      tags: ['催办'],
      summary: '向逾期的机关催办（政务公开办）',
      request: jsonBody(UrgeInputSchema),
      responses: { 201: json('已催办', UrgeSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.urges.send(requireActor(c.var.actor), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/urges',
      tags: ['催办'],
      summary: '本级政府所属机关收到的全部催办（政务公开办）',
      request: { query: PageQuery },
      responses: { 200: json('一页催办', UrgePageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.urges.sent(requireActor(c.var.actor), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/urges',
      tags: ['催办'],
      summary: '机关收到的催办',
      request: { params: OrganParam, query: PageQuery },
      responses: { 200: json('一页催办', UrgePageSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(
        await c.var.services.urges.forOrgan(
          requireActor(c.var.actor),
          c.req.valid('param').organId,
          c.req.valid('query'),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/urges/{id}/answer',
      tags: ['催办'],
      summary: '答复催办（被催办机关）',
      request: { params: IdParam, ...jsonBody(UrgeAnswerSchema) },
      responses: { 200: json('已答复', UrgeSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(
        await c.var.services.urges.answer(
          requireActor(c.var.actor),
          c.req.valid('param').id,
          c.req.valid('json').answer,
        ),
        200,
      ),
  );
}
