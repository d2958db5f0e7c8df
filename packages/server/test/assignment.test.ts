import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';
import { convertWithLibreOffice } from './support/office.js';

interface Outcome {
  id: number;
  serialNo: string | null;
  result: 'assigned' | 'refused';
  reason: string | null;
}
interface Note {
  kind: string;
  title: string;
  applicationId: number | null;
  read: boolean;
}

/*
 * 分派承办人: who may assign (the organ's 审核人 and 机关管理员), to whom (an active officer of the
 * same organ), which cases (open ones of the organ), each case of a batch answered on its own,
 * recorded in the audit log, told to the officer, and the officer's from then on.
 */
describe.each(ENGINES)('assigning cases to an officer on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  let organAdmin: TestClient;
  let path: string;
  let officerId: number;
  let officer2Id: number;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    [officer, reviewer, organAdmin] = await Promise.all([
      server.login('officer'),
      server.login('reviewer'),
      server.login('organadmin'),
    ]);
    path = `/api/organs/${server.organs.agency}/applications`;
    const officers = await reviewer.request<{ id: number; name: string }[]>(
      'GET',
      `/api/organs/${server.organs.agency}/assignees`,
    );
    expect(officers.body.map((o) => o.name)).toEqual(['officer', 'officer2']);
    [officerId, officer2Id] = officers.body.map((o) => o.id) as [number, number];
  });
  afterAll(() => server.close());

  const newCase = async () => (await officer.request('POST', path, intake())).body as { id: number; serialNo: string };
  const assign = (as: TestClient, ids: number[], assigneeId: number) =>
    as.request<{ assigned: number; refused: number; results: Outcome[] }>('POST', '/api/applications/assign', {
      ids,
      assigneeId,
    });
  const notes = async (as: TestClient) =>
    (await as.request<{ items: Note[] }>('GET', '/api/notifications?pageSize=200')).body.items;

  it('lets only the reviewer and the organ administrator assign, and only to an active officer of the organ', async () => {
    const { id } = await newCase();
    const byOfficer = await assign(officer, [id], officer2Id);
    expect(byOfficer.status).toBe(403);
    expect(JSON.stringify(byOfficer.body)).toContain('只有本机关的审核人、机关管理员可以分派申请');
    const supervisor = await server.login('supervisor');
    expect((await assign(supervisor, [id], officerId)).status).toBe(403);
    // The reviewer is no officer; another organ's officer is not one of this organ.
    const reviewerId = (await reviewer.request('GET', '/api/auth/me')).body.user.id as number;
    const toReviewer = await assign(reviewer, [id], reviewerId);
    expect(toReviewer.status).toBe(422);
    expect(JSON.stringify(toReviewer.body)).toContain('承办人应为本机关在岗的经办人');
    const other = await server.login('otherofficer');
    const otherId = (await other.request('GET', '/api/auth/me')).body.user.id as number;
    expect((await assign(reviewer, [id], otherId)).status).toBe(422);
    expect((await assign(organAdmin, [id], officerId)).body.assigned).toBe(1);
    expect((await officer.request('GET', `/api/applications/${id}`)).body.assignee).toEqual({
      id: officerId,
      name: 'officer',
    });
  });

  it('goes on past the cases it cannot assign and answers each one, with the reason in Chinese', async () => {
    const [a, b, closed] = [await newCase(), await newCase(), await newCase()];
    const version = (await officer.request('GET', `/api/applications/${closed.id}`)).body.version as number;
    const withdrawn = await officer.request('POST', `/api/applications/${closed.id}/actions`, {
      version,
      action: { type: 'withdraw', on: '2026-03-02', note: '申请人撤回' },
    });
    expect(withdrawn.status).toBe(200);
    const other = await server.login('otherofficer');
    const foreign = (await other.request('POST', `/api/organs/${server.organs.otherAgency}/applications`, intake()))
      .body.id as number;

    const batch = await assign(reviewer, [a.id, foreign, closed.id, b.id, 2_000_000], officer2Id);
    expect(batch.status).toBe(200);
    expect(batch.body.assigned).toBe(2);
    expect(batch.body.refused).toBe(3);
    expect(batch.body.results).toEqual([
      { id: a.id, serialNo: a.serialNo, result: 'assigned', reason: null },
      // Another organ's case reads as one that does not exist: its number is not given away.
      { id: foreign, serialNo: null, result: 'refused', reason: '申请不存在或不属于本机关' },
      { id: closed.id, serialNo: closed.serialNo, result: 'refused', reason: '申请已办结，不能再分派' },
      { id: b.id, serialNo: b.serialNo, result: 'assigned', reason: null },
      { id: 2_000_000, serialNo: null, result: 'refused', reason: '申请不存在或不属于本机关' },
    ]);
    expect((await other.request('GET', `/api/applications/${foreign}`)).body.assignee).toBeNull();
    // Assigned again to the same officer: refused, nothing changes.
    expect((await assign(reviewer, [a.id], officer2Id)).body.results[0]?.reason).toBe('已由officer2承办');

    // The list: 承办人 on each row, and the filters 按承办人 and 我承办的.
    const mine = await server.login('officer2');
    const list = await mine.request('GET', `${path}?assignee=me&pageSize=200`);
    expect(list.body.items.map((i: { id: number }) => i.id).sort()).toEqual([a.id, b.id].sort());
    expect(list.body.items[0].assignee).toEqual({ id: officer2Id, name: 'officer2' });
    const byId = await reviewer.request('GET', `${path}?assignee=${officer2Id}&pageSize=200`);
    expect(byId.body.total).toBe(2);
    const none = await reviewer.request('GET', `${path}?assignee=none&pageSize=200`);
    expect(none.body.items.every((i: { assignee: unknown }) => i.assignee === null)).toBe(true);
    expect(none.body.items.some((i: { id: number }) => i.id === closed.id)).toBe(true);
    expect((await reviewer.request('GET', `${path}?assignee=x1`)).status).toBe(400);

    // The XLSX 台账 of 我承办的, as LibreOffice reads it: the two cases, 承办人 in the last column.
    const xlsx = await mine.request('GET', `${path}/export?assignee=me`);
    const csv = await convertWithLibreOffice(
      xlsx.body as Uint8Array,
      'xlsx',
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
    );
    const lines = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
    expect(lines[1]?.at(-1)).toBe('承办人');
    expect(
      lines
        .slice(2)
        .map((line) => [line[0], line.at(-1)])
        .sort(),
    ).toEqual([a, b].map((c) => [c.serialNo, 'officer2']).sort());

    // Each assignment is in the audit log, with who had the case before.
    const audit = await reviewer.request('GET', `/api/audit?entity=application&entityId=${a.id}`);
    const entry = audit.body.find((e: { action: string }) => e.action === 'assign');
    expect(entry.before).toEqual({ assigneeId: null });
    expect(entry.after).toEqual({ assigneeId: officer2Id });
    expect(entry.actorName).toBe('reviewer');

    // The officer is told, in words naming the case only.
    const told = (await notes(mine)).filter((n) => n.kind === 'assigned' && n.applicationId === a.id);
    expect(told.map((n) => n.title)).toEqual([`申请${a.serialNo}已分派给您承办，答复期限2026-03-30`]);

    // Reassigned to officer: officer2's reminder of it is settled, officer is told.
    expect((await assign(reviewer, [a.id], officerId)).body.assigned).toBe(1);
    expect((await notes(mine)).find((n) => n.kind === 'assigned' && n.applicationId === a.id)?.read).toBe(true);
    expect((await notes(officer)).some((n) => n.kind === 'assigned' && n.applicationId === a.id)).toBe(true);

    // The workload counts the 承办人's cases in hand.
    const workload = await reviewer.request('GET', `/api/organs/${server.organs.agency}/workload?year=2026`);
    const row = workload.body.officers.find((o: { userId: number | null }) => o.userId === officer2Id);
    expect(row.inHand).toBe(1);
  });

  it('gives an assigned case’s deadline reminders to its assignee only', async () => {
    // Registered by officer, assigned to officer2: the reminder goes to officer2, not to officer.
    const { id, serialNo } = await newCase();
    expect((await assign(reviewer, [id], officer2Id)).body.assigned).toBe(1);
    const unassigned = await newCase();
    server.setToday('2026-03-25');
    try {
      await server.services.notifications.digest();
    } finally {
      server.setToday('2026-03-02');
    }
    const mine = await server.login('officer2');
    const dueOf = (list: Note[], caseId: number) =>
      list.filter((n) => n.kind === 'dueIn3' && n.applicationId === caseId).map((n) => n.title);
    expect(dueOf(await notes(mine), id)).toEqual([`申请${serialNo}距答复期限还有3个工作日，答复期限2026-03-30`]);
    expect(dueOf(await notes(officer), id)).toEqual([]);
    // An unassigned case still reminds who registered it, as before.
    expect(dueOf(await notes(officer), unassigned.id)).toHaveLength(1);
    expect(dueOf(await notes(mine), unassigned.id)).toEqual([]);
  });
});
