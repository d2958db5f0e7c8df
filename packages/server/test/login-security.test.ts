import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../src/features/auth/service.js';
import { verifyPassword } from '../src/features/auth/passwords.js';
import { ACCOUNT_RULE, ADDRESS_RULE, HALF_LIFE_MS } from '../src/features/auth/throttle.js';
import { createApp, CONTENT_SECURITY_POLICY, type App } from '../src/http/app.js';
import { configFrom } from '../src/main.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from './support/http.js';

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string } };
}

async function post(app: App, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

describe.each(ENGINES)('login throttling, audit and cost on %s', (engine) => {
  let server: TestServer;
  let now = Date.UTC(2026, 2, 2, 9);
  /** Every hash a login was checked against, in order. */
  const checked: string[] = [];
  let app: App;
  /** A client behind the trusted proxy, at `address`. */
  const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });
  const login = (username: string, password: string, address = '198.51.100.1') =>
    post(app, { username, password }, from(address));

  beforeAll(async () => {
    server = await startTestServer(engine);
    const auth = new AuthService(server.database.db, () => now, {
      verify: (password, stored) => {
        checked.push(stored);
        return verifyPassword(password, stored);
      },
    });
    app = createApp({ ...server.services, auth }, { webDir: false, trustProxy: true });
  });
  afterAll(() => server.close());

  it('makes an account wait after repeated failures, from any address, even with the right password', async () => {
    for (let n = 1; n <= ACCOUNT_RULE.free; n += 1) {
      expect((await login('officer', 'Wrong-password-1', `198.51.100.${n}`)).status).toBe(401);
    }
    const refused = await login('officer', TEST_PASSWORD, '198.51.100.99');
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('too-many-attempts');
    expect(refused.body.error?.message).toMatch(/^登录失败次数过多，请于 1 秒后再试$/);
    expect(refused.headers.get('retry-after')).toBe('1');
    // Another account is not held up by this one.
    expect((await login('reviewer', TEST_PASSWORD, '198.51.100.99')).status).toBe(200);

    // Each further failure doubles the wait.
    now += 1_000;
    expect((await login('officer', 'Wrong-password-2', '198.51.100.7')).status).toBe(401);
    expect((await login('officer', TEST_PASSWORD, '198.51.100.99')).headers.get('retry-after')).toBe('2');
    now += 2_000;
    expect((await login('officer', TEST_PASSWORD, '198.51.100.99')).status).toBe(200);
  });

  it('never makes a real user wait longer than the longest wait, and forgives as failures age', async () => {
    const user = 'officer2';
    let waited = 0;
    for (let n = 0; n < 40; n += 1) {
      const answer = await login(user, 'Wrong-password-1', `192.0.2.${n}`);
      if (answer.status === 429) {
        const seconds = Number(answer.headers.get('retry-after'));
        expect(seconds * 1000).toBeLessThanOrEqual(ACCOUNT_RULE.maxWaitMs);
        waited = Math.max(waited, seconds);
        now += seconds * 1000;
      }
    }
    expect(waited * 1000).toBe(ACCOUNT_RULE.maxWaitMs);
    // Ten half-lives of quiet: the failures are forgotten, and a slip of the finger costs nothing.
    now += 10 * HALF_LIFE_MS;
    expect((await login(user, 'Wrong-password-1', '192.0.2.200')).status).toBe(401);
    expect((await login(user, TEST_PASSWORD, '192.0.2.200')).status).toBe(200);
  });

  it('makes an address wait after failures on many accounts, not other addresses', async () => {
    now += 20 * HALF_LIFE_MS;
    const guesser = '198.51.100.66';
    for (let n = 1; n <= ADDRESS_RULE.free; n += 1) {
      expect((await login(`nobody${n}`, 'Wrong-password-1', guesser)).status).toBe(401);
    }
    const refused = await login('reviewer', TEST_PASSWORD, guesser);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('reviewer', TEST_PASSWORD, '198.51.100.67')).status).toBe(200);
  });

  it('audits every failed login with the name as typed and the address, never the password', async () => {
    now += 20 * HALF_LIFE_MS;
    const secret = 'Secret-guess-7731';
    const longName = `x${'y'.repeat(99)}`;
    expect((await login('officer', secret, '198.51.100.201')).status).toBe(401);
    expect((await login(longName, secret, '198.51.100.202')).status).toBe(401);
    const rows = await server.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login-failed')
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    const [unknown, known] = rows;
    expect(known?.after).toEqual({ username: 'officer', client: '198.51.100.201' });
    expect(known?.organ_id).toBe(server.organs.agency);
    expect(known?.actor_id).not.toBeNull();
    expect(unknown?.after).toEqual({ username: longName.slice(0, 64), client: '198.51.100.202' });
    expect(unknown?.actor_id).toBeNull();
    const all = await server.database.db.selectFrom('audit_log').selectAll().execute();
    expect(JSON.stringify(all)).not.toContain(secret);
  });

  it('checks an unknown name against a hash of no one, as it checks a known one', async () => {
    now += 20 * HALF_LIFE_MS;
    checked.length = 0;
    await login('officer', 'Wrong-password-1', '198.51.100.210');
    await login('no-such-user', 'Wrong-password-1', '198.51.100.211');
    await login('another-stranger', 'Wrong-password-1', '198.51.100.212');
    expect(checked).toHaveLength(3);
    const [known, dummy, dummyAgain] = checked;
    expect(dummy).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(dummy).toBe(dummyAgain);
    expect(dummy).not.toBe(known);
    const hashes = await server.database.db.selectFrom('users').select('password_hash').execute();
    expect(hashes.map((h) => h.password_hash)).toContain(known);
    expect(hashes.map((h) => h.password_hash)).not.toContain(dummy);
  });

  it('refuses a 10-million-character password with 400 before hashing it', async () => {
    now += 20 * HALF_LIFE_MS;
    checked.length = 0;
    const huge = await login('officer', 'A1-'.repeat(3_333_334), '198.51.100.220');
    expect(huge.status).toBe(400);
    expect(huge.body.error?.message).toMatch(/password/);
    expect(checked).toHaveLength(0);
    // The service bounds it too, for callers other than the route: a refusal of invalid input (400).
    const auth = new AuthService(server.database.db, () => now);
    await expect(auth.login('officer', 'x'.repeat(1025), 'cli')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'bad-request',
    });
    // A new account's password is bounded the same way.
    const admin = await server.login('sysadmin');
    const made = await admin.request('POST', `/api/organs/${server.organs.agency}/users`, {
      username: 'longpass',
      displayName: '长密码',
      role: 'officer',
      password: `Aa1-${'x'.repeat(1100)}`,
    });
    expect(made.status).toBe(400);
  });
});

describe.each(ENGINES)('proxy, cookie and security headers on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' };
  const cookieOf = (answer: Answer) => answer.headers.get('set-cookie') ?? '';

  it('sets a Secure cookie behind a trusted TLS proxy only', async () => {
    const credentials = { username: 'officer', password: TEST_PASSWORD };
    const trusting = createApp(server.services, { webDir: false, trustProxy: true });
    const direct = createApp(server.services, { webDir: false });
    expect(cookieOf(await post(trusting, credentials, https))).toMatch(/;\s*Secure/i);
    expect(cookieOf(await post(trusting, credentials, { 'x-forwarded-proto': 'http' }))).not.toMatch(/Secure/i);
    // Without the setting the header is anyone's word: no Secure (the server itself speaks plain HTTP).
    expect(cookieOf(await post(direct, credentials, https))).not.toMatch(/Secure/i);
  });

  it('counts failures by the forwarded address only when the proxy is trusted', async () => {
    // A clock that stands still, so that no wait runs out while the test runs.
    const auth = new AuthService(server.database.db, () => Date.UTC(2026, 2, 2, 9));
    const services = { ...server.services, auth };
    const direct = createApp(services, { webDir: false });
    const trusting = createApp(services, { webDir: false, trustProxy: true });
    for (let n = 0; n < ADDRESS_RULE.free; n += 1) {
      const wrong = { username: `nobody${n}`, password: 'Wrong-password-1' };
      expect((await post(direct, wrong, { 'x-forwarded-for': `203.0.113.${n}` })).status).toBe(401);
    }
    // Untrusted, X-Forwarded-For changed nothing: all those came from one (socketless) client.
    expect((await post(direct, { username: 'reviewer', password: TEST_PASSWORD })).status).toBe(429);
    expect((await post(trusting, { username: 'reviewer', password: TEST_PASSWORD }, https)).status).toBe(200);
  });

  it('takes the address from the socket, and the forwarded one only from a trusted proxy', async () => {
    const clients: string[] = [];
    for (const trustProxy of [false, true]) {
      const app = createApp(server.services, { webDir: false, trustProxy });
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => listening.once('listening', resolve));
      const { port } = listening.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1, 203.0.113.77' },
        body: JSON.stringify({ username: `socket-${String(trustProxy)}`, password: 'Wrong-password-1' }),
      });
      await new Promise((resolve) => listening.close(resolve));
      const row = await server.database.db
        .selectFrom('audit_log')
        .select('after')
        .where('action', '=', 'login-failed')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      clients.push((row.after as { client: string }).client);
    }
    expect(clients[0]).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(clients[1]).toBe('203.0.113.77');
  });

  it('answers with security headers and a content security policy', async () => {
    const answer = await server.app.request('/api/health');
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY.frameAncestors).toEqual(["'none'"]);
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(answer.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('the trust-proxy setting', () => {
  it('is off unless XXGK_TRUST_PROXY=1, and refuses a value it does not know', () => {
    expect(configFrom({}).trustProxy).toBe(false);
    expect(configFrom({ XXGK_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(configFrom({ XXGK_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(() => configFrom({ XXGK_TRUST_PROXY: 'yes' })).toThrow(/XXGK_TRUST_PROXY 应为 1/);
  });
});
