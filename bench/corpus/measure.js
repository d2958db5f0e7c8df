// Measures for bench:corpus: percentiles, the tables' sizes, and the process's memory while it works.

/** The value below which `p` of the sorted samples lie (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/**
 * Bytes of the corpus tables (with indexes and TOAST), the mean stored size of a report row, and
 * the summary and outlier tables' sizes and rows.
 */
export async function tableSizes(client) {
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
      pg_total_relation_size('corpus_summaries')::bigint AS summary,
      (SELECT count(*) FROM corpus_summaries)::bigint AS summary_rows,
      pg_total_relation_size('corpus_outliers')::bigint AS outliers,
      (SELECT count(*) FROM corpus_outliers)::bigint AS outlier_rows`);
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
