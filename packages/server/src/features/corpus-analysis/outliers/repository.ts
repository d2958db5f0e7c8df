import { JUMP } from '@xxgk/core';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/schema.js';
import type { CorpusFilter } from '../filter.js';
import { clearYears, organChanged, organPart } from '../refresh/repository.js';
import { ERROR_RULES, type OutlierKind } from './rules.js';

/**
 * The outliers' SQL: `refreshOutliers` finds them over the current reports and stores them in
 * `corpus_outliers` (migration 0014) when the summary is refreshed; `findOutliers` reads a page
 * of them, so a request never joins an organ's consecutive years (nor reads a foreign partition).
 */
export interface OutlierQuery extends CorpusFilter {
  readonly limit: number;
  readonly offset: number;
}

/** The cells the outliers compare, read out of each report's JSON once (jsonb_to_record). */
const CELLS = [
  's3.new.total',
  's3.carriedIn.total',
  's3.carriedOut.total',
  ...['regulations', 'normativeDocs'].flatMap((row) => ['inForce', 'issued', 'repealed'].map((c) => `s2.${row}.${c}`)),
];
const RECORD = sql.join(CELLS.map((id) => sql`${sql.id(id)} float8`));
/** A cell of this year's report (`c`) or last year's (`p`). */
const num = (alias: 'c' | 'p', id: string): RawBuilder<number> => sql<number>`${sql.ref(`${alias}f`)}.${sql.id(id)}`;

/** 现行有效 as last year's plus this year's 制发 less 废止. */
const expectedInForce = (row: string) =>
  sql`${num('p', `s2.${row}.inForce`)} + ${num('c', `s2.${row}.issued`)} - ${num('c', `s2.${row}.repealed`)}`;

/**
 * Each current report of the years (all when none are given) with its organ's current report of
 * the year before (the organ's merges followed), and the figures the jumps and carry-overs
 * compare. The years before are named too, so that only their partitions are read (the join's
 * `p.year = c.year - 1` alone prunes none, and a foreign partition would send all its rows).
 */
function pairs(years: readonly number[] | undefined, scope: RawBuilder<unknown>): RawBuilder<unknown> {
  const inYears = years
    ? sql`and c.year in (${sql.join(years)}) and p.year in (${sql.join(years.map((y) => y - 1))})`
    : sql``;
  return sql`
    select c.id, p.id as previous_id, c.organ_id, c.year, c.region_code, c.level, c.kind, c.failed_rules,
      ${num('p', 's3.new.total')} as before, ${num('c', 's3.new.total')} as after,
      ${num('c', 's3.carriedIn.total')} as ci, ${num('p', 's3.carriedOut.total')} as co,
      ${num('c', 's2.regulations.inForce')} as rf, ${expectedInForce('regulations')} as re,
      ${num('c', 's2.normativeDocs.inForce')} as nf, ${expectedInForce('normativeDocs')} as ne,
      c.format = '2021' and p.format = '2021' as both2021
    from corpus_reports c
    join corpus_organs oc on oc.id = c.organ_id
    join corpus_organs op on coalesce(op.merged_into, op.id) = coalesce(oc.merged_into, oc.id)
    join corpus_reports p on p.organ_id = op.id and p.year = c.year - 1 and p.current
    cross join lateral jsonb_to_record(c.figures) as cf(${RECORD})
    cross join lateral jsonb_to_record(p.figures) as pf(${RECORD})
    where c.current ${inYears} ${scope}`;
}

const COLUMNS = sql`type, year, report_id, previous_id, organ_id, region_code, level, kind, failed_rules, details, magnitude`;

/**
 * Rewrites the stored outliers of the given years (all when none are given) from the current
 * reports: the caller passes each year a change touched and the year after it, whose pairs
 * begin in it. With `changed`, only those of the organs whose parts changed that year or the year
 * before (refresh/repository.ts). Runs inside the summary's refresh transaction.
 */
export async function refreshOutliers(db: Db, years: readonly number[] | undefined, only?: 'changed'): Promise<void> {
  const changed = (alias: string) => organChanged(sql.ref(`${alias}.year`), organPart(`o${alias}`));
  if (only) {
    await sql`
      delete from corpus_outliers c using corpus_organs oc
      where oc.id = c.organ_id and c.year in (${sql.join(years ?? [])}) and ${changed('c')}`.execute(db);
  } else {
    await clearYears(db, 'corpus_outliers', years);
  }
  const scope = only ? sql`and ${changed('c')}` : sql``;
  const inYears = years ? sql`and c.year in (${sql.join(years)})` : sql``;
  const larger = sql`greatest(before, after)`;
  const rules = ERROR_RULES.length ? ERROR_RULES : [''];
  await sql`
    with pair as (${pairs(years, scope)})
    insert into corpus_outliers (${COLUMNS})
    select 'jump', year, id, previous_id, organ_id, region_code, level, kind, failed_rules,
      jsonb_build_object('before', before, 'after', after), ${larger}
    from pair
    where ${larger} >= ${JUMP.minimum} and ${larger} >= ${JUMP.factor} * greatest(least(before, after), 1)
    union all
    select 'carryover', year, id, previous_id, organ_id, region_code, level, kind, failed_rules,
      jsonb_build_object('carriedIn', ci, 'carriedOutBefore', co, 'regulationsInForce', rf,
        'regulationsExpected', re, 'normativeDocsInForce', nf, 'normativeDocsExpected', ne), null
    from pair
    where ci <> co or (both2021 and (rf <> re or nf <> ne))
    union all
    select 'impossible', c.year, c.id, null, c.organ_id, c.region_code, c.level, c.kind, c.failed_rules, '{}'::jsonb, null
    from corpus_reports c join corpus_organs oc on oc.id = c.organ_id
    where c.current ${inYears} ${scope} and c.failed_rules && array[${sql.join(rules)}]::text[]`.execute(db);
}

function where(kind: OutlierKind, filter: CorpusFilter): RawBuilder<unknown> {
  const parts = [sql`o.type = ${kind}`];
  if (filter.year !== undefined) parts.push(sql`o.year = ${filter.year}`);
  if (filter.region) parts.push(sql`o.region_code like ${`${filter.region}%`}`);
  if (filter.level) parts.push(sql`o.level = ${filter.level}`);
  if (filter.kind) parts.push(sql`o.kind = ${filter.kind}`);
  return sql.join(parts, sql` and `);
}

/** Jumps largest first; the other kinds newest first, carry-overs in the order the reports came in. */
const ORDER: Record<OutlierKind, RawBuilder<unknown>> = {
  jump: sql`o.magnitude desc, o.year desc, n.name, o.report_id`,
  impossible: sql`o.year desc, n.name, o.report_id`,
  carryover: sql`o.year desc, o.report_id`,
};

interface OutlierRow {
  id: string;
  previousId: string | null;
  organName: string;
  year: number;
  regionCode: string | null;
  details: Record<string, number | null>;
  failedRules: string[];
  total: string;
}

/** A page of the stored outliers of one kind under the filters, and how many there are. */
export async function findOutliers(db: Db, kind: OutlierKind, query: OutlierQuery) {
  const { rows } = await sql<OutlierRow>`
    select o.report_id::text as "id", o.previous_id::text as "previousId", n.name as "organName", o.year,
      o.region_code as "regionCode", o.details, o.failed_rules as "failedRules", count(*) over () as total
    from corpus_outliers o join corpus_organs n on n.id = o.organ_id
    where ${where(kind, query)}
    order by ${ORDER[kind]}
    limit ${query.limit} offset ${query.offset}`.execute(db);
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _total, ...row }) => row) };
}
