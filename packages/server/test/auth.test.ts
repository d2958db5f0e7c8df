import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../src/features/auth/service.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from './support/http.js';

describe.each(ENGINES)('login, sessions and CSRF on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server.close());

  it('logs in with the right password only, with the same answer for unknown names', async () => {
    const anonymous = server.anonymous();
    const wrong = await anonymous.request('POST', '/api/auth/login', { username: 'officer', password: 'nope' });
    const unknown = await anonymous.request('POST', '/api/auth/login', { username: 'nobody', password: TEST_PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.message).toBe('用户名或密码错误');
    const ok = await anonymous.request('POST', '/api/auth/login', { username: 'officer', password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toMatch(/xxgk_session=[^;]+;.*HttpOnly/i);
    expect(ok.body.user.role).toBe('officer');
  });

  it('refuses requests without a session, and changes without the CSRF token', async () => {
    const anonymous = server.anonymous();
    expect((await anonymous.request('GET', `/api/organs/${server.organs.agency}/applications`)).status).toBe(401);
    const officer = await server.login('officer');
    const forged = await server.app.request(`/api/organs/${server.organs.agency}/applications`, {
      method: 'POST',
      headers: { cookie: officer.cookie as string, 'content-type': 'application/json' },
      body: JSON.stringify(intake()),
    });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf');
    const me = await officer.request('GET', '/api/auth/me');
    expect(me.body.csrfToken).toBe(officer.csrfToken);
  });

  it('ends the session at logout', async () => {
    const officer = await server.login('officer');
    expect((await officer.request('POST', '/api/auth/logout')).status).toBe(200);
    const after = await officer.request('GET', '/api/auth/me');
    // Asking who is logged in is no error: the answer is nobody.
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ user: null, csrfToken: null });
  });

  it('takes a session on trust for 5 seconds at most after the database forgot it', async () => {
    let now = Date.now();
    const auth = new AuthService(server.database.db, () => now);
    const { token } = await auth.login('officer', TEST_PASSWORD);
    expect((await auth.session(token))?.actor.role).toBe('officer');
    // Another server process logs the session out: this one still knows it, for a moment only.
    await server.database.db.deleteFrom('sessions').execute();
    expect(await auth.session(token)).toBeDefined();
    now += 5_001;
    expect(await auth.session(token)).toBeUndefined();
  });

  it('serves health and the OpenAPI description', async () => {
    const anonymous = server.anonymous();
    expect((await anonymous.request('GET', '/api/health')).body).toEqual({ status: 'ok' });
    const doc = await anonymous.request('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/organs/{organId}/applications',
        '/api/applications/{id}/actions',
      ]),
    );
  });

  it('records logins in the audit log', async () => {
    await server.login('reviewer');
    const admin = await server.login('sysadmin');
    const log = await admin.request('GET', '/api/audit?entity=session');
    expect(
      log.body.some((e: { action: string; actorName: string }) => e.action === 'login' && e.actorName === 'reviewer'),
    ).toBe(true);
  });
});
