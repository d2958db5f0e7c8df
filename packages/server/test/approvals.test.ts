import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, TEST_PASSWORD, type TestClient, type TestServer } from './support/http.js';

interface Detail {
  id: number;
  version: number;
  status: string;
  allowedActions: string[];
  events: { type: string; actorName: string | null; data: Record<string, unknown> | null }[];
}

describe.each(ENGINES)('the approver is another person than the drafter on %s', (engine) => {
  let server: TestServer;
  let reviewer: TestClient;
  let reviewer2: TestClient;
  let path: string;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    await server.services.organs.createUser(null, {
      organId: server.organs.agency,
      username: 'reviewer2',
      displayName: '第二审核人',
      role: 'reviewer',
      password: TEST_PASSWORD,
    });
    reviewer = await server.login('reviewer');
    reviewer2 = await server.login('reviewer2');
    path = `/api/organs/${server.organs.agency}/applications`;
  });
  afterAll(() => server.close());

  const detail = async (id: number, as: TestClient) =>
    (await as.request<Detail>('GET', `/api/applications/${id}`)).body;
  async function act(id: number, action: Record<string, unknown>, as: TestClient) {
    const { version } = await detail(id, as);
    return as.request<Detail & { error?: { code: string; message: string } }>(
      'POST',
      `/api/applications/${id}/actions`,
      { version, action },
    );
  }
  async function drafted(as: TestClient): Promise<number> {
    const created = await as.request('POST', path, intake());
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await act(id, { type: 'draftAnswer', on: '2026-03-02', outcome: 'granted' }, as)).status).toBe(200);
    return id;
  }
  const setAllowed = (as: TestClient, allowSelfApproval: boolean, organ = server.organs.agency) =>
    as.request('PUT', `/api/organs/${organ}/settings`, { allowSelfApproval });

  it('refuses to let a reviewer approve the answer they drafted, and offers no such button', async () => {
    const id = await drafted(reviewer);
    expect((await detail(id, reviewer)).allowedActions).not.toContain('approveAnswer');
    expect((await detail(id, reviewer2)).allowedActions).toContain('approveAnswer');
    const refused = await act(id, { type: 'approveAnswer', on: '2026-03-02' }, reviewer);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('self-approval');
    expect(refused.body.error?.message).toMatch(/审核通过并答复/);
    const approved = await act(id, { type: 'approveAnswer', on: '2026-03-02' }, reviewer2);
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('closed');
    expect(approved.body.events.at(-1)?.data?.selfApproval).toBeUndefined();
  });

  it("refuses the extension's asker as its approver too", async () => {
    const created = await reviewer.request('POST', path, intake());
    const id = created.body.id as number;
    const reason = '需调取多个科室档案';
    expect((await act(id, { type: 'requestExtension', on: '2026-03-02', days: 10, reason }, reviewer)).status).toBe(
      200,
    );
    const refused = await act(id, { type: 'approveExtension', on: '2026-03-02' }, reviewer);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('self-approval');
    expect((await act(id, { type: 'approveExtension', on: '2026-03-02' }, reviewer2)).status).toBe(200);
  });

  it('lets an organ of one officer allow self-approval, set by its administrator, and marks each one', async () => {
    const officer = await server.login('officer');
    const organAdmin = await server.login('organadmin');
    const otherReviewer = await server.login('otherreviewer');
    expect((await setAllowed(officer, true)).status).toBe(403);
    expect((await setAllowed(otherReviewer, true)).status).toBe(403);
    const set = await setAllowed(organAdmin, true);
    expect(set.status).toBe(200);
    expect(set.body.allowSelfApproval).toBe(true);
    const organs = await organAdmin.request('GET', '/api/organs');
    expect(organs.body.find((o: { id: number }) => o.id === server.organs.agency).allowSelfApproval).toBe(true);

    const id = await drafted(reviewer);
    expect((await detail(id, reviewer)).allowedActions).toContain('approveAnswer');
    const approved = await act(id, { type: 'approveAnswer', on: '2026-03-02' }, reviewer);
    expect(approved.status).toBe(200);
    const last = approved.body.events.at(-1);
    expect(last?.type).toBe('approveAnswer');
    expect(last?.data?.selfApproval).toBe(true);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'application')
      .where('entity_id', '=', String(id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('approveAnswer');
    expect(audit.after).toMatchObject({ selfApproval: true });
    const settingsAudit = await server.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity', '=', 'organ')
      .where('action', '=', 'settings')
      .executeTakeFirstOrThrow();
    expect(settingsAudit).toEqual({ before: { allowSelfApproval: false }, after: { allowSelfApproval: true } });

    // Turned off again (by the system administrator): refused again at once.
    expect((await setAllowed(await server.login('sysadmin'), false)).body.allowSelfApproval).toBe(false);
    const next = await drafted(reviewer);
    expect((await act(next, { type: 'approveAnswer', on: '2026-03-02' }, reviewer)).status).toBe(422);
  });
});
