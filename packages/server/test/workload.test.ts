import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

describe.each(ENGINES)('workload and timeliness on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let officer2: TestClient;
  let reviewer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    officer2 = await server.login('officer2');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  /** Registers a case received on 2026-03-02 and answers it on `closeOn` (drafted by `as`). */
  async function answered(as: TestClient, closeOn: string) {
    const created = await as.request('POST', `/api/organs/${server.organs.agency}/applications`, intake());
    const id = created.body.id as number;
    server.setToday(closeOn);
    const draft = await as.request('POST', `/api/applications/${id}/actions`, {
      version: created.body.version,
      action: { type: 'draftAnswer', on: closeOn, outcome: 'granted' },
    });
    expect(draft.status).toBe(200);
    const approve = await reviewer.request('POST', `/api/applications/${id}/actions`, {
      version: draft.body.version,
      action: { type: 'approveAnswer', on: closeOn },
    });
    expect(approve.status).toBe(200);
    server.setToday('2026-03-02');
  }

  it('measures each officer and the organ: in hand, median and 90th percentile working days, share late', async () => {
    // officer: answers after 5 (03-09), 10 (03-16) and 22 (04-01, after the due date 03-30) working days.
    await answered(officer, '2026-03-09');
    await answered(officer, '2026-03-16');
    await answered(officer, '2026-04-01');
    // officer2: one answer after 1 working day, and two cases in hand.
    await answered(officer2, '2026-03-03');
    for (let i = 0; i < 2; i++)
      expect(
        (await officer2.request('POST', `/api/organs/${server.organs.agency}/applications`, intake())).status,
      ).toBe(201);
    server.setToday('2026-04-02');
    const result = await officer.request('GET', `/api/organs/${server.organs.agency}/workload?year=2026`);
    expect(result.status).toBe(200);
    expect(result.body.organ).toEqual({
      inHand: 2,
      answered: 4,
      medianWorkingDays: 7.5,
      p90WorkingDays: 18.4, // 10 + 12 × 0.7
      answeredLate: 1,
      lateShare: 0.25,
    });
    const byName = Object.fromEntries(result.body.officers.map((o: { name: string }) => [o.name, o]));
    expect(byName.officer).toMatchObject({ inHand: 0, answered: 3, medianWorkingDays: 10, lateShare: 1 / 3 });
    expect(byName.officer.p90WorkingDays).toBe(19.6); // 10 + 12 × 0.8
    expect(byName.officer2).toMatchObject({
      inHand: 2,
      answered: 1,
      medianWorkingDays: 1,
      p90WorkingDays: 1,
      lateShare: 0,
    });
    // Another year holds none of these answers, only the cases in hand.
    const other = await officer.request('GET', `/api/organs/${server.organs.agency}/workload?year=2025`);
    expect(other.body.organ).toMatchObject({ inHand: 2, answered: 0, medianWorkingDays: null, lateShare: null });
    server.setToday('2026-03-02');
  });

  it('shows the 政务公开办 every organ under its government, and nobody else', async () => {
    const supervisor = await server.login('supervisor');
    const result = await supervisor.request('GET', '/api/supervision/workload?year=2026');
    expect(result.status).toBe(200);
    expect(result.body.organs).toEqual([
      expect.objectContaining({ organName: '相山区应急管理局', inHand: 2, answered: 4, lateShare: 0.25 }),
    ]);
    expect(result.body.overall).toMatchObject({ inHand: 2, answered: 4, answeredLate: 1 });
    expect(
      (await (await server.login('foreignsupervisor')).request('GET', '/api/supervision/workload')).body.organs,
    ).toEqual([]);
    expect((await officer.request('GET', '/api/supervision/workload')).status).toBe(403);
    expect(
      (await (await server.login('otherofficer')).request('GET', `/api/organs/${server.organs.agency}/workload`))
        .status,
    ).toBe(404);
  });
});
