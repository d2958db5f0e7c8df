import { DEFAULT_LIMITS } from '@xxgk/core';
import { extractDocx } from '../../core/src/parse/extract/docx/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { actOn, startTestServer, type TestClient, type TestServer } from './support/http.js';

async function docxText(bytes: Uint8Array): Promise<string> {
  const document = await extractDocx(bytes, { file: 'letter.docx', limits: DEFAULT_LIMITS });
  return JSON.stringify(document);
}

describe.each(ENGINES)('letters, fees and attachments on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-04-01');
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
  });
  afterAll(() => server.close());

  const act = (id: number, action: Record<string, unknown>, as: TestClient = officer) => actOn(as, id, action);

  it('charges 信息处理费 by the page, pauses the period until payment, and writes the 收费通知书', async () => {
    const created = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-03-31', receivedOn: '2026-04-01' }),
    );
    const id = created.body.id as number;
    expect(created.body.dueOn).toBe('2026-04-30'); // 清明 4/4–4/6 off: 20 working days from 4/1
    server.setToday('2026-04-08');
    const notice = await act(id, { type: 'sendFeeNotice', on: '2026-04-08', method: 'perPage', quantity: 150 });
    // Pages 31–100 at 10元, 101–150 at 20元: 700 + 1,000.
    expect(notice.state.fee).toMatchObject({ amount: 1700, method: 'perPage' });
    expect(notice.status).toBe('awaitingFee');
    const letter = await officer.request('GET', `/api/applications/${id}/letters/feeNotice`);
    expect(letter.status).toBe(200);
    const text = await docxText(letter.body as Uint8Array);
    expect(text).toContain('信息处理费收费通知书');
    expect(text).toContain('1700');
    server.setToday('2026-04-15');
    const paid = await act(id, { type: 'recordPayment', on: '2026-04-15' });
    // 4/9, 4/10, 4/13, 4/14, 4/15 were paused: the due date moves 5 working days past 4/30 —
    // 劳动节 5/1–5/5 off, then 5/6, 5/7, 5/8, 5/9 (调休 Saturday), 5/11.
    expect(paid.dueOn).toBe('2026-05-11');
  });

  it('writes the 答复书 citing the article for the outcome, and no letter the case has not reached', async () => {
    server.setToday('2026-04-01');
    const created = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-03-31', receivedOn: '2026-04-01' }),
    );
    const id = created.body.id as number;
    expect((await officer.request('GET', `/api/applications/${id}/letters/answer`)).status).toBe(404);
    server.setToday('2026-04-10');
    await act(id, { type: 'draftAnswer', on: '2026-04-10', outcome: 'denied.process' });
    await act(id, { type: 'approveAnswer', on: '2026-04-10' }, reviewer);
    const letter = await reviewer.request('GET', `/api/applications/${id}/letters/answer`);
    expect(letter.headers.get('content-disposition')).toContain(encodeURIComponent('政府信息公开申请答复书'));
    const text = await docxText(letter.body as Uint8Array);
    expect(text).toContain('第十六条第二款');
    expect(text).toContain('王小明');
    expect(text).toContain('淮北市相山区人民法院');
    const supervisor = await server.login('supervisor');
    expect((await supervisor.request('GET', `/api/applications/${id}/letters/answer`)).status).toBe(403);
  });

  it('stores attachments of the accepted kinds and refuses others, naming the file', async () => {
    const created = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-03-31', receivedOn: '2026-04-01' }),
    );
    const id = created.body.id as number;
    const pdf = new TextEncoder().encode('%PDF-1.4\n%test\n');
    const form = new FormData();
    form.append('file', new File([pdf], '身份证明.pdf', { type: 'application/pdf' }));
    const saved = await officer.request('POST', `/api/applications/${id}/attachments`, form);
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ fileName: '身份证明.pdf', mediaType: 'application/pdf', size: pdf.length });
    const back = await officer.request('GET', `/api/attachments/${saved.body.id}`);
    expect(Array.from(back.body as Uint8Array)).toEqual(Array.from(pdf));
    const bad = new FormData();
    bad.append('file', new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00])], 'setup.exe'));
    const refused = await officer.request('POST', `/api/applications/${id}/attachments`, bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('setup.exe');
    const detail = await officer.request('GET', `/api/applications/${id}`);
    expect(detail.body.attachments).toHaveLength(1);
    const other = await server.login('otherofficer');
    expect((await other.request('GET', `/api/attachments/${saved.body.id}`)).status).toBe(404);
    expect((await (await server.login('supervisor')).request('GET', `/api/attachments/${saved.body.id}`)).status).toBe(
      403,
    );
  });

  it('lets the system administrator add 2027 so that deadlines run into it', async () => {
    server.setToday('2026-12-21');
    const created = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-12-18', receivedOn: '2026-12-21' }),
    );
    // Before the notice, a provisional due date (元旦 1/1 alone, as the 放假办法 says).
    expect(created.status).toBe(201);
    expect(created.body.dueOn).toBe('2027-01-19');
    expect(created.body.deadline.provisional).toBe(true);
    expect(created.body.calendarWarning).toBeNull();
    const admin = await server.login('sysadmin');
    const bad = await admin.request('PUT', '/api/calendar/2027', {
      year: 2027,
      holidays: [],
      workdays: [{ date: '2027-02-15', name: '春节' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('2027-02-15');
    const year2027 = {
      year: 2027,
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-02', name: '元旦' },
        { date: '2027-01-03', name: '元旦' },
      ],
      workdays: [],
    };
    expect((await admin.request('PUT', '/api/calendar/2027', year2027)).status).toBe(200);
    expect((await officer.request('PUT', '/api/calendar/2027', year2027)).status).toBe(403);
    const again = await officer.request(
      'POST',
      `/api/organs/${server.organs.agency}/applications`,
      intake({ submittedOn: '2026-12-18', receivedOn: '2026-12-21' }),
    );
    expect(again.status).toBe(201);
    // 12/22–12/31 (8 working days), 1/1–1/3 off, 1/4 … the 20th working day is 2027-01-19.
    expect(again.body.dueOn).toBe('2027-01-19');
    expect(again.body.deadline.provisional).toBe(false);
  });
});
