import { DEFAULT_LIMITS, parseHolidayNotice } from '@xxgk/core';
import { extractDocx } from '../../core/src/parse/extract/docx/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/**
 * December 2026: a case received now runs into January 2027, whose State Council notice is not
 * out. It gets a provisional (暂定) deadline everywhere; entering the notice moves it and says so.
 */

// An invented 2027 notice (the real one is not out): 元旦 1月1日至4日, which moves 1-18 to 1-19.
const NOTICE_2027 = '一、元旦：1月1日（周五）至4日（周一）放假，共4天。';
const PROVISIONAL_DUE = '2027-01-18'; // 12/21–31: 9, (1/1 元旦), 1/4–8: 14, 1/11–15: 19, 1/18: 20
const NOTICE_DUE = '2027-01-19';

async function docxText(bytes: Uint8Array): Promise<string> {
  return JSON.stringify(await extractDocx(bytes, { file: 'letter.docx', limits: DEFAULT_LIMITS }));
}

describe.each(ENGINES)('a deadline for every case, every day of the year, on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let admin: TestClient;
  const ids: Record<'answered' | 'open' | 'correction', number> = { answered: 0, open: 0, correction: 0 };

  beforeAll(async () => {
    server = await startTestServer(engine, '2026-12-20');
    officer = await server.login('officer');
    admin = await server.login('sysadmin');
    for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
      const created = await officer.request(
        'POST',
        `/api/organs/${server.organs.agency}/applications`,
        intake({ submittedOn: '2026-12-20', receivedOn: '2026-12-20' }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[key] = created.body.id as number;
    }
  });
  afterAll(() => server.close());

  async function act(id: number, action: Record<string, unknown>) {
    const current = await officer.request('GET', `/api/applications/${id}`);
    return officer.request('POST', `/api/applications/${id}/actions`, { version: current.body.version, action });
  }

  it('gives a case received 2026-12-20 a provisional deadline in January 2027, in the case and the list', async () => {
    const detail = await officer.request('GET', `/api/applications/${ids.open}`);
    expect(detail.body.dueOn).toBe(PROVISIONAL_DUE);
    expect(detail.body.deadline).toMatchObject({ dueOn: PROVISIONAL_DUE, provisional: true });
    expect(detail.body.calendarWarning).toBeNull();
    expect(detail.body.dueMoved).toBeNull();
    const list = await officer.request('GET', `/api/organs/${server.organs.agency}/applications`);
    const item = list.body.items.find((i: { id: number }) => i.id === ids.open);
    expect(item).toMatchObject({ dueOn: PROVISIONAL_DUE, dueProvisional: true, workingDaysLeft: 20, dueMoved: null });
    const dashboard = await officer.request('GET', `/api/organs/${server.organs.agency}/dashboard`);
    expect(dashboard.body.noDueDate).toBe(0);
  });

  it('lets the officer draft the answer (was 422 year-not-covered)', async () => {
    const drafted = await act(ids.answered, { type: 'draftAnswer', on: '2026-12-20', outcome: 'granted' });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);
    expect(drafted.body.status).toBe('answerPending');
    expect(drafted.body.deadline.provisional).toBe(true);
  });

  it('prints a 补正 deadline reaching 2027 as 暂定 in the notice', async () => {
    const asked = await act(ids.correction, { type: 'requestCorrection', on: '2026-12-20', note: '请写明文号' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.deadline.correctionDueOn > '2027-01-01').toBe(true);
    expect(asked.body.deadline.provisional).toBe(true);
    const letter = await officer.request('GET', `/api/applications/${ids.correction}/letters/correctionNotice`);
    expect(letter.status).toBe(200);
    const text = await docxText(letter.body as Uint8Array);
    expect(text).toContain('（暂定）前');
    expect(text).toContain('国务院办公厅公布该年度节假日安排前按法定节假日推算');
  });

  it('shows the applicant the date with 暂定 on the portal', async () => {
    const detail = await officer.request('GET', `/api/applications/${ids.open}`);
    const status = await server.anonymous().request('GET', `/api/portal/applications/${detail.body.queryCode}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ dueOn: PROVISIONAL_DUE, dueProvisional: true, paused: false });
    expect(status.body.steps[0]).toMatchObject({ title: '收到申请', dueOn: PROVISIONAL_DUE, dueProvisional: true });
  });

  it('lists 2027 as provisional for the administrator, with the statutory holidays', async () => {
    const years = await admin.request('GET', '/api/calendar');
    expect(years.body).toContainEqual({ year: 2027, source: 'provisional' });
    expect(years.body).toContainEqual({ year: 2026, source: 'shipped' });
    const year = await admin.request('GET', '/api/calendar/2027');
    expect(year.body.source).toBe('provisional');
    expect(year.body.holidays).toContainEqual({ date: '2027-02-05', name: '春节' });
  });

  it('previews the moves of a pasted notice without saving, for the administrator only', async () => {
    const parsed = parseHolidayNotice(NOTICE_2027, 2027);
    expect(parsed.issues).toEqual([]);
    expect((await officer.request('POST', '/api/calendar/2027/preview', parsed.year)).status).toBe(403);
    const preview = await admin.request('POST', '/api/calendar/2027/preview', parsed.year);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const moved = preview.body.moves.filter((m: { id: number }) => [ids.open, ids.answered].includes(m.id));
    expect(moved).toHaveLength(2);
    expect(moved[0]).toMatchObject({
      from: PROVISIONAL_DUE,
      to: NOTICE_DUE,
      provisional: false,
      organName: expect.any(String),
    });
    // The 补正 awaited has no answer deadline to move.
    expect(preview.body.moves.map((m: { id: number }) => m.id)).not.toContain(ids.correction);
    const still = await officer.request('GET', `/api/applications/${ids.open}`);
    expect(still.body.dueOn).toBe(PROVISIONAL_DUE);
    const bad = await admin.request('POST', '/api/calendar/2027/preview', {
      year: 2027,
      holidays: [],
      workdays: [{ date: '2027-02-15', name: '春节' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('2027-02-15 不是周六或周日');
  });

  it('on saving the notice moves the deadline, marks it final and shows the officer what moved', async () => {
    const saved = await admin.request('PUT', '/api/calendar/2027', parseHolidayNotice(NOTICE_2027, 2027).year);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.moves.map((m: { id: number }) => m.id)).toEqual(expect.arrayContaining([ids.open, ids.answered]));
    const detail = await officer.request('GET', `/api/applications/${ids.open}`);
    expect(detail.body.dueOn).toBe(NOTICE_DUE);
    expect(detail.body.deadline.provisional).toBe(false);
    expect(detail.body.dueMoved).toMatchObject({ from: PROVISIONAL_DUE, reason: '2027年节假日安排已录入' });
    const list = await officer.request('GET', `/api/organs/${server.organs.agency}/applications`);
    const item = list.body.items.find((i: { id: number }) => i.id === ids.open);
    expect(item).toMatchObject({ dueOn: NOTICE_DUE, dueProvisional: false, dueMoved: { from: PROVISIONAL_DUE } });
    const status = await server.anonymous().request('GET', `/api/portal/applications/${detail.body.queryCode}`);
    expect(status.body).toMatchObject({ dueOn: NOTICE_DUE, dueProvisional: false });
    expect((await admin.request('GET', '/api/calendar')).body).toContainEqual({ year: 2027, source: 'administrator' });
  });
});
