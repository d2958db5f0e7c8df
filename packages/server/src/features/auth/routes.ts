import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ROLES } from '@xxgk/core';
import type { App } from '../../http/env.js';
import { ERROR_RESPONSES, ErrorSchema, json, jsonBody } from '../../http/openapi.js';
import { requireActor } from '../../http/session.js';
import { MAX_PASSWORD_LENGTH } from './passwords.js';
import { SESSION_COOKIE, SESSION_HOURS } from './service.js';

const User = z.object({ id: z.number(), name: z.string(), role: z.enum(ROLES), organId: z.number() });
const Me = z.object({ user: User, csrfToken: z.string() }).openapi('Me');

/**
 * Who the cookie names, or nobody: asking is not an error, so the login page's probe answers 200
 * with `user: null` rather than a 401 the browser would log as a failed request.
 */
const SessionState = z.object({ user: User.nullable(), csrfToken: z.string().nullable() }).openapi('SessionState');

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags: ['登录'],
  summary: '用户名密码登录',
  request: jsonBody(
    z.object({
      username: z.string().min(1).max(100),
      password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    }),
  ),
  responses: {
    200: json('已登录；会话 Cookie 已设置', Me),
    ...ERROR_RESPONSES,
    429: {
      description: '登录失败次数过多，须等待 Retry-After 秒',
      headers: { 'Retry-After': { description: '须等待的秒数', schema: { type: 'integer' } } },
      content: { 'application/json': { schema: ErrorSchema } },
    },
  },
});

const me = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['登录'],
  summary: '当前用户与 CSRF 令牌（未登录时 user 为 null）',
  responses: {
    200: json('当前用户；未登录或会话已失效时 user 与 csrfToken 为 null', SessionState),
    ...ERROR_RESPONSES,
  },
});

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  tags: ['登录'],
  summary: '退出登录',
  responses: { 200: json('已退出', z.object({ ok: z.boolean() })), ...ERROR_RESPONSES },
});

export function authRoutes(app: App): void {
  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json');
    const { client } = c.var;
    const session = await c.var.services.auth.login(username, password, client.address);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
      // Over TLS: the server's own, or a trusted proxy's (X-Forwarded-Proto with XXGK_TRUST_PROXY=1).
      secure: client.https,
    });
    const { actor } = session;
    return c.json(
      {
        user: { id: actor.id, name: actor.name, role: actor.role, organId: actor.organId },
        csrfToken: session.csrfToken,
      },
      200,
    );
  });

  app.openapi(me, async (c) => {
    const actor = c.var.actor;
    if (!actor) return c.json({ user: null, csrfToken: null }, 200);
    const found = await c.var.services.auth.session(c.var.sessionToken as string);
    return c.json(
      {
        user: { id: actor.id, name: actor.name, role: actor.role, organId: actor.organId },
        csrfToken: found?.csrfToken ?? '',
      },
      200,
    );
  });

  app.openapi(logout, async (c) => {
    const actor = requireActor(c.var.actor);
    await c.var.services.auth.logout(c.var.sessionToken as string, actor);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.var.client.https });
    return c.json({ ok: true }, 200);
  });
}
