import type { Report } from '@xxgk/core';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { moveYearsToServer } from '../../../bench/support/corpus-fdw.js';
import { startSecondCluster, type SecondCluster } from '../../../bench/support/second-cluster.js';
import { CorpusAnalysisService, ERROR_RULES } from '../src/features/corpus-analysis/service.js';
import { cleanCorpus, must, seedCorpus, type SeedReport } from './support/corpus-seed.js';
import { ENGINES, openTestDatabase } from './support/databases.js';

/*
 * The corpus beyond one server (docs/scale.md): two years of corpus_reports become postgres_fdw
 * foreign partitions on a second PostgreSQL cluster started here (its own data directory and
 * port), the summary and outlier tables are refreshed through them, and the dashboard's own service
 * (CorpusAnalysisService: figures, outliers, the reports behind a figure, a region's 汇总) gives
 * the same answers as before the move. The main server's side runs in a database of its own,
 * dropped afterwards.
 */
const YEARS = [2021, 2022, 2023, 2024];
const MOVED = [2022, 2023];

type Cells = Report['cells'];
const v = (cells: Cells, id: string) => cells[id] ?? 0;

/** Adds `n` to a row's natural-person cell and its total (and the outcome total for outcomes). */
function bump(cells: Cells, row: string, n: number, outcome = false) {
  cells[`s3.${row}.natural`] = v(cells, `s3.${row}.natural`) + n;
  cells[`s3.${row}.total`] = v(cells, `s3.${row}.total`) + n;
  if (outcome) bump(cells, 'total', n);
}

/** Four clean years with an outlier of each kind, in or across the moved years. */
function corpus(): SeedReport[] {
  const seeds = cleanCorpus(15, YEARS).map((s) => ({ ...s, cells: { ...s.cells } }));
  const find = (organ: string, year: number) => must(seeds.find((s) => s.organ === organ && s.year === year)).cells;
  // A jump between two moved years.
  bump(find('杭州市拱墅区教育局', 2023), 'new', 5000);
  bump(find('杭州市拱墅区教育局', 2023), 'granted', 5000, true);
  // An impossible value in a moved year: a granted count the row total does not include.
  const broken = find('杭州市民政局', 2022);
  broken['s3.granted.natural'] = v(broken, 's3.granted.natural') + 7;
  // A broken carry-over from a moved year (2023, foreign) into a local one (2024).
  bump(find('淮北市相山区应急管理局', 2024), 'carriedIn', 4);
  bump(find('淮北市相山区应急管理局', 2024), 'carriedOut', 4);
  return seeds;
}

/**
 * Fractions to 1e-6: fees are float8 sums, and a year refreshed alone puts its summary rows in
 * another order, so a total may come out 851.2199999999999 instead of 851.22.
 */
function rounded<T>(value: T): T {
  if (typeof value === 'number') return (Number.isInteger(value) ? value : Math.round(value * 1e6) / 1e6) as T;
  if (Array.isArray(value)) return value.map(rounded) as T;
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)])) as T;
  }
  return value;
}

/** Everything the dashboard shows of the corpus, as the service answers it. */
async function dashboard(service: CorpusAnalysisService, rule: string) {
  const page = { limit: 50, offset: 0 };
  return rounded({
    byYear: await service.figures({}, 'year'),
    byRegion: await service.figures({ year: 2023 }, 'region'),
    byCounty: await service.figures({ region: '3301', year: 2022 }, 'region'),
    byLevel: await service.figures({}, 'level'),
    byKind: await service.figures({ region: '33' }, 'kind'),
    jumps: await service.outliers('jump', page),
    impossible: await service.outliers('impossible', page),
    carryovers: await service.outliers('carryover', page),
    applications: await service.reports({ year: 2023, measure: 'applications', limit: 5, offset: 0 }),
    breaking: await service.reports({ rule, ...page }),
    region2022: await service.region('3301', 2022, true),
    province2023: await service.region('33', 2023, true),
    region2023: await service.region('330102', 2023, false),
  });
}

// PGlite is PostgreSQL in one process, without postgres_fdw or a network to reach another server:
// foreign partitions are for a PostgreSQL deployment only, so this runs on the server engine alone
// (absent only where XXGK_TEST_PG=off says there is no server).
const SERVER_ENGINES = ENGINES.filter((engine) => engine !== 'pglite');

describe.runIf(SERVER_ENGINES.length > 0).each(SERVER_ENGINES)('corpus partitions on another server (%s)', (engine) => {
  it('answers the dashboard the same with two years on a second cluster', async () => {
    const database = await openTestDatabase(engine);
    let cluster: SecondCluster | undefined;
    const main = new pg.Client({ connectionString: must(database.url, '数据库地址') });
    await main.connect();
    try {
      const seeded = await seedCorpus(database.db, corpus());
      const broken = must(seeded.find((s) => s.organ === '杭州市民政局' && s.year === 2022));
      const rule = must(
        broken.failedRules.find((id) => ERROR_RULES.includes(id)),
        '违反的错误级规则',
      );
      const service = new CorpusAnalysisService(database.db);
      await service.refresh();
      const before = await dashboard(service, rule);

      // Non-zero answers, with the moved years in them.
      const year = (y: number) => must(before.byYear.groups.find((g) => g.key === String(y)));
      for (const y of MOVED) expect(year(y).measures['applications']).toBeGreaterThan(0);
      expect(before.jumps.items.map((o) => o.year)).toContain(2023);
      expect(before.impossible.items.map((o) => o.year)).toContain(2022);
      expect(before.carryovers.items.map((o) => o.year)).toContain(2024);
      expect(before.applications.total).toBeGreaterThan(0);
      expect(before.breaking.total).toBeGreaterThan(0);
      expect(before.region2022.report).toBeTruthy();
      expect(JSON.stringify(before.region2023)).toMatch(/[1-9]/);

      cluster = await startSecondCluster();
      const remote = new pg.Client({ connectionString: cluster.url });
      await remote.connect();
      try {
        const local = await main.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM corpus_reports WHERE year = ANY($1)`,
          [MOVED],
        );
        const moved = await moveYearsToServer(main, remote, { port: cluster.port, years: MOVED });
        expect(moved).toBe(local.rows[0]?.n);
        expect(moved).toBe(12);
        const there = await remote.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM corpus_reports_${MOVED[0]}) + (SELECT count(*) FROM corpus_reports_${MOVED[1]}) AS n`,
        );
        expect(Number(there.rows[0]?.n)).toBe(moved);
      } finally {
        await remote.end();
      }
      const partitions = await main.query<{ name: string; kind: string }>(`
        SELECT c.relname AS name, c.relkind::text AS kind FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'corpus_reports'::regclass AND c.relkind = 'f' ORDER BY 1`);
      expect(partitions.rows).toEqual(MOVED.map((y) => ({ name: `corpus_reports_${y}_remote`, kind: 'f' })));

      // The summary and rollup rows, the stored cell sums (and the parts they are added up from) and
      // outliers, emptied and found again through the foreign partitions.
      await main.query('DELETE FROM corpus_summaries');
      await main.query('DELETE FROM corpus_rollups');
      await main.query('DELETE FROM corpus_region_cells');
      await main.query('DELETE FROM corpus_region_cell_parts');
      await main.query('DELETE FROM corpus_outliers');
      expect((await service.figures({}, 'year')).groups).toEqual([]);
      expect((await service.outliers('carryover', { limit: 50, offset: 0 })).total).toBe(0);
      await service.refresh();
      expect(await dashboard(service, rule)).toEqual(before);
      // One moved year alone, as an import batch refreshes it.
      await service.refresh([2023]);
      expect(await dashboard(service, rule)).toEqual(before);
    } finally {
      await main.end();
      await database.close();
      await cluster?.stop();
    }
  });
});
