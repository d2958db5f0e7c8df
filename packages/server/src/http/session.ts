import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { SESSION_COOKIE } from '../features/auth/service.js';
import type { Actor } from '../features/access.js';
import type { AppEnv } from './env.js';
import { HttpError } from './errors.js';
import { unauthorized } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Reads the session cookie. A changing request made with a session must also carry the session's
 * CSRF token in a header, which another site's page cannot read, so it cannot forge the request.
 */
export const session = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('actor', undefined);
  c.set('sessionToken', undefined);
  if (token) {
    const found = await c.var.services.auth.session(token);
    if (found) {
      if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== found.csrfToken) {
        throw new HttpError(403, 'csrf', '请求缺少有效的 CSRF 令牌，请刷新页面后重试');
      }
      c.set('actor', found.actor);
      c.set('sessionToken', token);
    }
  }
  await next();
});

export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw unauthorized();
  return actor;
}
