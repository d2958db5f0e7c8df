import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFiles } from './support/corpus.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/** Polls the batch until it is finished, as the import page does. */
async function finished(client: TestClient, batchId: number, query = '') {
  for (let polls = 0; polls < 600; polls += 1) {
    const batch = await client.request('GET', `/api/corpus/imports/${batchId}${query}`);
    expect(batch.status).toBe(200);
    if (batch.body.finishedAt) return batch.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`导入批次 ${batchId} 未完成`);
}

describe.each(ENGINES)('the corpus API on %s', (engine) => {
  let server: TestServer;
  let supervisor: TestClient;
  const files = corpusFiles([2021, 2022]);
  beforeAll(async () => {
    server = await startTestServer(engine);
    supervisor = await server.login('supervisor');
  });
  afterAll(async () => {
    await server.services.corpus.close();
    await server.close();
  });

  it('imports uploaded files and a ZIP archive, reports progress and each failed file with its reason', async () => {
    const form = new FormData();
    for (const f of files.slice(0, 4)) form.append('files', new File([f.bytes], f.name));
    const zip = zipSync({
      ...Object.fromEntries(files.slice(4).map((f) => [`报告/${f.name}`, f.bytes])),
      '报告/损坏.pdf': new TextEncoder().encode('%PDF-1.7 残缺'),
    });
    form.append('files', new File([zip], '下载.zip'));
    form.append('label', '2021—2022 年度报告');
    const started = await supervisor.request('POST', '/api/corpus/imports', form);
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(11);
    const batch = await finished(supervisor, started.body.batchId, '?status=failed');
    expect(batch).toMatchObject({ label: '2021—2022 年度报告', total: 11, done: 11, read: 10, failed: 1, existing: 0 });
    expect(batch.files.items).toEqual([
      expect.objectContaining({
        fileName: '下载.zip/报告/损坏.pdf',
        status: 'failed',
        reason: expect.stringMatching(/^下载\.zip\/报告\/损坏\.pdf：/u),
      }),
    ]);
    const all = await supervisor.request('GET', `/api/corpus/imports/${started.body.batchId}?pageSize=5&page=2`);
    expect(all.body.files).toMatchObject({ total: 11 });
    expect(all.body.files.items).toHaveLength(5);

    const again = new FormData();
    form.getAll('files').forEach((f) => again.append('files', f));
    const second = await supervisor.request('POST', '/api/corpus/imports', again);
    expect(await finished(supervisor, second.body.batchId)).toMatchObject({ total: 11, existing: 11, read: 0 });
  });

  it('lists the organs, and lets a person point a spelling at another organ or merge two, audited', async () => {
    const organs = await supervisor.request('GET', '/api/corpus/organs?q=上城区');
    expect(organs.status).toBe(200);
    expect(organs.body.items).toEqual([
      expect.objectContaining({
        // Named by its fullest spelling, whichever was imported first.
        name: '杭州市上城区应急管理局',
        regionCode: '330102',
        level: 'county',
        kind: 'department',
        names: ['上城区应急管理局', '杭州市上城区应急管理局'],
        reports: 2,
      }),
    ]);
    const shangcheng = organs.body.items[0].id as number;
    const haiyan = (await supervisor.request('GET', '/api/corpus/organs?region=330424')).body.items[0];
    expect(haiyan).toMatchObject({ name: '海盐县民政局', reports: 2 });

    // The 2022 spelling said to be 海盐县民政局's (a test of the override, not a real case).
    const name = encodeURIComponent('上城区应急管理局');
    const pointed = await supervisor.request('PUT', `/api/corpus/organ-names/${name}`, { organId: haiyan.id });
    expect(pointed.status).toBe(200);
    expect(pointed.body).toMatchObject({ organId: haiyan.id, source: 'manual' });
    const after = (await supervisor.request('GET', '/api/corpus/organs?region=330424')).body.items[0];
    // 海盐县民政局 2022 now has two versions: its own, then the moved one (imported later).
    expect(after.reports).toBe(2);
    const versions = await server.database.db
      .selectFrom('corpus_reports')
      .select(['year', 'version', 'current'])
      .where('organ_id', '=', haiyan.id)
      .orderBy('year')
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { year: 2021, version: 1, current: true },
      { year: 2022, version: 1, current: false },
      { year: 2022, version: 2, current: true },
    ]);

    const merged = await supervisor.request('POST', `/api/corpus/organs/${shangcheng}/merge`, { into: haiyan.id });
    expect(merged.body).toEqual({ id: shangcheng, mergedInto: haiyan.id });
    const list = await supervisor.request('GET', '/api/corpus/organs?q=上城区');
    expect(list.body.items.map((o: { id: number }) => o.id)).toEqual([haiyan.id]);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', 'like', 'corpus%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual([
      'corpusBatch:import',
      'corpusBatch:import',
      'corpusOrganName:repoint',
      'corpusOrgan:merge',
    ]);
  });

  it('is the 政务公开办’s: other roles are refused', async () => {
    const officer = await server.login('officer');
    expect((await officer.request('GET', '/api/corpus/organs')).status).toBe(403);
    const form = new FormData();
    form.append('files', new File([files[0]?.bytes ?? new Uint8Array()], 'a.txt'));
    expect((await officer.request('POST', '/api/corpus/imports', form)).status).toBe(403);
    expect((await supervisor.request('GET', '/api/corpus/imports/999999')).status).toBe(404);
    const empty = await supervisor.request('POST', '/api/corpus/imports', new FormData());
    expect(empty.status).toBe(400);
  });
});
