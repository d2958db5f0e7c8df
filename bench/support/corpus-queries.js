// The corpus dashboard's representative queries, in one place for bench:corpus and the
// postgres_fdw test (packages/server/test/corpus-fdw.test.ts): totals by year × province, outcome
// shares by level, failures by rule, the carry-over check between consecutive years, 复议/诉讼
// and their corrections by year, year-over-year jumps, and a drill-down page.
//
// TODO(lead): when the analysis (branch i15-analysis: features/corpus-analysis and the summary
// tables of its migration 0013) is merged, point DASHBOARD_QUERIES at its repository's SQL, so the
// bench and the fdw test measure the queries the dashboard really runs.
//
// Each query reads its figures from a `source`: either straight from corpus_reports (`reportFigures`,
// the figures pulled out of the JSONB once a row with jsonb_to_record — `figures->>'…'` once a
// cell would unpack the whole value each time), or from a summary table of the same columns
// (`SUMMARY_TABLE`, made by `createSummary`), as a dashboard at scale must. Outcome groups and
// their rows come from the core's cell catalogue, so no cell ID is spelt here that the model does
// not define.

import { REPORT_FORMATS, S3_OUTCOME_GROUPS, S4_GROUPS, outcomeRowKeys } from '@xxgk/core';

/** Every stored row of an outcome group in either format and either (六) layout. */
function groupRows(group) {
  const rows = REPORT_FORMATS.flatMap((format) =>
    ['subRows', 'single'].flatMap((layout) => outcomeRowKeys(group, format, layout)),
  );
  return [...new Set(rows)].map((row) => `s3.${row}.total`);
}

const snake = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const quoted = (id) => `"${id}"`;
const sumOf = (ids) => ids.map((id) => `coalesce(f.${quoted(id)}, 0)`).join(' + ');

/** Summary column → its expression over the cells (carry-overs left null when the cell is). */
const FIGURES = [
  ['applications', sumOf(['s3.new.total'])],
  ['carried_in', `f.${quoted('s3.carriedIn.total')}`],
  ['carried_out', `f.${quoted('s3.carriedOut.total')}`],
  ['handled', sumOf(['s3.total.total'])],
  ...S3_OUTCOME_GROUPS.map((group) => [snake(group.key), sumOf(groupRows(group))]),
  ...S4_GROUPS.flatMap((group) => [
    [snake(group.key), sumOf([`s4.${group.key}.total`])],
    [`${snake(group.key)}_corrected`, sumOf([`s4.${group.key}.corrected`])],
  ]),
];
const CELLS = [...new Set(FIGURES.flatMap(([, expression]) => expression.match(/"[^"]+"/g) ?? []))];

/** The current reports with their figures as typed columns, pulled out of the JSONB once a row. */
export const reportFigures = `(SELECT r.organ_id, r.file_id, r.year, r.format, r.region_code, r.level, r.kind, r.failed_rules,
  ${FIGURES.map(([name, expression]) => `${expression} AS ${name}`).join(',\n  ')}
FROM corpus_reports r, jsonb_to_record(r.figures) AS f(${CELLS.map((id) => `${id} bigint`).join(', ')})
WHERE r.current)`;

export const SUMMARY_TABLE = 'corpus_bench_figures';

/** Makes (again) the summary table the dashboard queries can read instead of corpus_reports. */
export async function createSummary(client) {
  await client.query(`DROP TABLE IF EXISTS ${SUMMARY_TABLE}`);
  await client.query(`CREATE TABLE ${SUMMARY_TABLE} AS SELECT * FROM ${reportFigures} AS r`);
  await client.query(`CREATE INDEX ON ${SUMMARY_TABLE} (year, region_code)`);
  await client.query(`CREATE INDEX ON ${SUMMARY_TABLE} (organ_id, year)`);
  await client.query(`ANALYZE ${SUMMARY_TABLE}`);
}

/** The year and province the parameterised queries look at (a recent year, a large province). */
export const DASHBOARD_YEAR = 2023;
export const DASHBOARD_PROVINCE = '44';
const OUTCOMES = S3_OUTCOME_GROUPS.map((group) => `sum(${snake(group.key)})::bigint AS ${snake(group.key)}`);
const CASES = S4_GROUPS.flatMap((group) => [snake(group.key), `${snake(group.key)}_corrected`]).map(
  (name) => `sum(${name})::bigint AS ${name}`,
);

/** The queries over a source of figures (`reportFigures` or `SUMMARY_TABLE`). */
export function dashboardQueries(source = reportFigures) {
  return [
    {
      name: 'totalsByYearProvince',
      title: '各年度、各省份报告数与申请数',
      sql: `SELECT year, left(region_code, 2) AS province, count(*)::int AS reports,
  sum(applications)::bigint AS applications, sum(granted)::bigint AS granted
FROM ${source} AS r WHERE format <> 'unknown' GROUP BY 1, 2 ORDER BY 1, 2`,
      params: [],
    },
    {
      name: 'outcomesByLevel',
      title: '本年度办理结果按机关层级',
      sql: `SELECT level, kind, count(*)::int AS reports, sum(handled)::bigint AS handled, ${OUTCOMES.join(', ')}
FROM ${source} AS r WHERE year = $1 GROUP BY level, kind ORDER BY level, kind`,
      params: [DASHBOARD_YEAR],
    },
    {
      name: 'failuresByRule',
      title: '各规则未通过的报告数',
      sql: `SELECT rule, count(*)::int AS reports FROM ${source} AS r, unnest(r.failed_rules) AS rule
WHERE year = $1 GROUP BY rule ORDER BY reports DESC, rule`,
      params: [DASHBOARD_YEAR],
    },
    {
      name: 'carryOverBreaks',
      title: '上年结转与上年报告结转下年度不一致的机关',
      sql: `SELECT a.organ_id, a.carried_out, b.carried_in
FROM ${source} AS a JOIN ${source} AS b ON b.organ_id = a.organ_id AND b.year = $1
WHERE a.year = $1 - 1 AND a.format <> 'unknown' AND b.format <> 'unknown'
  AND a.carried_out IS DISTINCT FROM b.carried_in
ORDER BY a.organ_id`,
      params: [DASHBOARD_YEAR],
    },
    {
      name: 'casesByYear',
      title: '行政复议、行政诉讼及其纠正数按年度',
      sql: `SELECT year, count(*)::int AS reports, ${CASES.join(', ')}
FROM ${source} AS r WHERE format <> 'unknown' GROUP BY year ORDER BY year`,
      params: [],
    },
    {
      name: 'yearOverYearJumps',
      title: '本年新收申请较上年激增的机关',
      sql: `SELECT b.organ_id, a.applications AS last_year, b.applications AS this_year
FROM ${source} AS a JOIN ${source} AS b ON b.organ_id = a.organ_id AND b.year = $1
WHERE a.year = $1 - 1 AND b.applications > 10 * greatest(a.applications, 5)
ORDER BY this_year DESC, b.organ_id`,
      params: [DASHBOARD_YEAR],
    },
    {
      name: 'drillDownPage',
      title: '某省某年度报告列表（按申请数排序，第一页）',
      sql: `SELECT r.file_id, o.name, r.region_code, r.level, r.applications, r.failed_rules
FROM ${source} AS r JOIN corpus_organs o ON o.id = r.organ_id
WHERE r.year = $1 AND r.region_code LIKE $2 || '%'
ORDER BY r.applications DESC, r.file_id LIMIT 50`,
      params: [DASHBOARD_YEAR, DASHBOARD_PROVINCE],
    },
  ];
}

export const DASHBOARD_QUERIES = dashboardQueries();

/** Every dashboard query's rows through a `pg` client: { name: rows }. */
export async function runDashboard(client, queries = DASHBOARD_QUERIES) {
  const answers = {};
  for (const query of queries) answers[query.name] = (await client.query(query.sql, query.params)).rows;
  return answers;
}
