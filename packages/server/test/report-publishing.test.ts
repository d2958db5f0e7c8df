import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProse } from '../src/demo/prose.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

interface StaleCell {
  cellId: string;
  label: string;
  from: number | null;
  to: number | null;
}

/*
 * Issue 11 §3: the 2026 report was published on 2026-12-06 with one click, before its year had
 * ended and with figures the records no longer gave. Publication waits for the year's end (or a
 * reason, audited), a draft the records have moved away from is stale until recompiled, and a
 * published report's prose is frozen.
 */
describe.each(ENGINES)('publishing the annual report on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  let organ: number;
  const path = () => `/api/organs/${organ}/reports/2026`;

  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
    organ = server.organs.agency;
    for (const receivedOn of ['2026-03-02', '2026-03-02']) {
      const created = await officer.request('POST', `/api/organs/${organ}/applications`, intake({ receivedOn }));
      expect(created.status).toBe(201);
    }
  });
  afterAll(() => server.close());

  async function draftWithProse() {
    const compiled = await officer.request('POST', `${path()}/compile`);
    expect(compiled.status).toBe(200);
    const edited = await officer.request('PUT', `${path()}/sections`, {
      version: compiled.body.version,
      sections: demoProse('相山区应急管理局', 2026),
    });
    expect(edited.status).toBe(200);
    return edited.body;
  }

  it('refuses to compile a year that has not begun', async () => {
    server.setToday('2026-12-06');
    const future = await officer.request('POST', `/api/organs/${organ}/reports/2027/compile`);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toContain('2027年度尚未开始');
    expect((await officer.request('GET', `/api/organs/${organ}/reports/2027`)).body.status).toBe('notStarted');
  });

  it('marks a draft stale when an application is added after compiling, naming the cells, and refuses to publish it', async () => {
    server.setToday('2026-12-06');
    const draft = await draftWithProse();
    expect(draft.stale).toEqual([]);
    expect(draft.yearEnded).toBe(false);
    expect(draft.report.cells['s3.new.total']).toBe(2);
    const added = await officer.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({ receivedOn: '2026-12-06' }),
    );
    expect(added.status).toBe(201);

    const state = (await officer.request('GET', path())).body;
    const stale = state.stale as StaleCell[];
    expect(stale).toContainEqual({
      cellId: 's3.new.total',
      label: '一、本年新收政府信息公开申请数量·总计',
      from: 2,
      to: 3,
    });
    expect(stale.every((cell) => !cell.label.startsWith('s'))).toBe(true);

    const refused = await reviewer.request('POST', `${path()}/publish`, {
      version: state.version,
      reason: '按上级要求于年底前公开',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('report-stale');
    expect(refused.body.error.message).toContain('请重新编制');
    expect((await officer.request('GET', path())).body.status).toBe('draft');
  });

  it('recompiles keeping the prose, then refuses early publication without a reason', async () => {
    const recompiled = await officer.request('POST', `${path()}/compile`);
    expect(recompiled.body.stale).toEqual([]);
    expect(recompiled.body.report.cells['s3.new.total']).toBe(3);
    expect(recompiled.body.report.sections.problems).toEqual(demoProse('相山区应急管理局', 2026).problems);

    for (const reason of [undefined, '   ']) {
      const early = await reviewer.request('POST', `${path()}/publish`, {
        version: recompiled.body.version,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(early.status).toBe(422);
      expect(early.body.error).toMatchObject({ code: 'year-not-ended' });
      expect(early.body.error.message).toContain('2026年度尚未结束');
    }
    expect((await officer.request('GET', path())).body.status).toBe('draft');
  });

  it('publishes early with a reason, kept in the audit log, and then refuses edits of the prose', async () => {
    const state = (await officer.request('GET', path())).body;
    const published = await reviewer.request('POST', `${path()}/publish`, {
      version: state.version,
      reason: '机构改革，本机关12月31日撤销，提前发布本年度报告',
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedOn: '2026-12-06' });
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'report')
      .where('entity_id', '=', `${organ}/2026`)
      .where('action', '=', 'publish')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({
      beforeYearEnd: true,
      reason: '机构改革，本机关12月31日撤销，提前发布本年度报告',
    });

    const edit = await officer.request('PUT', `${path()}/sections`, {
      version: published.body.version,
      sections: demoProse('相山区应急管理局', 2026),
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('年度报告已发布');
    const after = (await officer.request('GET', path())).body;
    expect(after).toMatchObject({ status: 'published', version: published.body.version });
    // A published report is frozen: later records do not make it stale.
    expect(after.stale).toEqual([]);
  });

  it('publishes after the year has ended without a reason', async () => {
    server.setToday('2027-01-05');
    const organ2 = server.organs.otherAgency;
    const other = await server.login('otherofficer');
    const otherReviewer = await server.login('otherreviewer');
    const compiled = (await other.request('POST', `/api/organs/${organ2}/reports/2026/compile`)).body;
    const edited = (
      await other.request('PUT', `/api/organs/${organ2}/reports/2026/sections`, {
        version: compiled.version,
        sections: demoProse('相山区教育局', 2026),
      })
    ).body;
    expect(edited.yearEnded).toBe(true);
    const published = await otherReviewer.request('POST', `/api/organs/${organ2}/reports/2026/publish`, {
      version: edited.version,
    });
    expect(published.status).toBe(200);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_id', '=', `${organ2}/2026`)
      .where('action', '=', 'publish')
      .executeTakeFirstOrThrow();
    expect(audit.after).not.toHaveProperty('reason');
  });
});
