import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_QUEUES, type CaseQueue } from '../src/features/applications/repository.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

interface CaseDetailBody {
  id: number;
  status: string;
  deadline: { overdue: boolean; workingDaysLeft: number | null; paused: boolean } | null;
  state: { extension?: { approvedOn?: string; rejectedOn?: string } };
}

/** The queues a case belongs in by its own deadline, worked out as the case page shows it. */
function queuesOf(detail: CaseDetailBody, soon: number): CaseQueue[] {
  const { deadline, state } = detail;
  const queues: CaseQueue[] = ['open'];
  if (deadline?.overdue) queues.push('overdue');
  else if (deadline?.workingDaysLeft != null && deadline.workingDaysLeft <= soon) queues.push('dueSoon');
  const extensionPending = state.extension && !state.extension.approvedOn && !state.extension.rejectedOn;
  if (detail.status === 'answerPending' || extensionPending) queues.push('awaitingReview');
  if (deadline?.paused) queues.push('paused');
  if (!deadline) queues.push('noDueDate');
  return queues;
}

describe.each(ENGINES)('applications over HTTP on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  let path: string;
  beforeAll(async () => {
    server = await startTestServer(engine);
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
    path = `/api/organs/${server.organs.agency}/applications`;
  });
  afterAll(() => server.close());

  async function act(id: number, action: Record<string, unknown>, as: TestClient = officer) {
    const current = await as.request('GET', `/api/applications/${id}`);
    const response = await as.request('POST', `/api/applications/${id}/actions`, {
      version: current.body.version,
      action,
    });
    if (response.status !== 200)
      throw new Error(`${String(action.type)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  it('counts 20 working days across 国庆 2026 with its 调休 Saturday, then 补正, a third-party pause and an extension', async () => {
    server.setToday('2026-09-28');
    const created = await officer.request(
      'POST',
      path,
      intake({ submittedOn: '2026-09-27', receivedOn: '2026-09-28' }),
    );
    expect(created.status).toBe(201);
    // 9/29, 9/30, (10/1–10/7 国庆), 10/8, 10/9, 10/10 (调休上班的周六), 10/12 … the 20th is 10/30.
    expect(created.body.dueOn).toBe('2026-10-30');
    expect(created.body.serialNo).toBe('〔2026〕XSYJ依申第1号');
    const id = created.body.id as number;

    server.setToday('2026-09-30');
    let detail = await act(id, {
      type: 'requestCorrection',
      on: '2026-09-30',
      note: '请写明所需信息的文号或其他特征性描述',
    });
    expect(detail.status).toBe('awaitingCorrection');
    expect(detail.dueOn).toBeNull();
    expect(detail.deadline.paused).toBe(true);

    server.setToday('2026-10-09');
    detail = await act(id, { type: 'receiveCorrection', on: '2026-10-09' });
    // The period runs again from the corrected application: 10/10 is the first of 20 → 11/5.
    expect(detail.dueOn).toBe('2026-11-05');

    server.setToday('2026-10-12');
    detail = await act(id, { type: 'startConsultation', on: '2026-10-12', note: '涉及第三方商业秘密' });
    expect(detail.status).toBe('consulting');
    expect(detail.deadline.consultationDueOn).toBe('2026-11-02');
    server.setToday('2026-10-16');
    detail = await act(id, { type: 'endConsultation', on: '2026-10-16' });
    // 10/13–10/16 (4 working days) did not count: 11/5 moves to 11/11.
    expect(detail.dueOn).toBe('2026-11-11');

    server.setToday('2026-11-02');
    await act(id, { type: 'requestExtension', on: '2026-11-02', days: 15, reason: '需调取多个科室档案' });
    detail = await act(id, { type: 'approveExtension', on: '2026-11-02' }, reviewer);
    expect(detail.dueOn).toBe('2026-12-02');

    server.setToday('2026-11-20');
    detail = await act(id, { type: 'draftAnswer', on: '2026-11-20', outcome: 'partial' });
    expect(detail.status).toBe('answerPending');
    expect(detail.allowedActions).not.toContain('approveAnswer'); // the officer asked: only a reviewer approves
    const approved = await act(id, { type: 'approveAnswer', on: '2026-11-20' }, reviewer);
    expect(approved).toMatchObject({ status: 'closed', outcome: 'partial', closedOn: '2026-11-20' });
    expect(approved.deadline.answeredLate).toBe(false);
    expect(approved.events.map((e: { type: string }) => e.type)).toEqual([
      'intake',
      'requestCorrection',
      'receiveCorrection',
      'startConsultation',
      'endConsultation',
      'requestExtension',
      'approveExtension',
      'draftAnswer',
      'approveAnswer',
    ]);

    const audit = await (
      await server.login('organadmin')
    ).request('GET', `/api/audit?entity=application&entityId=${id}&pageSize=50`);
    expect(audit.body.map((e: { action: string }) => e.action).reverse()).toEqual(
      approved.events.map((e: { type: string }) => e.type),
    );
    const approval = audit.body[0];
    expect(approval).toMatchObject({
      actorName: 'reviewer',
      before: { status: 'answerPending' },
      after: { status: 'closed', outcome: 'partial' },
    });
  });

  it('refuses unlawful moves with the reason, in Chinese', async () => {
    server.setToday('2026-03-02');
    const created = await officer.request('POST', path, intake());
    const id = created.body.id as number;
    const tooLate = await officer.request('POST', `/api/applications/${id}/actions`, {
      version: created.body.version,
      action: { type: 'lapseCorrection', on: '2026-03-02' },
    });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.message).toMatch(/补正/);
    const future = await officer.request('POST', `/api/applications/${id}/actions`, {
      version: created.body.version,
      action: { type: 'withdraw', on: '2026-03-09', note: '撤回' },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('晚于今天');
    const byOfficer = await officer.request('POST', `/api/applications/${id}/actions`, {
      version: created.body.version,
      action: { type: 'approveExtension', on: '2026-03-02' },
    });
    expect(byOfficer.status).toBe(403);
  });

  it('takes the receipt date the channel gives (第三十一条)', async () => {
    server.setToday('2026-03-02');
    const inPerson = await officer.request(
      'POST',
      path,
      intake({ channel: 'inPerson', submittedOn: '2026-02-27', receivedOn: '2026-03-02' }),
    );
    expect(inPerson.status).toBe(400);
    expect(inPerson.body.error.message).toContain('当面提交');
    const beforeSent = await officer.request(
      'POST',
      path,
      intake({ submittedOn: '2026-03-02', receivedOn: '2026-02-27' }),
    );
    expect(beforeSent.status).toBe(400);
    const noContact = await officer.request('POST', path, intake({ applicantPhone: undefined }));
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.details[0].message).toContain('联系方式');
  });

  it('lets only one of two officers acting at once win; the other is told to reload', async () => {
    server.setToday('2026-03-02');
    const created = await officer.request('POST', path, intake());
    const officer2 = await server.login('officer2');
    const body = (type: string) => ({
      version: created.body.version,
      action: { type, on: '2026-03-02', note: '同时操作' },
    });
    const results = await Promise.all([
      officer.request('POST', `/api/applications/${created.body.id}/actions`, body('startConsultation')),
      officer2.request('POST', `/api/applications/${created.body.id}/actions`, body('withdraw')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.message).toContain('已被他人修改');
    const events = (await officer.request('GET', `/api/applications/${created.body.id}`)).body.events;
    expect(events).toHaveLength(2);
  });

  it('loses nothing when many intakes arrive at once, and numbers them without gaps', async () => {
    server.setToday('2026-06-01');
    const count = 40;
    const responses = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        officer.request(
          'POST',
          path,
          intake({ applicantName: `并发${i}`, submittedOn: '2026-05-29', receivedOn: '2026-06-01' }),
        ),
      ),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const list = await officer.request('GET', `${path}?q=${encodeURIComponent('并发')}&pageSize=100`);
    expect(list.body.total).toBe(count);
    const numbers = list.body.items.map((item: { serialNo: string }) => Number(/第(\d+)号/.exec(item.serialNo)?.[1]));
    expect(new Set(numbers).size).toBe(count);
  });

  it('lists what is due within 3 working days and what is late, soonest first', async () => {
    server.setToday('2026-04-01');
    const old = await officer.request('POST', path, intake({ submittedOn: '2026-03-02', receivedOn: '2026-03-03' }));
    const recent = await officer.request('POST', path, intake({ submittedOn: '2026-03-31', receivedOn: '2026-04-01' }));
    server.setToday('2026-04-02');
    const due = await officer.request('GET', `${path}?dueWithin=3&pageSize=200`);
    const ids = due.body.items.map((item: { id: number }) => item.id);
    expect(ids).toContain(old.body.id);
    expect(ids).not.toContain(recent.body.id);
    const oldItem = due.body.items.find((item: { id: number }) => item.id === old.body.id);
    expect(oldItem.workingDaysLeft).toBeLessThanOrEqual(3);
    const dashboard = await officer.request('GET', `/api/organs/${server.organs.agency}/dashboard`);
    const openItems = await officer.request('GET', `${path}?open=true&pageSize=200`);
    const left = openItems.body.items.map((i: { workingDaysLeft: number | null; overdue: boolean }) => i);
    expect(dashboard.body).toMatchObject({
      open: openItems.body.total,
      overdue: left.filter((i: { overdue: boolean }) => i.overdue).length,
      dueSoon: left.filter(
        (i: { overdue: boolean; workingDaysLeft: number | null }) =>
          !i.overdue && i.workingDaysLeft !== null && i.workingDaysLeft <= 3,
      ).length,
    });
    expect(dashboard.body.dueSoon + dashboard.body.overdue).toBeGreaterThan(0);
  });

  it('lists for each dashboard count exactly the cases it counts, as each case’s own deadline has them', async () => {
    const dashboardPath = `/api/organs/${server.organs.agency}/dashboard`;
    const register = async (on: string) =>
      (await officer.request('POST', path, intake({ submittedOn: on, receivedOn: on }))).body as {
        id: number;
        dueOn: string | null;
      };
    // One case for every queue: late, due on the day counted, waiting for the reviewer, paused.
    server.setToday('2026-10-12');
    await register('2026-10-12');
    const on = '2026-11-16';
    server.setToday(on);
    const due = await register(on);
    const drafted = await register(on);
    const extending = await register(on);
    const consulting = await register(on);
    const correcting = await register(on);
    await act(drafted.id, { type: 'draftAnswer', on, outcome: 'granted' });
    await act(extending.id, { type: 'requestExtension', on, days: 10, reason: '需调取多个科室档案' });
    await act(consulting.id, { type: 'startConsultation', on, note: '涉及第三方商业秘密' });
    await act(correcting.id, { type: 'requestCorrection', on, note: '请写明所需信息的文号' });
    const today = due.dueOn as string;
    server.setToday(today);
    // Received on the last day of the others: its 20 working days reach 2027, which has no notice
    // yet; it is dated all the same (provisionally), so no case is left undated.
    expect((await register(today)).dueOn).toMatch(/^2027-01-/);

    const open = await officer.request('GET', `${path}?open=true&pageSize=200`);
    expect(open.body.total).toBeLessThanOrEqual(200);
    const details = await Promise.all(
      open.body.items.map(
        async (item: { id: number }) =>
          (await officer.request<CaseDetailBody>('GET', `/api/applications/${item.id}`)).body,
      ),
    );
    for (const soon of [3, 10]) {
      const dashboard = (await officer.request('GET', `${dashboardPath}?soon=${soon}`)).body;
      for (const queue of CASE_QUEUES) {
        const list = await officer.request('GET', `${path}?queue=${queue}&soon=${soon}&pageSize=200`);
        const listed = list.body.items.map((item: { id: number }) => item.id).sort();
        const expected = details
          .filter((d) => queuesOf(d, soon).includes(queue))
          .map((d) => d.id)
          .sort();
        expect({ queue, soon, total: list.body.total }).toEqual({ queue, soon, total: dashboard[queue] });
        expect({ queue, soon, listed }).toEqual({ queue, soon, listed: expected });
        const counted = queue !== 'noDueDate';
        expect({ queue, soon, counted: dashboard[queue] > 0 }).toEqual({ queue, soon, counted });
      }
    }
    // The queue narrows the other filters of the list, and pages like them.
    const overdue = await officer.request('GET', `${path}?queue=overdue&q=${encodeURIComponent('并发')}&pageSize=5`);
    expect(overdue.body.items).toHaveLength(5);
    expect(overdue.body.total).toBe(40);
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
  });
});
