import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, ClientInfo } from './env.js';

/** The header that names the client when there is no socket (in-process tests only). */
export const TEST_CLIENT_HEADER = 'x-test-client-address';

/** The last (rightmost) value of a forwarding header: the one the proxy next to us wrote. */
function lastForwarded(value: string | undefined): string | undefined {
  return value?.split(',').at(-1)?.trim() || undefined;
}

/**
 * The client's address and scheme: the socket's, or — only when the operator says one reverse proxy
 * sits in front (`XXGK_TRUST_PROXY=1`) — what that proxy appended last to X-Forwarded-For and set in
 * X-Forwarded-Proto. Without a trusted proxy these headers are the client's own words and ignored.
 * Requests made in-process have no socket; they are keyed by a test header, or all share one key.
 */
export function clientInfo(c: Context<AppEnv>, trustProxy: boolean): ClientInfo {
  const direct = new URL(c.req.url).protocol === 'https:';
  if (trustProxy) {
    const address = lastForwarded(c.req.header('x-forwarded-for'));
    const proto = lastForwarded(c.req.header('x-forwarded-proto'))?.toLowerCase();
    const https = proto === undefined ? direct : proto === 'https';
    if (address) return { address, https };
    return { address: socketAddress(c), https };
  }
  return { address: socketAddress(c), https: direct };
}

function socketAddress(c: Context<AppEnv>): string {
  try {
    const address = getConnInfo(c).remote.address;
    if (address) return address;
  } catch {
    // No Node socket: a request made with app.request().
  }
  return `local:${c.req.header(TEST_CLIENT_HEADER) ?? '-'}`;
}

/** Puts `client` on every request, for the login throttle, the portal's limits and the cookie. */
export const identifyClient = (trustProxy: boolean) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('client', clientInfo(c, trustProxy));
    await next();
  });
