import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, type DemoSummary } from '../src/demo/seed.js';
import { createApp } from '../src/http/app.js';
import { createServices } from '../src/services.js';
import { DEMO_PASSWORD } from '../src/demo/organs.js';
import { openTestDatabase, type TestDatabase } from './support/databases.js';

/** The demo `npm start` loads: every role can log in and finds work, reports and findings waiting. */
describe('demo data', () => {
  const today = '2026-11-23';
  let database: TestDatabase;
  let summary: DemoSummary;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    const loaded = await loadDemo(database.db, today);
    if (!loaded) throw new Error('演示数据未载入');
    summary = loaded;
    app = createApp(createServices(database.db, { today: () => today }));
  }, 300_000);
  afterAll(() => database.close());

  async function login(username: string) {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const body = (await response.json()) as { user: { organId: number } };
    return { cookie, organId: body.user.organId };
  }

  it('has an account of every role', () => {
    expect(new Set(summary.users.map((u) => u.role))).toEqual(
      new Set(['officer', 'reviewer', 'organAdmin', 'supervisor', 'sysAdmin']),
    );
    expect(summary.applications).toBeGreaterThan(250);
  });

  it('names each applicant as the kind it is counted under (a law firm is a 法律服务机构)', async () => {
    const rows = await database.db.selectFrom('applications').select(['applicant_kind', 'applicant_name']).execute();
    const kindsOf = (pattern: RegExp) =>
      new Set(rows.filter((r) => pattern.test(r.applicant_name)).map((r) => r.applicant_kind));
    expect(kindsOf(/律师事务所|法律服务所/)).toEqual(new Set(['legal']));
    expect(kindsOf(/有限公司|集团/)).toEqual(new Set(['business']));
    expect(kindsOf(/课题组/)).toEqual(new Set(['research']));
    expect(kindsOf(/协会/)).toEqual(new Set(['ngo']));
  });

  it('gives the officer open cases, some due soon', async () => {
    const { cookie, organId } = await login('yj.jbr');
    const response = await app.request(`/api/organs/${organId}/applications?open=true&pageSize=200`, {
      headers: { cookie },
    });
    const page = (await response.json()) as { total: number; items: { workingDaysLeft: number | null }[] };
    expect(page.total).toBeGreaterThan(3);
    expect(page.items.some((item) => item.workingDaysLeft !== null && item.workingDaysLeft <= 3)).toBe(true);
  });

  it('shows the supervisor last year on time, late, in draft and not started', async () => {
    const { cookie } = await login('gkb');
    const response = await app.request('/api/supervision/2025/organs?pageSize=200', { headers: { cookie } });
    const body = (await response.json()) as { items: { organName: string; status: string }[] };
    const status = Object.fromEntries(body.items.map((o) => [o.organName, o.status]));
    expect(status).toMatchObject({
      相山区应急管理局: 'published',
      相山区教育局: 'late',
      相山区人力资源和社会保障局: 'late',
      相山区市场监督管理局: 'late',
    });
  });

  it("leaves its drafts as the records give them: the 人社局's 2025 and the 应急管理局's 2026 are not stale", async () => {
    for (const [username, year] of [
      ['rs.jbr', 2025],
      ['yj.jbr', 2026],
    ] as const) {
      const { cookie, organId } = await login(username);
      const response = await app.request(`/api/organs/${organId}/reports/${year}`, { headers: { cookie } });
      const state = (await response.json()) as { status: string; stale: unknown[]; yearEnded: boolean };
      expect(state).toMatchObject({ status: 'draft', stale: [], yearEnded: year === 2025 });
    }
  });
});
