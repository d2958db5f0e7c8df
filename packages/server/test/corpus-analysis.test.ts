import { MEASURE_KEYS, cellName, checkReport, type Report } from '@xxgk/core';
import { summaryColumns } from '../src/features/corpus-analysis/repository.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshCorpusSummaries } from '../src/features/corpus-analysis/service.js';
import { cleanCorpus, must, seedCorpus, type SeedReport, type SeededReport } from './support/corpus-seed.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/*
 * The public corpus analysis over a seeded corpus of core-generated reports: six organs of three
 * counties and a prefecture, 2021–2023, each year following on from the last, with planted
 * outliers. Every figure is checked against sums computed here, straight from the seeded cells.
 */

type Cells = Report['cells'];
const v = (cells: Cells, id: string) => cells[id] ?? 0;
const DENIED = ['secret', 'prohibited', 'safety', 'thirdParty', 'internal', 'process', 'enforcementFile', 'query'];

/** Adds `n` to a cell and to the total column of its row (and the outcome total for outcomes). */
function bump(cells: Cells, row: string, n: number, outcome = false) {
  cells[`s3.${row}.natural`] = v(cells, `s3.${row}.natural`) + n;
  cells[`s3.${row}.total`] = v(cells, `s3.${row}.total`) + n;
  if (outcome) bump(cells, 'total', n);
}

function plantedCorpus(): SeedReport[] {
  const seeds = cleanCorpus(15).map((s) => ({ ...s, cells: { ...s.cells } }));
  const find = (organ: string, year: number) => must(seeds.find((s) => s.organ === organ && s.year === year));
  // A jump: 5000 more applications (granted) than the clean year.
  const jump = find('杭州市拱墅区教育局', 2023).cells;
  bump(jump, 'new', 5000);
  bump(jump, 'granted', 5000, true);
  // An impossible value: a granted count the row total does not include.
  find('杭州市民政局', 2022).cells['s3.granted.natural'] =
    v(find('杭州市民政局', 2022).cells, 's3.granted.natural') + 7;
  // Broken carry-overs: 上年结转 not last year's 结转下年度; 现行有效 not last year's + 制发 − 废止.
  const carry = find('淮北市相山区应急管理局', 2023).cells;
  bump(carry, 'carriedIn', 4);
  bump(carry, 'carriedOut', 4);
  find('杭州市上城区民政局', 2023).cells['s2.normativeDocs.inForce'] =
    v(find('杭州市上城区民政局', 2023).cells, 's2.normativeDocs.inForce') + 3;
  // Late and on time, by the publication date the file gives.
  Object.assign(find('杭州市上城区人民政府', 2023), { meta: { publishedOn: '2024-03-15' } });
  Object.assign(find('杭州市上城区民政局', 2023), { meta: { publishedOn: '2024-01-20' } });
  // Missing: 上城区应急管理局 has no 2023 report. And an older version that must never count.
  const missing = find('杭州市上城区应急管理局', 2023);
  const older = { ...find('杭州市上城区应急管理局', 2022), version: 1, current: false };
  older.cells = { ...older.cells, 's3.new.total': 99_999, 's3.granted.total': 99_999 };
  return [older, ...seeds.filter((s) => s !== missing).map((s) => ({ ...s, version: 2 }))];
}

describe.each(ENGINES)('the public corpus analysis on %s', (engine) => {
  let server: TestServer;
  let anyone: TestClient;
  let seeded: SeededReport[];
  let current: SeededReport[];

  beforeAll(async () => {
    server = await startTestServer(engine);
    anyone = server.anonymous();
    seeded = await seedCorpus(server.services.db, plantedCorpus());
    current = seeded.filter((s) => s.current !== false);
    await refreshCorpusSummaries(server.services.db);
  }, 60_000);
  afterAll(() => server.close());

  const inFilter = (f: { year?: number; region?: string; kind?: string }) => (s: SeededReport) =>
    (f.year === undefined || s.year === f.year) &&
    (!f.region || (s.region ?? '').startsWith(f.region)) &&
    (!f.kind || s.kind === f.kind);
  const total = (rows: SeededReport[], ids: string[]) =>
    rows.reduce((sum, r) => sum + ids.reduce((a, id) => a + v(r.cells, id), 0), 0);

  async function get<T>(path: string): Promise<T> {
    const response = await anyone.request<T>('GET', path);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  interface Figures {
    groups: {
      key: string;
      label: string;
      measures: Record<string, number>;
      rates: Record<string, number | null>;
      rules: Record<string, number>;
    }[];
    rules: { id: string; failures: number; rate: number | null }[];
  }

  it('gives each year’s figures, without logging in, equal to the seeded reports’ sums', async () => {
    const figures = await get<Figures>('/api/corpus/figures?by=year');
    expect(figures.groups.map((g) => g.key)).toEqual(['2021', '2022', '2023']);
    for (const group of figures.groups) {
      const rows = current.filter(inFilter({ year: Number(group.key) }));
      const m = group.measures;
      expect(m['reports']).toBe(rows.length);
      expect(m['applications']).toBe(total(rows, ['s3.new.total']));
      expect(m['granted']).toBe(total(rows, ['s3.granted.total']));
      expect(m['denied']).toBe(
        total(
          rows,
          DENIED.map((r) => `s3.denied.${r}.total`),
        ),
      );
      expect(m['denied.secret']).toBe(total(rows, ['s3.denied.secret.total']));
      expect(m['review']).toBe(total(rows, ['s4.review.total']));
      expect(m['reviewCorrected']).toBe(total(rows, ['s4.review.corrected']));
      expect(m['suit']).toBe(total(rows, ['s4.suit.total', 's4.suitAfterReview.total']));
      expect(m['fees']).toBeCloseTo(total(rows, ['s2.fees.amount']), 6);
      expect(group.rates['grantedShare']).toBeCloseTo(must(m['granted']) / total(rows, ['s3.total.total']), 9);
      expect(m['applications']).toBeGreaterThan(0);
      expect(m['review']).toBeGreaterThan(0);
      expect(m['applications']).toBeLessThan(99_999);
    }
  });

  it('groups by the next place down, level and kind under the filters', async () => {
    const byRegion = await get<Figures>('/api/corpus/figures?by=region&region=33&year=2023');
    expect(byRegion.groups.map((g) => [g.key, g.label])).toEqual([['3301', '杭州市']]);
    const hangzhou = await get<Figures>('/api/corpus/figures?by=region&region=3301&year=2023');
    expect(hangzhou.groups.map((g) => g.label)).toEqual(['杭州市本级', '上城区', '拱墅区']);
    for (const group of hangzhou.groups) {
      const rows = current.filter(
        (s) => s.year === 2023 && (group.key.length === 6 ? s.region === group.key : s.region === '3301'),
      );
      expect(group.measures['applications']).toBe(total(rows, ['s3.new.total']));
    }
    const governments = await get<Figures>('/api/corpus/figures?by=kind&kind=government');
    expect(governments.groups.map((g) => g.label)).toEqual(['政府']);
    expect(must(governments.groups[0]).measures['reports']).toBe(
      current.filter(inFilter({ kind: 'government' })).length,
    );
  });

  it('counts rule failures by rule as the reports’ failed rules say', async () => {
    const figures = await get<Figures>('/api/corpus/figures?by=year&year=2022');
    const rows = current.filter(inFilter({ year: 2022 }));
    const expected = new Map<string, number>();
    for (const row of rows) for (const rule of row.failedRules) expected.set(rule, (expected.get(rule) ?? 0) + 1);
    expect(expected.get('s3-row-total')).toBe(1);
    expect(Object.fromEntries(figures.rules.map((r) => [r.id, r.failures]))).toEqual(Object.fromEntries(expected));
    expect(must(figures.rules.find((r) => r.id === 's3-row-total')).rate).toBeCloseTo(1 / rows.length, 9);
  });

  it('lists the reports behind a figure, most first, a page at a time, and each with its cells, sources and file', async () => {
    type Page = { total: number; items: { id: string; value: number; organName: string; fileId: number }[] };
    const rows = current.filter(
      (s) => s.year === 2023 && (s.region ?? '').startsWith('3301') && v(s.cells, 's3.new.total') > 0,
    );
    const first = await get<Page>('/api/corpus/reports?measure=applications&year=2023&region=3301&pageSize=2');
    expect(first.total).toBe(rows.length);
    expect(must(first.items[0]).organName).toBe('杭州市拱墅区教育局');
    expect(must(first.items[0]).value).toBe(
      v(must(rows.find((r) => r.organ === '杭州市拱墅区教育局')).cells, 's3.new.total'),
    );
    const second = await get<Page>('/api/corpus/reports?measure=applications&year=2023&region=3301&pageSize=2&page=2');
    expect(must(second.items[0]).value).toBeLessThanOrEqual(must(first.items[1]).value);
    const broken = await get<Page>('/api/corpus/reports?rule=s3-row-total');
    expect(broken.items.map((i) => i.organName)).toEqual(['杭州市民政局']);

    const seededReport = must(current.find((s) => s.organ === '杭州市拱墅区教育局' && s.year === 2023));
    const detail = await get<{ report: Report; sources: Record<string, unknown>; file: { id: number; name: string } }>(
      `/api/corpus/reports/${seededReport.id}`,
    );
    expect(detail.report.cells).toEqual(seededReport.cells);
    expect(detail.sources['s3.new.total']).toMatchObject({ line: 12 });
    const file = await anyone.request<Uint8Array>('GET', `/api/corpus/files/${detail.file.id}`);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(new TextDecoder().decode(file.body)).toContain('杭州市拱墅区教育局2023年');
    expect((await anyone.request('GET', '/api/corpus/reports/999999')).status).toBe(404);
  });

  it('finds the planted outliers and nothing in the clean reports', async () => {
    type Page = { total: number; items: { id: string; organName: string; year: number; reason: string }[] };
    const outliers = async (kind: string) => (await get<Page>(`/api/corpus/outliers?type=${kind}&pageSize=100`)).items;
    // Jumps, computed independently: an organ's new applications against its year before.
    const expectedJumps = current.flatMap((row) => {
      const before = current.find((p) => p.organ === row.organ && p.year === row.year - 1);
      if (!before) return [];
      const [a, b] = [v(before.cells, 's3.new.total'), v(row.cells, 's3.new.total')];
      return Math.max(a, b) >= 50 && Math.max(a, b) >= 10 * Math.max(Math.min(a, b), 1)
        ? [`${row.organ}${row.year}`]
        : [];
    });
    expect(expectedJumps).toEqual(['杭州市拱墅区教育局2023']);
    const jumps = await outliers('jump');
    expect(jumps.map((o) => `${o.organName}${o.year}`)).toEqual(expectedJumps);
    expect(must(jumps[0]).reason).toContain('相差十倍以上');
    expect((await outliers('impossible')).map((o) => `${o.organName}${o.year}`)).toEqual(['杭州市民政局2022']);
    const carry = await outliers('carryover');
    expect(carry.map((o) => `${o.organName}${o.year}`).sort()).toEqual([
      '杭州市上城区民政局2023',
      '淮北市相山区应急管理局2023',
    ]);
    expect(must(carry.find((o) => o.organName === '淮北市相山区应急管理局')).reason).toMatch(/上年结转 \d+ 件/u);
    expect(await outliers('carryover&region=3301&kind=government')).toEqual([]);
  });

  it('adds up a government’s organs cell by cell, checks the sum, and names the missing and the late', async () => {
    type Summary = {
      reports: number;
      report: Report;
      findings: { rule: string }[];
      missing: { organName: string }[];
      late: { organName: string; publishedOn: string }[];
    };
    const own = await get<Summary>('/api/corpus/regions/330102/2023');
    const rows = current.filter((s) => s.region === '330102' && s.year === 2023);
    expect(own.reports).toBe(rows.length);
    const ids = new Set(rows.flatMap((r) => Object.keys(r.cells)));
    for (const id of ids) expect(own.report.cells[id], id).toBeCloseTo(total(rows, [id]), 4);
    // The organs' tables balance, so their sum does; a broken organ breaks the sum of its year.
    expect(own.findings.filter((f) => f.rule.startsWith('s3-'))).toEqual([]);
    const broken = await get<Summary>('/api/corpus/regions/3301/2022?within=true');
    expect(broken.findings.map((f) => f.rule)).toContain('s3-row-total');
    expect(checkReport({ report: broken.report }).map((f) => f.rule)).toContain('s3-row-total');
    expect(own.missing.map((o) => o.organName)).toEqual(['杭州市上城区应急管理局']);
    expect(own.late).toEqual([
      expect.objectContaining({ organName: '杭州市上城区人民政府', publishedOn: '2024-03-15' }),
    ]);

    // A prefecture's and a province's, read from the sums stored at refresh (migration 0016):
    // every cell as the seeded reports add up, the older version and other provinces left out.
    for (const region of ['3301', '33']) {
      const within = await get<Summary>(`/api/corpus/regions/${region}/2023?within=true`);
      const inside = current.filter(inFilter({ year: 2023, region }));
      expect(within.reports).toBe(inside.length);
      const cells = new Set(inside.flatMap((r) => Object.keys(r.cells).filter((id) => r.cells[id] != null)));
      expect(Object.keys(within.report.cells).sort()).toEqual([...cells].sort());
      for (const id of cells) expect(within.report.cells[id], id).toBeCloseTo(total(inside, [id]), 4);
    }
    expect(current.some((s) => s.year === 2023 && !(s.region ?? '').startsWith('33'))).toBe(true);
    const html = await anyone.request<Uint8Array>('GET', '/api/corpus/regions/330102/2023/html');
    const text = new TextDecoder().decode(html.body);
    expect(text).toContain('上城区各机关汇总');
    expect(text).toContain(`>${own.report.cells['s3.new.total']}<`);
    const docx = await anyone.request<Uint8Array>('GET', '/api/corpus/regions/330102/2023/docx');
    expect(docx.status).toBe(200);
    expect(String.fromCharCode(must(docx.body[0]), must(docx.body[1]))).toBe('PK');
  });

  it('pages the reports of a place without a measure latest year first, each once, across years', async () => {
    type Page = { total: number; items: { id: string; year: number; value: number }[] };
    const rows = current.filter(inFilter({ region: '3301' }));
    expect(new Set(rows.map((r) => r.year)).size).toBeGreaterThan(1);
    const seen: Page['items'] = [];
    for (let page = 1; page <= rows.length; page++) {
      const body = await get<Page>(`/api/corpus/reports?region=3301&pageSize=3&page=${page}`);
      expect(body.total).toBe(rows.length);
      if (body.items.length === 0) break;
      seen.push(...body.items);
    }
    expect(seen.map((i) => i.id).sort()).toEqual(rows.map((r) => String(r.id)).sort());
    expect(seen.map((i) => i.year)).toEqual(rows.map((r) => r.year).sort((a, b) => b - a));
    const counted = await get<Page>('/api/corpus/reports?region=3301&year=2022&measure=reports&pageSize=1&page=2');
    expect(counted.total).toBe(rows.filter((r) => r.year === 2022).length);
    expect(counted.items.map((i) => [i.year, i.value])).toEqual([[2022, 1]]);
  });

  it('refuses bad filters in Chinese and names the field', async () => {
    const bad = await anyone.request<{ error: { message: string } }>('GET', '/api/corpus/figures?region=3');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('行政区划代码');
    expect((await anyone.request('GET', '/api/corpus/outliers?type=nothing')).status).toBe(400);
    expect((await anyone.request('GET', '/api/corpus/regions/999999/2023')).status).toBe(404);
  });

  it('keeps the summary in step when a year is refreshed', async () => {
    await refreshCorpusSummaries(server.services.db, { years: [2022] });
    const figures = await get<Figures>('/api/corpus/figures?by=year&year=2022');
    expect(must(figures.groups[0]).measures['reports']).toBe(current.filter(inFilter({ year: 2022 })).length);
    expect(cellName('s3.new.total')).toBe('一、本年新收政府信息公开申请数量·总计');
    // Migration 0013 has a column for every measure core defines.
    expect(await summaryColumns(server.services.db)).toEqual(expect.arrayContaining([...MEASURE_KEYS]));
    // And migration 0015's rollup, which the figures above were read from.
    expect(await summaryColumns(server.services.db, 'corpus_rollups')).toEqual(
      expect.arrayContaining([...MEASURE_KEYS]),
    );
  });
});
