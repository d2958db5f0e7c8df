import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json, pageWindow, Paging } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { listAudit } from './repository.js';
import { auditOrganIds } from './scope.js';

const Entry = z
  .object({
    id: z.number(),
    at: z.string(),
    actorId: z.number().nullable(),
    actorName: z.string().nullable(),
    organId: z.number().nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('AuditEntry');

export function auditRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags: ['审计'],
      summary: '审计日志（本机关人员看本机关，政务公开办看所属机关，系统管理员看全部）',
      request: { query: z.object({ entity: z.string().optional(), entityId: z.string().optional(), ...Paging }) },
      responses: { 200: json('审计记录，新的在前', z.array(Entry)), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const actor = requireActor(c.var.actor);
      const { db } = c.var.services;
      const query = c.req.valid('query');
      const organIds = await auditOrganIds(db, actor);
      const rows = await listAudit(db, {
        ...(organIds ? { organIds } : {}),
        ...(query.entity ? { entity: query.entity } : {}),
        ...(query.entityId ? { entityId: query.entityId } : {}),
        ...pageWindow(query),
      });
      return c.json(
        rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        200,
      );
    },
  );
}
