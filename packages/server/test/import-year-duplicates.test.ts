import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { agencyOfficer, type TestClient, type TestServer } from './support/http.js';

const SEED = new URL('../../../fixtures/seeds/000_54f61b233950245c.txt', import.meta.url);

/** The seed report (相山区应急管理局, 2020) with every year taken out of its text. */
async function withoutYear(): Promise<Buffer> {
  const text = (await readFile(SEED, 'utf8')).replace(/(?:19|20)\d{2}\s*年度?/g, '');
  return Buffer.from(text, 'utf8');
}

/*
 * Issue 11 §4.9: a file that states no year was taken as 2008 and could not be imported for its
 * real year; the same file imported twice made two saved imports without a word.
 */
describe.each(ENGINES)('importing a file without a year, and the same file twice, on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let organ: number;
  beforeAll(async () => {
    ({ server, officer, organ } = await agencyOfficer(engine, '2026-11-23'));
  });
  afterAll(() => server.close());

  const save = (fileName: string, content: Buffer, year: number, extra: object = {}) =>
    officer.request('POST', `/api/organs/${organ}/imports`, {
      fileName,
      year,
      content: content.toString('base64'),
      ...extra,
    });

  it('reads no year as null with a finding, and saves the file under the year the importer chose', async () => {
    const bytes = await withoutYear();
    const response = await server.app.request(`/api/organs/${organ}/parse?fileName=no-year.txt`, {
      method: 'POST',
      headers: {
        cookie: officer.cookie ?? '',
        'x-csrf-token': officer.csrfToken ?? '',
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    const parsed = await response.json();
    expect(response.status).toBe(200);
    expect(parsed.year).toBeNull();
    expect(parsed.report.meta.year).toBeNull();
    expect(parsed.alreadyImported).toBeNull();
    expect(parsed.findings.map((f: { rule: string }) => f.rule)).toContain('year-not-found');

    const saved = await save('no-year.txt', bytes, 2020);
    expect(saved.status).toBe(201);
    expect(saved.body.year).toBe(2020);
    expect(saved.body.report.meta.year).toBe(2020);
    expect(saved.body.report.cells['s2.regulations.made']).toBe(0);
    const rules = saved.body.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('year-chosen');
    expect(rules).not.toContain('year-not-found');
    const state = (await officer.request('GET', `/api/organs/${organ}/reports/2020`)).body;
    expect(state.imported).toMatchObject({ id: saved.body.id, fileName: 'no-year.txt' });
  });

  it('still refuses a year other than the one the title states', async () => {
    const refused = await save('seed.txt', await readFile(SEED), 2021);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('是2020年度的报告，不是2021年度');
  });

  it('answers 409 naming the earlier import when the same file comes again, and does as the importer chooses', async () => {
    const bytes = await readFile(SEED);
    const first = await save('seed.txt', bytes, 2020);
    expect(first.status).toBe(201);
    const count = async () =>
      (await officer.request('GET', `/api/organs/${organ}/imports?year=2020`)).body.total as number;
    const before = await count();

    // Another name, the same bytes: it is the same file.
    const again = await save('副本-seed.txt', bytes, 2020);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate-import');
    expect(again.body.error.message).toContain('内容相同');
    expect(again.body.existing).toMatchObject({ id: first.body.id, year: 2020, fileName: 'seed.txt' });
    expect(again.body.existing.importedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await count()).toBe(before);

    const kept = await save('副本-seed.txt', bytes, 2020, { onDuplicate: 'keepBoth' });
    expect(kept.status).toBe(201);
    expect(kept.body.id).not.toBe(first.body.id);
    expect(await count()).toBe(before + 1);

    const replaced = await save('更正-seed.txt', bytes, 2020, { onDuplicate: 'replace' });
    expect(replaced.status).toBe(201);
    expect(replaced.body.id).toBe(kept.body.id);
    expect(await count()).toBe(before + 1);
    const detail = (await officer.request('GET', `/api/imports/${kept.body.id}`)).body;
    expect(detail.fileName).toBe('更正-seed.txt');
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'before'])
      .where('entity', '=', 'importedReport')
      .where('entity_id', '=', String(kept.body.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import', 'reimport']);
    expect(audit[1]?.before).toMatchObject({ id: kept.body.id, fileName: '副本-seed.txt' });

    // The reader says so before saving, too.
    const parse = await server.app.request(`/api/organs/${organ}/parse?fileName=x.txt`, {
      method: 'POST',
      headers: {
        cookie: officer.cookie ?? '',
        'x-csrf-token': officer.csrfToken ?? '',
        'content-type': 'application/octet-stream',
      },
      body: new Uint8Array(bytes),
    });
    expect((await parse.json()).alreadyImported).toMatchObject({ id: kept.body.id, fileName: '更正-seed.txt' });
  });
});
