import { JUMP } from '@xxgk/core';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/schema.js';
import type { CorpusFilter } from '../repository.js';

/**
 * The outliers of the corpus, found in SQL over the current reports so that a page of them costs
 * one query at any size: year-over-year jumps in new applications (core's JUMP), reports breaking
 * error rules, and carry-overs between an organ's consecutive years that do not meet (core's
 * cross-year-carryover and cross-year-in-force rules, on the totals).
 */
export type OutlierKind = 'jump' | 'impossible' | 'carryover';

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

function where(filter: CorpusFilter): RawBuilder<unknown> {
  const parts = [sql`c.current`];
  if (filter.year !== undefined) parts.push(sql`c.year = ${filter.year}`);
  if (filter.region) parts.push(sql`c.region_code like ${`${filter.region}%`}`);
  if (filter.level) parts.push(sql`c.level = ${filter.level}`);
  if (filter.kind) parts.push(sql`c.kind = ${filter.kind}`);
  return sql.join(parts, sql` and `);
}

/** An organ's current report of the year before, the organ's merges followed. */
const PAIR = sql`
  from corpus_reports c
  join corpus_organs oc on oc.id = c.organ_id
  join corpus_organs op on coalesce(op.merged_into, op.id) = coalesce(oc.merged_into, oc.id)
  join corpus_reports p on p.organ_id = op.id and p.year = c.year - 1 and p.current
  cross join lateral jsonb_to_record(c.figures) as cf(${RECORD})
  cross join lateral jsonb_to_record(p.figures) as pf(${RECORD})`;

function inForceBroken(row: 'regulations' | 'normativeDocs'): RawBuilder<boolean> {
  return sql<boolean>`${num('c', `s2.${row}.inForce`)} <> ${num('p', `s2.${row}.inForce`)} + ${num('c', `s2.${row}.issued`)} - ${num('c', `s2.${row}.repealed`)}`;
}

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

function page(query: OutlierQuery): RawBuilder<unknown> {
  return sql`limit ${query.limit} offset ${query.offset}`;
}

export async function findOutliers(db: Db, kind: OutlierKind, query: OutlierQuery, errorRules: readonly string[]) {
  const filter = where(query);
  let statement: RawBuilder<OutlierRow>;
  if (kind === 'jump') {
    const before = num('p', 's3.new.total');
    const after = num('c', 's3.new.total');
    statement = sql<OutlierRow>`
      select c.id::text as "id", p.id::text as "previousId", oc.name as "organName", c.year, c.region_code as "regionCode",
        jsonb_build_object('before', ${before}, 'after', ${after}) as details, c.failed_rules as "failedRules",
        count(*) over () as total
      ${PAIR}
      where ${filter} and greatest(${before}, ${after}) >= ${JUMP.minimum}
        and greatest(${before}, ${after}) >= ${JUMP.factor} * greatest(least(${before}, ${after}), 1)
      order by greatest(${before}, ${after}) desc, c.year desc, oc.name, c.id ${page(query)}`;
  } else if (kind === 'carryover') {
    const both2021 = sql`c.format = '2021' and p.format = '2021'`;
    const expected = (row: string) =>
      sql`${num('p', `s2.${row}.inForce`)} + ${num('c', `s2.${row}.issued`)} - ${num('c', `s2.${row}.repealed`)}`;
    // The page is chosen first and its details built after, in the order the reports came in (not by
    // name: sorting thousands of Chinese names by collation costs more than the rest of the query).
    statement = sql<OutlierRow>`
      select x.id, x."previousId", x."organName", x.year, x."regionCode", x."failedRules", x.total,
        jsonb_build_object('carriedIn', x.ci, 'carriedOutBefore', x.co, 'regulationsInForce', x.rf,
          'regulationsExpected', x.re, 'normativeDocsInForce', x.nf, 'normativeDocsExpected', x.ne) as details
      from (
        select c.id::text as "id", p.id::text as "previousId", oc.name as "organName", c.year,
          c.region_code as "regionCode", c.failed_rules as "failedRules", count(*) over () as total,
          ${num('c', 's3.carriedIn.total')} as ci, ${num('p', 's3.carriedOut.total')} as co,
          ${num('c', 's2.regulations.inForce')} as rf, ${expected('regulations')} as re,
          ${num('c', 's2.normativeDocs.inForce')} as nf, ${expected('normativeDocs')} as ne
        ${PAIR}
        where ${filter} and (${num('c', 's3.carriedIn.total')} <> ${num('p', 's3.carriedOut.total')}
          or (${both2021} and (${inForceBroken('regulations')} or ${inForceBroken('normativeDocs')})))
        order by c.year desc, c.id ${page(query)}
      ) x
      order by x.year desc, x.id::bigint`;
  } else {
    statement = sql<OutlierRow>`
      select c.id::text as "id", null as "previousId", oc.name as "organName", c.year, c.region_code as "regionCode",
        '{}'::jsonb as details, c.failed_rules as "failedRules", count(*) over () as total
      from corpus_reports c join corpus_organs oc on oc.id = c.organ_id
      where ${filter} and c.failed_rules && array[${sql.join(errorRules.length ? errorRules : [''])}]::text[]
      order by c.year desc, oc.name, c.id ${page(query)}`;
  }
  const { rows } = await statement.execute(db);
  return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _total, ...row }) => row) };
}
