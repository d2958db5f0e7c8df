import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { App } from '../../http/env.js';
import type { AppEnv } from '../../http/env.js';
import type { ErrorBody } from '../../http/errors.js';
import { ERROR_RESPONSES, json, jsonBody } from '../../http/openapi.js';
import { PortalApplySchema, PortalOrgan, PortalReceipt, PortalStatus } from './schemas.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export { TEST_CLIENT_HEADER } from '../../http/client.js';

/** The client's address (see http/client.ts: the socket's, or the trusted proxy's word). */
export const clientAddress = (c: Context<AppEnv>): string => c.var.client.address;

function limit(windowMinutes: number, max: number, what: string) {
  return rateLimiter<AppEnv>({
    windowMs: windowMinutes * 60_000,
    limit: max,
    standardHeaders: 'draft-6',
    keyGenerator: clientAddress,
    handler: (c) =>
      c.json<ErrorBody>(
        {
          error: {
            code: 'too-many-requests',
            message: `${what}过于频繁：每个网络地址 ${windowMinutes < 60 ? `${windowMinutes} 分钟` : `${windowMinutes / 60} 小时`}内最多 ${max} 次，请稍后再试`,
          },
        },
        429,
      ),
  });
}

const CodeParam = z.object({
  queryCode: z
    .string()
    .max(40)
    .openapi({ param: { name: 'queryCode', in: 'path' } }),
});

const TOO_MANY = {
  429: {
    description: '请求过于频繁',
    content: {
      'application/json': {
        schema: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
      },
    },
  },
} as const;

/** The public portal: no login, a captcha on applying, and limits per client address. */
export function portalRoutes(app: App): void {
  applyRoutes(app);
  lookupRoutes(app);
}

// Each app has its own counters (one per process in production, one per test server in tests):
// the limits are made where the routes are registered.

/** Applying: the organs to apply to, a captcha, and the application itself. */
function applyRoutes(app: App): void {
  const applyLimit = limit(60, 5, '提交申请');
  const captchaLimit = limit(10, 60, '获取验证码');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portal/organs',
      tags: ['公众门户'],
      summary: '受理政府信息公开申请的机关',
      responses: { 200: json('机关', z.array(PortalOrgan)), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.portal.organs(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portal/captcha',
      tags: ['公众门户'],
      summary: '获取验证码（SVG 图片或文字题，和令牌；10 分钟内有效，只能使用一次）',
      description: 'mode=text 给出以汉字写出的算式（供读屏软件朗读的无障碍替代），令牌的用法相同。',
      middleware: [captchaLimit] as const,
      request: { query: z.object({ mode: z.enum(['image', 'text']).default('image') }) },
      responses: {
        200: json(
          '验证码',
          z
            .object({
              token: z.string(),
              mode: z.enum(['image', 'text']),
              svg: z.string().optional(),
              question: z.string().optional(),
            })
            .openapi('CaptchaChallenge'),
        ),
        ...TOO_MANY,
        ...ERROR_RESPONSES,
      },
    }),
    (c) => {
      c.header('cache-control', 'no-store');
      return c.json(c.var.services.portal.captcha.issue(c.req.valid('query').mode), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/portal/applications',
      tags: ['公众门户'],
      summary: '网上提交政府信息公开申请',
      description: '以今天（门户确认之日）为收到申请之日；返回查询码，凭查询码查看办理进度。',
      middleware: [applyLimit] as const,
      request: jsonBody(PortalApplySchema),
      responses: { 201: json('已收到申请', PortalReceipt), ...TOO_MANY, ...ERROR_RESPONSES },
    }),
    async (c) => c.json(await c.var.services.portal.apply(c.req.valid('json')), 201),
  );
}

/** Looking a case up by its query code: its progress and, once answered, the answer letter. */
function lookupRoutes(app: App): void {
  const lookupLimit = limit(10, 60, '查询');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portal/applications/{queryCode}',
      tags: ['公众门户'],
      summary: '凭查询码查看办理进度',
      middleware: [lookupLimit] as const,
      request: { params: CodeParam },
      responses: { 200: json('办理进度', PortalStatus), ...TOO_MANY, ...ERROR_RESPONSES },
    }),
    async (c) => {
      c.header('cache-control', 'no-store');
      return c.json(await c.var.services.portal.status(c.req.valid('param').queryCode), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/portal/applications/{queryCode}/letters/answer',
      tags: ['公众门户'],
      summary: '下载答复书（DOCX，办结后）',
      middleware: [lookupLimit] as const,
      request: { params: CodeParam },
      responses: { 200: { description: 'DOCX 文件' }, ...TOO_MANY, ...ERROR_RESPONSES },
    }),
    async (c) => {
      const letter = await c.var.services.portal.answerLetter(c.req.valid('param').queryCode);
      return c.body(letter.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': DOCX,
        'cache-control': 'no-store',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(letter.name)}`,
      });
    },
  );
}
