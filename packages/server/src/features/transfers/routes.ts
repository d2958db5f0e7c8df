import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, IdParam, json, jsonBody } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { TransferInputSchema, TransferResultSchema, TransferSchema, TransferTargetsSchema } from './schemas.js';

export function transferRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/transfer-targets',
      tags: ['依申请公开'],
      summary: '可接收转办的机关（平台上除本机关外的全部机关）',
      responses: { 200: json('机关', TransferTargetsSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.transfers.targets(requireActor(c.var.actor)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/applications/{id}/transfer',
      tags: ['依申请公开'],
      summary: '转办：不属于本机关负责公开的申请，转交负责的机关（条例第三十六条第（五）项）',
      request: { params: IdParam, ...jsonBody(TransferInputSchema) },
      responses: { 200: json('已转办', TransferResultSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { toOrganId, organName, ...rest } = c.req.valid('json');
      const result = await c.var.services.transfers.transfer(requireActor(c.var.actor), c.req.valid('param').id, {
        ...rest,
        ...(toOrganId !== undefined ? { toOrganId } : {}),
        ...(organName !== undefined ? { organName } : {}),
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/applications/{id}/transfer',
      tags: ['依申请公开'],
      summary: '案件的转办经过（转出和接收机关都可查看）',
      request: { params: IdParam },
      responses: { 200: json('转办经过，未转办为 null', TransferSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.transfers.of(requireActor(c.var.actor), c.req.valid('param').id), 200),
  );
}
