import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

interface YearFigures {
  year: number;
  received: number;
  concluded: number;
  outcomes: Record<string, number>;
  applicantKinds: Record<string, number>;
}
interface Statistics {
  year: number;
  years: number[];
  outcomeLabels: { key: string; label: string }[];
  total: YearFigures[];
  organs: { organId: number; organName: string; years: YearFigures[] }[];
}

describe.each(ENGINES)('依申请公开 statistics for the 政务公开办 on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(engine, '2024-03-01');
  });
  afterAll(() => server.close());

  async function register(client: TestClient, organ: number, receivedOn: string, applicantKind: string) {
    server.setToday(receivedOn);
    const created = await client.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({ submittedOn: receivedOn, receivedOn, applicantKind: applicantKind as 'natural' }),
    );
    expect(created.status).toBe(201);
    return created.body.id as number;
  }

  async function close(officer: TestClient, reviewer: TestClient, id: number, outcome: string, on: string) {
    server.setToday(on);
    const detail = (await officer.request('GET', `/api/applications/${id}`)).body;
    const drafted = await officer.request('POST', `/api/applications/${id}/actions`, {
      version: detail.version,
      action: { type: 'draftAnswer', on, outcome },
    });
    expect(drafted.status).toBe(200);
    const closed = await reviewer.request('POST', `/api/applications/${id}/actions`, {
      version: drafted.body.version,
      action: { type: 'approveAnswer', on },
    });
    expect(closed.status).toBe(200);
  }

  it('counts by 办理结果 and applicant kind per organ, summed, year over year; only organs under the government', async () => {
    const officer = await server.login('officer');
    const reviewer = await server.login('reviewer');
    const otherOfficer = await server.login('otherofficer');
    const otherReviewer = await server.login('otherreviewer');
    const { agency, otherAgency, government } = server.organs;

    // 2024: the agency concludes one granted; 2025: two (granted, unable.notHeld) and one still open.
    const a = await register(officer, agency, '2024-03-04', 'natural');
    await close(officer, reviewer, a, 'granted', '2024-03-15');
    const b = await register(officer, agency, '2025-04-01', 'business');
    const c = await register(officer, agency, '2025-04-02', 'natural');
    await register(officer, agency, '2025-12-29', 'legal');
    await close(officer, reviewer, b, 'granted', '2025-04-10');
    await close(officer, reviewer, c, 'unable.notHeld', '2025-04-20');
    // The other agency: one received in 2025, concluded partially in 2025.
    const d = await register(otherOfficer, otherAgency, '2025-06-02', 'research');
    await close(otherOfficer, otherReviewer, d, 'partial', '2025-06-10');

    server.setToday('2026-02-02');
    const supervisor = await server.login('supervisor');
    const response = await supervisor.request<Statistics>('GET', '/api/supervision/2025/statistics');
    expect(response.status).toBe(200);
    const stats = response.body;
    expect(stats.years).toEqual([2023, 2024, 2025]);
    expect(stats.outcomeLabels.find((o) => o.key === 'granted')?.label).toBe('予以公开');

    const byName = Object.fromEntries(stats.organs.map((o) => [o.organName, o]));
    expect(Object.keys(byName).sort()).toEqual(['相山区人民政府', '相山区应急管理局', '相山区教育局'].sort());
    const agency2025 = byName['相山区应急管理局']?.years.find((y) => y.year === 2025);
    expect(agency2025).toMatchObject({
      received: 3,
      concluded: 2,
      outcomes: { granted: 1, 'unable.notHeld': 1 },
      applicantKinds: { business: 1, natural: 1, legal: 1 },
    });
    const agency2024 = byName['相山区应急管理局']?.years.find((y) => y.year === 2024);
    expect(agency2024).toMatchObject({ received: 1, concluded: 1, outcomes: { granted: 1 } });
    expect(byName['相山区教育局']?.years.find((y) => y.year === 2025)).toMatchObject({
      received: 1,
      outcomes: { partial: 1 },
      applicantKinds: { research: 1 },
    });
    expect(byName['相山区人民政府']?.organId).toBe(government);

    const total2025 = stats.total.find((y) => y.year === 2025);
    expect(total2025).toMatchObject({
      received: 4,
      concluded: 3,
      outcomes: { granted: 1, 'unable.notHeld': 1, partial: 1 },
    });
    expect(stats.total.find((y) => y.year === 2023)).toMatchObject({ received: 0, concluded: 0 });

    // The foreign government's 政务公开办 sees its own organs only, and none of these figures.
    const foreign = await server.login('foreignsupervisor');
    const theirs = await foreign.request<Statistics>('GET', '/api/supervision/2025/statistics');
    expect(theirs.status).toBe(200);
    expect(theirs.body.organs.map((o) => o.organName)).toEqual(['杜集区人民政府']);
    expect(theirs.body.total.every((y) => y.received === 0 && y.concluded === 0)).toBe(true);

    // Organ staff are refused.
    const refused = await officer.request('GET', '/api/supervision/2025/statistics');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('政务公开办');
  });
});
