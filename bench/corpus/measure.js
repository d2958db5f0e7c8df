// Timing and sizes for bench:corpus: percentiles of each dashboard query, the tables' sizes, and
// the process's memory while it works.

import { performance } from 'node:perf_hooks';

/** The value below which `p` of the sorted samples lie (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/** p50/p99 of each query over `runs` runs after `warmup` runs, with its rows' count. */
export async function timeQueries(client, queries, runs, warmup = 2) {
  const results = [];
  for (const query of queries) {
    let rows = 0;
    for (let i = 0; i < warmup; i++) rows = (await client.query(query.sql, query.params)).rowCount ?? 0;
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await client.query(query.sql, query.params);
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    results.push({
      name: query.name,
      title: query.title,
      rows,
      p50: percentile(samples, 0.5),
      p99: percentile(samples, 0.99),
    });
  }
  return results;
}

/** Bytes of the corpus tables (with indexes and TOAST) and the mean stored size of a report row. */
export async function tableSizes(client, summaryTable) {
  const { rows } = await client.query(`
    SELECT
      (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'corpus_reports'::regclass AND c.relkind = 'r')::bigint AS reports,
      (SELECT sum(pg_indexes_size(c.oid)) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'corpus_reports'::regclass AND c.relkind = 'r')::bigint AS report_indexes,
      pg_total_relation_size('corpus_organs')::bigint AS organs,
      pg_total_relation_size('corpus_files')::bigint AS files,
      (SELECT avg(pg_column_size(r.*)) FROM corpus_reports r)::int AS report_row,
      (SELECT avg(pg_column_size(r.*)) FROM corpus_reports r WHERE format <> 'unknown')::int AS report_row_with_figures,
      (SELECT avg(pg_column_size(r.figures)) FROM corpus_reports r WHERE format <> 'unknown')::int AS figures,
      (SELECT avg(pg_column_size(r.sources)) FROM corpus_reports r WHERE format <> 'unknown')::int AS sources,
      pg_total_relation_size('${summaryTable}')::bigint AS summary`);
  return Object.fromEntries(Object.entries(rows[0]).map(([key, value]) => [key, Number(value)]));
}

/** Samples the process's resident memory every 200 ms; `stop()` gives the highest seen, in bytes. */
export function watchMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ms = (value) => `${value.toFixed(1)} ms`;
