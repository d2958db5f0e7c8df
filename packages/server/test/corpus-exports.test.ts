import { ALL_CELL_IDS, cellName } from '@xxgk/core';
import { parse } from 'csv-parse/sync';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCorpusSummaries } from '../src/features/corpus-analysis/service.js';
import { cleanCorpus, must, seedCorpus, type SeededReport } from './support/corpus-seed.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';
import { convertWithLibreOffice } from './support/office.js';

/*
 * The corpus exports read back: CSV as Excel and csv-parse read it, XLSX through LibreOffice,
 * Parquet with hyparquet. One row a current report, one column a cell ID, the dashboard's filters.
 */
describe.each(ENGINES)('the corpus exports on %s', (engine) => {
  let server: TestServer;
  let anyone: TestClient;
  let rows: SeededReport[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    anyone = server.anonymous();
    const seeds = cleanCorpus(21);
    const first = must(seeds[0]);
    const old = { ...first, version: 1, current: false, cells: { ...first.cells, 's3.new.total': 12345 } };
    rows = await seedCorpus(server.services.db, [old, ...seeds.map((s) => ({ ...s, version: 2 }))]);
    await refreshCorpusSummaries(server.services.db);
  }, 60_000);
  afterAll(() => server.close());

  const expected = (year: number, region: string) =>
    rows.filter((r) => r.current !== false && r.year === year && (r.region ?? '').startsWith(region));

  async function download(format: string, query: string) {
    const response = await anyone.request<Uint8Array>('GET', `/api/corpus/export/${format}?${query}`);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(`_2022年度_3301.${format}`);
    return response.body;
  }

  it('writes CSV with a byte-order mark, Chinese headers and every cell of each current report', async () => {
    const bytes = await download('csv', 'year=2022&region=3301');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...body] = parse(new TextDecoder().decode(bytes)) as string[][];
    expect(must(header).slice(0, 9)).toEqual([
      '报告编号',
      '机关',
      '行政区划代码',
      '行政区划',
      '层级',
      '机关类别',
      '年度',
      '版本',
      '格式',
    ]);
    expect(must(header).slice(9)).toEqual(ALL_CELL_IDS.map(cellName));
    const want = expected(2022, '3301');
    expect(body.map((r) => r[1]).sort()).toEqual(want.map((r) => r.organ).sort());
    for (const line of body) {
      const report = must(want.find((r) => r.organ === line[1]));
      expect(line[7]).toBe('2');
      ALL_CELL_IDS.forEach((id, i) => expect(line[9 + i], id).toBe(String(report.cells[id] ?? '')));
    }
  });

  it('writes XLSX that LibreOffice reads back to the same rows', async () => {
    const bytes = await download('xlsx', 'year=2022&region=3301');
    const csv = await convertWithLibreOffice(bytes, 'xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1');
    const [caption, header, ...body] = parse(csv.replace(/^\uFEFF/u, ''), { relax_column_count: true }) as string[][];
    expect(must(caption)[0]).toContain('2022年度，杭州市');
    expect(must(header)[9 + ALL_CELL_IDS.indexOf('s3.new.total')]).toBe(cellName('s3.new.total'));
    const want = expected(2022, '3301');
    expect(body).toHaveLength(want.length);
    for (const line of body) {
      const report = must(want.find((r) => r.organ === line[1]));
      expect(line[2]).toBe(report.region);
      for (const id of ['s3.new.total', 's3.granted.natural', 's4.review.total', 's2.fees.amount']) {
        expect(Number(line[9 + ALL_CELL_IDS.indexOf(id)]), id).toBeCloseTo(report.cells[id] ?? 0, 4);
      }
    }
  }, 240_000);

  it('writes Parquet that hyparquet reads back, column names by cell ID and Chinese names in the metadata', async () => {
    const bytes = await download('parquet', 'year=2022&region=3301');
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const objects = (await parquetReadObjects({ file })) as Record<string, unknown>[];
    const want = expected(2022, '3301');
    expect(objects).toHaveLength(want.length);
    for (const object of objects) {
      const report = must(want.find((r) => r.organ === object['organ']));
      expect(object['year']).toBe(2022);
      expect(object['version']).toBe(2);
      for (const id of ALL_CELL_IDS) expect(object[id], id).toBe(report.cells[id] ?? null);
    }
    const names = parquetMetadata(file).key_value_metadata?.find((kv) => kv.key === 'xxgk.column_names_zh');
    expect(JSON.parse(must(must(names).value))['s3.new.total']).toBe(cellName('s3.new.total'));
  });
});
