import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PARAMETERS } from '../src/db/batches.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/** Far more rows than one statement's bind parameters could carry (5 columns a row). */
const ROWS = 100_000;

function documentsCsv(rows: number): string {
  const lines = ['类别,文号,标题,制发日期,废止日期'];
  for (let i = 1; i <= rows; i++)
    lines.push(`行政规范性文件,批〔2025〕${i}号,批量导入的规范性文件第${i}件,2025-03-01,`);
  return lines.join('\n');
}

function reviewsCsv(rows: number): string {
  const lines = ['类型,案号,收案日期,审结日期,结果,关联申请编号'];
  for (let i = 1; i <= rows; i++) lines.push(`行政复议,批复〔2025〕${i}号,2025-04-01,,,`);
  return lines.join('\n');
}

/** Bulk writes stay under the statement's parameter limit, and the database keeps answering everyone. */
describe.each(ENGINES)('bulk register imports on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let otherOfficer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-03-02');
    officer = await server.login('officer');
    otherOfficer = await server.login('otherofficer');
  }, 300_000);
  afterAll(() => server.close());

  it(`imports ${ROWS.toLocaleString()} documents and every user's queries still answer`, async () => {
    expect(ROWS * 5).toBeGreaterThan(MAX_PARAMETERS);
    const agency = server.organs.agency;
    const imported = await officer.request(
      'POST',
      `/api/organs/${agency}/documents/import?dryRun=false`,
      documentsCsv(ROWS),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ saved: ROWS, errors: [] });

    const page = await officer.request('GET', `/api/organs/${agency}/documents?q=${encodeURIComponent('第99999件')}`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((d: { title: string }) => d.title)).toEqual(['批量导入的规范性文件第99999件']);
    expect((await officer.request('GET', `/api/organs/${agency}/documents?pageSize=1`)).body.total).toBe(ROWS);
    // Another user of another organ, and the health check, see a working database.
    const other = await otherOfficer.request('GET', `/api/organs/${server.organs.otherAgency}/documents`);
    expect(other.status).toBe(200);
    expect((await server.anonymous().request('GET', '/api/health')).body).toEqual({ status: 'ok' });
  }, 300_000);

  it('imports 40,000 review cases in one file', async () => {
    const agency = server.organs.agency;
    const imported = await officer.request(
      'POST',
      `/api/organs/${agency}/reviews/import?dryRun=false`,
      reviewsCsv(40_000),
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ saved: 40_000, errors: [] });
    expect((await officer.request('GET', `/api/organs/${agency}/reviews?pageSize=1`)).body.total).toBe(40_000);
  }, 300_000);

  it('refuses one statement with too many parameters and goes on answering', async () => {
    const ids = Array.from({ length: MAX_PARAMETERS + 1 }, (_, i) => i + 1);
    await expect(
      server.services.db.selectFrom('documents').select('id').where('id', 'in', ids).execute(),
    ).rejects.toThrow(/超过 32767/);
    expect((await server.anonymous().request('GET', '/api/health')).body).toEqual({ status: 'ok' });
  });
});
