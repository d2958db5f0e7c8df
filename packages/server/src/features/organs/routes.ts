import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '@xxgk/core';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, Id, json, jsonBody, OrganParam } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { MAX_PASSWORD_LENGTH } from '../auth/passwords.js';

const Organ = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    name: z.string(),
    kind: z.string(),
    code: z.string(),
    region: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    reviewBody: z.string().nullable(),
    court: z.string().nullable(),
    allowSelfApproval: z
      .boolean()
      .openapi({ description: '允许拟稿人（延期申请人）本人审核：只有一名工作人员的机关；每次本人审核都有标记' }),
  })
  .openapi('Organ');

const OrganSettings = z.object({ allowSelfApproval: z.boolean() }).openapi('OrganSettings');

const NewOrgan = z.object({
  parentId: Id.nullable(),
  name: z.string().trim().min(2).max(100),
  kind: z.enum(['government', 'department', 'office', 'township', 'other']),
  code: z.string().trim().min(1).max(20),
  region: z.string().max(100).nullable().optional(),
  address: z.string().max(200).nullable().optional(),
  phone: z.string().max(50).nullable().optional(),
  reviewBody: z.string().max(100).nullable().optional(),
  court: z.string().max(100).nullable().optional(),
});

const User = z
  .object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string() })
  .openapi('User');

const NewUser = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、下划线、点或连字符，以字母开头'),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

export function organRoutes(app: App): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs',
      tags: ['机关与账号'],
      summary: '可见的机关',
      responses: { 200: json('机关列表', z.array(Organ)), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.organs.visible(requireActor(c.var.actor)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs',
      tags: ['机关与账号'],
      summary: '新增机关（系统管理员）',
      request: jsonBody(NewOrgan),
      responses: { 201: json('已新增', Organ), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.organs.create(requireActor(c.var.actor), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/organs/{organId}/settings',
      tags: ['机关与账号'],
      summary: '修改机关设置（系统管理员、本机关管理员）',
      request: { params: OrganParam, ...jsonBody(OrganSettings) },
      responses: { 200: json('已修改', Organ), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const organ = await c.var.services.organs.updateSettings(requireActor(c.var.actor), organId, c.req.valid('json'));
      return c.json(organ, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/organs/{organId}/users',
      tags: ['机关与账号'],
      summary: '机关的账号',
      request: { params: OrganParam },
      responses: { 200: json('账号列表', z.array(User.extend({ active: z.boolean() }))), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(await c.var.services.organs.users(requireActor(c.var.actor), c.req.valid('param').organId), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/organs/{organId}/users',
      tags: ['机关与账号'],
      summary: '新增账号',
      request: { params: OrganParam, ...jsonBody(NewUser) },
      responses: { 201: json('已新增', User), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { organId } = c.req.valid('param');
      const user = await c.var.services.organs.createUser(requireActor(c.var.actor), {
        ...c.req.valid('json'),
        organId,
      });
      return c.json(user, 201);
    },
  );
}
