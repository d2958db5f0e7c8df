import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProse } from '../src/demo/prose.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

type Status = 'notStarted' | 'draft' | 'published' | 'late';
interface Summary {
  year: number;
  deadline: string;
  today: string;
  totals: Record<Status, number>;
  late: { organId: number; organName: string }[];
}
interface OrganRow {
  organId: number;
  organName: string;
  status: Status;
  reportStatus: string;
  findings: { error: number; warning: number; info: number };
  applications: { received: number; open: number };
}
interface OrganPage {
  total: number;
  items: OrganRow[];
}

/** Enough organs beside the test server's three that the table takes two pages of 20. */
const NUMBERED = 25;
const numbered = (n: number) => `相山区测试局${String(n).padStart(2, '0')}`;
/** A name with LIKE's wildcard in it: searching '%' must find it alone. */
const PERCENT_NAME = '相山区“100%”服务中心';

describe.each(ENGINES)('the 政务公开办’s supervision of annual reports on %s', (engine) => {
  let server: TestServer;
  let supervisor: TestClient;
  const statuses = (page: OrganPage) => page.items.map((o) => o.status);

  beforeAll(async () => {
    server = await startTestServer(engine, '2024-12-20');
    const parentId = server.organs.government;
    for (let n = 1; n <= NUMBERED; n += 1) {
      await server.services.organs.create(null, { parentId, name: numbered(n), kind: 'department', code: `T${n}` });
    }
    await server.services.organs.create(null, { parentId, name: PERCENT_NAME, kind: 'department', code: 'PCT' });
    supervisor = await server.login('supervisor');
  });
  afterAll(() => server.close());

  async function organs(query = '') {
    const response = await supervisor.request<OrganPage>('GET', `/api/supervision/2025/organs${query}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function summary(client = supervisor) {
    const response = await client.request<Summary>('GET', '/api/supervision/2025');
    expect(response.status).toBe(200);
    return response.body;
  }

  it('pages the organs before the deadline: not started, then draft, then published, with findings and applications', async () => {
    // The agency: one application of 2024 (not counted), two of 2025 of which one is closed.
    const officer = await server.login('officer');
    const reviewer = await server.login('reviewer');
    const agency = server.organs.agency;
    await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ submittedOn: '2024-12-19', receivedOn: '2024-12-20' }),
    );
    server.setToday('2025-03-03');
    const first = await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ submittedOn: '2025-03-01', receivedOn: '2025-03-03' }),
    );
    await officer.request(
      'POST',
      `/api/organs/${agency}/applications`,
      intake({ submittedOn: '2025-03-01', receivedOn: '2025-03-03' }),
    );
    server.setToday('2025-03-10');
    const detail = (await officer.request('GET', `/api/applications/${first.body.id}`)).body;
    const drafted = await officer.request('POST', `/api/applications/${first.body.id}/actions`, {
      version: detail.version,
      action: { type: 'draftAnswer', on: '2025-03-10', outcome: 'granted' },
    });
    expect(drafted.status).toBe(200);
    const closed = await reviewer.request('POST', `/api/applications/${first.body.id}/actions`, {
      version: drafted.body.version,
      action: { type: 'approveAnswer', on: '2025-03-10' },
    });
    expect(closed.status).toBe(200);

    // The agency compiles a draft; the 教育局 publishes on time.
    server.setToday('2026-01-10');
    const compiled = await officer.request('POST', `/api/organs/${agency}/reports/2025/compile`);
    expect(compiled.status).toBe(200);
    const other = server.organs.otherAgency;
    const otherOfficer = await server.login('otherofficer');
    let state = (await otherOfficer.request('POST', `/api/organs/${other}/reports/2025/compile`)).body;
    state = (
      await otherOfficer.request('PUT', `/api/organs/${other}/reports/2025/sections`, {
        version: state.version,
        sections: demoProse('相山区教育局', 2025),
      })
    ).body;
    const published = await (
      await server.login('otherreviewer')
    ).request('POST', `/api/organs/${other}/reports/2025/publish`, { version: state.version });
    expect(published.body).toMatchObject({ status: 'published', late: false });

    const all = 3 + NUMBERED + 1;
    expect(await summary()).toMatchObject({
      deadline: '2026-01-31',
      today: '2026-01-10',
      totals: { notStarted: all - 2, draft: 1, published: 1, late: 0 },
      late: [],
    });
    const page1 = await organs('?pageSize=20');
    expect(page1.total).toBe(all);
    expect(statuses(page1)).toEqual(Array(20).fill('notStarted'));
    // Within a status, in tree order: the government before the organs under it.
    expect(page1.items[0]?.organName).toBe('相山区人民政府');
    const page2 = await organs('?pageSize=20&page=2');
    expect(statuses(page2)).toEqual([...Array(all - 22).fill('notStarted'), 'draft', 'published']);
    const agencyRow = page2.items.find((o) => o.organId === agency);
    expect(agencyRow).toMatchObject({ reportStatus: 'draft', applications: { received: 2, open: 1 } });
    const { error = 0, warning = 0, info = 0 } = agencyRow?.findings ?? {};
    expect(error + warning + info).toBe(compiled.body.findings.length);
    expect(error).toBeGreaterThan(0);
    expect(page2.items.at(-1)).toMatchObject({ organId: other, status: 'published', reportStatus: 'published' });
    // The two pages are every organ once.
    const ids = new Set([...page1.items, ...page2.items].map((o) => o.organId));
    expect(ids.size).toBe(all);

    expect((await organs('?status=draft')).items.map((o) => o.organId)).toEqual([agency]);
  });

  it('after the deadline puts the late first, and the summary names every late organ, past one page', async () => {
    server.setToday('2026-02-02');
    const all = 3 + NUMBERED + 1;
    const totals = await summary();
    expect(totals.totals).toEqual({ notStarted: 0, draft: 0, published: 1, late: all - 1 });
    expect(totals.late).toHaveLength(all - 1);
    expect(totals.late.map((o) => o.organName)).toEqual(
      expect.arrayContaining(['相山区人民政府', '相山区应急管理局', numbered(1), numbered(NUMBERED), PERCENT_NAME]),
    );
    expect(totals.late.map((o) => o.organName)).not.toContain('相山区教育局');

    const page1 = await organs();
    const page2 = await organs('?page=2');
    expect(page1.total).toBe(all);
    expect(statuses(page1)).toEqual(Array(20).fill('late'));
    expect(statuses(page2)).toEqual([...Array(all - 21).fill('late'), 'published']);
    expect([...page1.items, ...page2.items].find((o) => o.organId === server.organs.agency)).toMatchObject({
      status: 'late',
      reportStatus: 'draft',
    });

    const late = await organs('?status=late&pageSize=200');
    expect(late.total).toBe(all - 1);
    expect(late.items.map((o) => o.organId)).toEqual(totals.late.map((o) => o.organId));
    expect((await organs('?status=published')).items.map((o) => o.organName)).toEqual(['相山区教育局']);
    expect(await organs('?status=notStarted')).toEqual({ total: 0, items: [] });
  });

  it('searches organ names, its wildcards taken literally, with the status filter and paging', async () => {
    const zeroes = await organs(`?q=${encodeURIComponent('测试局0')}&status=late&pageSize=5&page=2`);
    expect(zeroes.total).toBe(9);
    expect(zeroes.items).toHaveLength(4);
    expect(zeroes.items.every((o) => o.organName.includes('测试局0'))).toBe(true);
    expect((await organs(`?q=${encodeURIComponent('测试局0')}&status=published`)).total).toBe(0);
    expect((await organs(`?q=${encodeURIComponent('%')}`)).items.map((o) => o.organName)).toEqual([PERCENT_NAME]);
    expect((await organs(`?q=${encodeURIComponent('100%”')}`)).items.map((o) => o.organName)).toEqual([PERCENT_NAME]);
    expect((await organs('?q=_')).total).toBe(0);
    expect((await organs(`?q=${encodeURIComponent('\\')}`)).total).toBe(0);
    // Blank is no search.
    expect((await organs('?q=%20')).total).toBe(3 + NUMBERED + 1);
  });

  it('shows each government its own organs only, and refuses organ staff and bad queries', async () => {
    const foreign = await server.login('foreignsupervisor');
    expect((await summary(foreign)).totals).toEqual({ notStarted: 0, draft: 0, published: 0, late: 1 });
    const theirs = await foreign.request<OrganPage>('GET', '/api/supervision/2025/organs');
    expect(theirs.body.items.map((o) => o.organName)).toEqual(['杜集区人民政府']);
    const everyone = await (await server.login('sysadmin')).request<OrganPage>('GET', '/api/supervision/2025/organs');
    expect(everyone.body.total).toBe(3 + NUMBERED + 1 + 1);

    const officer = await server.login('officer');
    for (const path of ['/api/supervision/2025', '/api/supervision/2025/organs']) {
      const refused = await officer.request('GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('政务公开办');
    }
    expect((await supervisor.request('GET', '/api/supervision/2025/organs?status=overdue')).status).toBe(400);
    expect((await supervisor.request('GET', '/api/supervision/2025/organs?pageSize=201')).status).toBe(400);
    expect((await server.anonymous().request('GET', '/api/supervision/2025/organs')).status).toBe(401);
  });
});
