import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseReport, renderText } from '@xxgk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoProse } from '../src/demo/prose.js';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

const run = promisify(execFile);

describe.each(ENGINES)('registers and the annual report from records on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let reviewer: TestClient;
  let organ: number;
  beforeAll(async () => {
    server = await startTestServer(engine, '2024-12-02');
    officer = await server.login('officer');
    reviewer = await server.login('reviewer');
    organ = server.organs.agency;
  });
  afterAll(() => server.close());

  async function closeAs(id: number, outcome: string, on: string) {
    server.setToday(on);
    let detail = (await officer.request('GET', `/api/applications/${id}`)).body;
    detail = (
      await officer.request('POST', `/api/applications/${id}/actions`, {
        version: detail.version,
        action: { type: 'draftAnswer', on, outcome },
      })
    ).body;
    const closed = await reviewer.request('POST', `/api/applications/${id}/actions`, {
      version: detail.version,
      action: { type: 'approveAnswer', on },
    });
    expect(closed.status).toBe(200);
  }

  it('compiles sections 二, 三 and 四 from applications and registers', async () => {
    // One carried in from 2024, closed in 2025; three new in 2025, one still open at the year's end.
    server.setToday('2024-12-20');
    const carried = await officer.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({
        submittedOn: '2024-12-19',
        receivedOn: '2024-12-20',
        applicantKind: 'business',
        applicantName: '淮北市安达化工有限公司',
      }),
    );
    server.setToday('2025-03-03');
    const a = await officer.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({ submittedOn: '2025-03-01', receivedOn: '2025-03-03' }),
    );
    const b = await officer.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({
        submittedOn: '2025-03-01',
        receivedOn: '2025-03-03',
        applicantKind: 'legal',
        applicantName: '安徽恒信律师事务所',
      }),
    );
    server.setToday('2025-12-30');
    await officer.request(
      'POST',
      `/api/organs/${organ}/applications`,
      intake({ submittedOn: '2025-12-29', receivedOn: '2025-12-30' }),
    );
    await closeAs(carried.body.id, 'granted', '2025-01-10');
    await closeAs(a.body.id, 'unable.notHeld', '2025-03-20');
    await closeAs(b.body.id, 'denied.process', '2025-03-25');

    server.setToday('2026-01-05');
    const csv = [
      '类别,文号,标题,制发日期,废止日期',
      '行政规范性文件,相应急〔2024〕2号,相山区安全生产举报奖励办法,2024-03-01,2025-06-30',
      '行政规范性文件,相应急〔2025〕3号,相山区应急预案管理办法,2025/5/8,',
    ].join('\n');
    const preview = await officer.request('POST', `/api/organs/${organ}/documents/import?dryRun=true`, csv);
    expect(preview.body).toMatchObject({ saved: 0, errors: [] });
    expect(preview.body.rows).toHaveLength(2);
    expect((await officer.request('GET', `/api/organs/${organ}/documents`)).body.total).toBe(0);
    const saved = await officer.request('POST', `/api/organs/${organ}/documents/import?dryRun=false`, csv);
    expect(saved.body.saved).toBe(2);
    const figures = await officer.request('PUT', `/api/organs/${organ}/figures/2025`, {
      version: 0,
      figures: { 's2.licensing.decisions': 46, 's2.penalty.decisions': 38, 's2.fees.amount': 1.5 },
    });
    expect(figures.status).toBe(200);
    const stale = await officer.request('PUT', `/api/organs/${organ}/figures/2025`, {
      version: 0,
      figures: { 's2.penalty.decisions': 1 },
    });
    expect(stale.status).toBe(409);
    await officer.request('POST', `/api/organs/${organ}/reviews`, {
      kind: 'review',
      caseNo: '相政复〔2025〕3号',
      applicationId: b.body.id,
      filedOn: '2025-04-10',
      concludedOn: '2025-06-01',
      result: 'upheld',
    });
    await officer.request('POST', `/api/organs/${organ}/reviews`, {
      kind: 'suit',
      caseNo: '（2025）皖0603行初9号',
      filedOn: '2025-11-11',
    });

    const compiled = await officer.request('POST', `/api/organs/${organ}/reports/2025/compile`);
    expect(compiled.status).toBe(200);
    const cells = compiled.body.report.cells;
    expect(cells).toMatchObject({
      's2.normativeDocs.issued': 1,
      's2.normativeDocs.repealed': 1,
      's2.normativeDocs.inForce': 1,
      's2.licensing.decisions': 46,
      's2.fees.amount': 1.5,
      's3.new.natural': 2,
      's3.new.legal': 1,
      's3.new.total': 3,
      's3.carriedIn.business': 1,
      's3.granted.business': 1,
      's3.unable.notHeld.natural': 1,
      's3.denied.process.legal': 1,
      's3.total.total': 3,
      's3.carriedOut.natural': 1,
      's4.review.upheld': 1,
      's4.review.total': 1,
      's4.suit.pending': 1,
    });
    expect(compiled.body.status).toBe('draft');
    // A number of section 三 lists the applications it counts, each with the id that opens it.
    const sources = await officer.request('GET', `/api/organs/${organ}/reports/2025/sources/s3.new.total`);
    expect(sources.status).toBe(200);
    expect(sources.body.source.count).toBe(3);
    expect(sources.body.applications).toHaveLength(3);
    const ids = sources.body.applications.map((application: { id: number }) => application.id);
    expect(ids).toEqual(expect.arrayContaining([a.body.id, b.body.id]));
    const serials = sources.body.applications.map((x: { serialNo: string }) => x.serialNo);
    expect(new Set(serials)).toEqual(new Set(sources.body.source.ids));
    const documents = await officer.request('GET', `/api/organs/${organ}/reports/2025/sources/s2.normativeDocs.issued`);
    expect(documents.body).toMatchObject({ source: { documents: ['相应急〔2025〕3号'] }, applications: [] });
    // The blank prose sections are errors: nobody may publish yet.
    expect(compiled.body.findings.some((f: { rule: string }) => f.rule === 'section-missing')).toBe(true);
    const early = await reviewer.request('POST', `/api/organs/${organ}/reports/2025/publish`, {
      version: compiled.body.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('须改正后才能发布');
  });

  it('keeps written prose when recompiling and publishes only by a reviewer, freezing DOCX, PDF and HTML', async () => {
    server.setToday('2026-01-20');
    let state = (await officer.request('GET', `/api/organs/${organ}/reports/2025`)).body;
    state = (
      await officer.request('PUT', `/api/organs/${organ}/reports/2025/sections`, {
        version: state.version,
        sections: demoProse('相山区应急管理局', 2025),
      })
    ).body;
    expect(state.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    state = (await officer.request('POST', `/api/organs/${organ}/reports/2025/compile`)).body;
    expect(state.report.sections.problems.paragraphs[0]).toContain('存在的主要问题');
    expect(
      (await officer.request('POST', `/api/organs/${organ}/reports/2025/publish`, { version: state.version })).status,
    ).toBe(403);
    const published = await reviewer.request('POST', `/api/organs/${organ}/reports/2025/publish`, {
      version: state.version,
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedOn: '2026-01-20', late: false });

    const anonymous = server.anonymous();
    const docx = await anonymous.request('GET', `/api/organs/${organ}/reports/2025/published/docx`);
    expect(docx.status).toBe(200);
    const reread = await parseReport(docx.body as Uint8Array, { file: 'published.docx' });
    expect(reread.report.cells['s3.new.total']).toBe(3);
    expect(reread.report.cells['s4.suit.pending']).toBe(1);
    const pdf = await anonymous.request('GET', `/api/organs/${organ}/reports/2025/published/pdf`);
    const dir = await mkdtemp(join(tmpdir(), 'xxgk-report-'));
    try {
      await writeFile(join(dir, 'report.pdf'), pdf.body as Uint8Array);
      await run('pdftotext', ['-layout', join(dir, 'report.pdf'), join(dir, 'report.txt')]);
      // The title wraps on the page; what matters is the words, not where the line breaks.
      const text = (await readFile(join(dir, 'report.txt'), 'utf8')).replace(/\s+/g, '');
      expect(text).toContain('相山区应急管理局2025年政府信息公开工作年度报告');
      expect(text).toContain('本年新收政府信息公开申请数量');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const html = await anonymous.request('GET', `/api/organs/${organ}/reports/2025/published/html`);
    expect(new TextDecoder().decode(html.body as Uint8Array)).toContain('<table');
  });

  it('flags a report published after 31 January as late, and shows it to the 政务公开办', async () => {
    const other = await server.login('otherofficer');
    const otherReviewer = await server.login('otherreviewer');
    const organ2 = server.organs.otherAgency;
    server.setToday('2026-02-03');
    let state = (await other.request('POST', `/api/organs/${organ2}/reports/2025/compile`)).body;
    state = (
      await other.request('PUT', `/api/organs/${organ2}/reports/2025/sections`, {
        version: state.version,
        sections: demoProse('相山区教育局', 2025),
      })
    ).body;
    const published = await otherReviewer.request('POST', `/api/organs/${organ2}/reports/2025/publish`, {
      version: state.version,
    });
    expect(published.body).toMatchObject({ status: 'published', late: true });
    const supervisor = await server.login('supervisor');
    const organs = (await supervisor.request('GET', '/api/supervision/2025/organs?pageSize=200')).body.items;
    const byName = Object.fromEntries(organs.map((o: { organName: string }) => [o.organName, o]));
    expect(byName['相山区应急管理局']).toMatchObject({ status: 'published', publishedOn: '2026-01-20' });
    expect(byName['相山区教育局']).toMatchObject({ status: 'late' });
    expect(byName['相山区人民政府']).toMatchObject({ status: 'late', reportStatus: 'notStarted' });
    expect(organs.map((o: { organName: string }) => o.organName)).not.toContain('杜集区人民政府');
    expect(byName['相山区应急管理局'].applications.received).toBe(3);
  });

  it('sets a report imported from a file beside the compiled one, with the cells that differ', async () => {
    const report = (await officer.request('GET', `/api/organs/${organ}/reports/2025`)).body.report;
    const changed = { ...report, cells: { ...report.cells, 's3.new.natural': 5, 's3.new.total': 6 } };
    const text = renderText(changed, 'pipe');
    const imported = await officer.request(
      'POST',
      `/api/organs/${organ}/reports/2025/import?fileName=${encodeURIComponent('公开的报告.txt')}`,
      text,
    );
    expect(imported.status).toBe(201);
    const state = (await officer.request('GET', `/api/organs/${organ}/reports/2025`)).body;
    expect(state.imported.fileName).toBe('公开的报告.txt');
    expect(state.imported.differences.map((d: { cellId: string }) => d.cellId).sort()).toEqual([
      's3.new.natural',
      's3.new.total',
    ]);
    // The same text again, confirmed as a second import: what is refused is the year.
    const wrongYear = await officer.request(
      'POST',
      `/api/organs/${organ}/reports/2024/import?fileName=x.txt&onDuplicate=keepBoth`,
      text,
    );
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.error.message).toContain('是2025年度的报告');
  });
});
