import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { moveYearsToServer } from '../../../bench/support/corpus-fdw.js';
import {
  DASHBOARD_YEAR,
  createSummary,
  dashboardQueries,
  runDashboard,
  SUMMARY_TABLE,
} from '../../../bench/support/corpus-queries.js';
import { loadCorpus } from '../../../bench/support/corpus-rows.js';
import { startSecondCluster, type SecondCluster } from '../../../bench/support/second-cluster.js';
import { ENGINES, openTestDatabase } from './support/databases.js';

/*
 * The corpus beyond one server (docs/scale.md): two years of corpus_reports become postgres_fdw
 * foreign partitions on a second PostgreSQL cluster started here (its own data directory and
 * port), and the dashboard's queries give the same answers as before the move. The main
 * server's side runs in a database of its own, dropped afterwards.
 */
const MOVED = [DASHBOARD_YEAR - 1, DASHBOARD_YEAR];

describe.each(ENGINES)('corpus partitions on another server (%s)', (engine) => {
  // PGlite is PostgreSQL in one process, without postgres_fdw or a network to reach another
  // server: foreign partitions are for a PostgreSQL deployment only.
  it.skipIf(engine === 'pglite')('answers the dashboard the same with two years on a second cluster', async () => {
    const database = await openTestDatabase(engine);
    let cluster: SecondCluster | undefined;
    const main = new pg.Client({ connectionString: database.url });
    await main.connect();
    try {
      await loadCorpus(main, { seed: 15, reports: 2500 });
      const before = await runDashboard(main);
      await createSummary(main);
      expect(await runDashboard(main, dashboardQueries(SUMMARY_TABLE))).toEqual(before);

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
        expect(moved).toBeGreaterThan(200);
        const there = await remote.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM corpus_reports_${MOVED[0]}) + (SELECT count(*) FROM corpus_reports_${MOVED[1]}) AS n`,
        );
        expect(Number(there.rows[0]?.n)).toBe(moved);
      } finally {
        await remote.end();
      }
      const partitions = await main.query<{ name: string; kind: string }>(`
        SELECT c.relname AS name, c.relkind::text AS kind FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'corpus_reports'::regclass AND c.relkind = 'f' ORDER BY 1`);
      expect(partitions.rows).toEqual(MOVED.map((year) => ({ name: `corpus_reports_${year}_remote`, kind: 'f' })));

      const after = await runDashboard(main);
      expect(after).toEqual(before);
      // Aggregates pushed down to the other server, partition by partition, answer the same.
      await main.query('SET enable_partitionwise_aggregate = on');
      expect(await runDashboard(main)).toEqual(before);
      // The summary table, filled again from the foreign partitions, too.
      await createSummary(main);
      expect(await runDashboard(main, dashboardQueries(SUMMARY_TABLE))).toEqual(before);

      // Non-zero answers: the moved years hold applications, outcomes, failures and carry-overs.
      const outcomes = before.outcomesByLevel ?? [];
      expect(outcomes.reduce((sum, row) => sum + Number(row.handled), 0)).toBeGreaterThan(100);
      expect(before.failuresByRule?.length).toBeGreaterThan(0);
      expect(before.drillDownPage?.length).toBeGreaterThan(0);
      const totals = (before.totalsByYearProvince ?? []).filter((row) => MOVED.includes(Number(row.year)));
      expect(totals.reduce((sum, row) => sum + Number(row.applications), 0)).toBeGreaterThan(100);
    } finally {
      await main.end();
      await database.close();
      await cluster?.stop();
    }
  });
});
