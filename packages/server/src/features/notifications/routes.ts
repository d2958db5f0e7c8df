import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, json, jsonBody } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import {
  MarkReadResultSchema,
  MarkReadSchema,
  NotificationPageSchema,
  NotificationQuery,
  NotificationSettingsInput,
  NotificationSettingsSchema,
  UnreadSchema,
} from './schemas.js';

export function notificationRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications',
      tags: ['提醒'],
      summary: '我的提醒（新的在前，分页）',
      request: { query: NotificationQuery },
      responses: { 200: json('一页提醒及未读数', NotificationPageSchema), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await c.var.services.notifications.list(requireActor(c.var.actor), {
        unread: q.unread === 'true',
        page: q.page,
        pageSize: q.pageSize,
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/unread',
      tags: ['提醒'],
      summary: '我的未读提醒数（页头的铃铛）',
      responses: { 200: json('未读数', UnreadSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.notifications.unread(requireActor(c.var.actor)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/notifications/read',
      tags: ['提醒'],
      summary: '标为已读',
      request: jsonBody(MarkReadSchema),
      responses: { 200: json('标记的条数和剩余未读数', MarkReadResultSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.notifications.markRead(requireActor(c.var.actor), c.req.valid('json').ids), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/notifications/settings',
      tags: ['提醒'],
      summary: '我的提醒邮箱',
      responses: { 200: json('邮箱及服务器是否发送邮件', NotificationSettingsSchema), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.notifications.settings(requireActor(c.var.actor)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/notifications/settings',
      tags: ['提醒'],
      summary: '设置我的提醒邮箱（null 为不发邮件）',
      request: jsonBody(NotificationSettingsInput),
      responses: { 200: json('已保存', NotificationSettingsSchema), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.notifications.setEmail(requireActor(c.var.actor), c.req.valid('json').email), 200),
  );
}
