import { createHash } from 'node:crypto';
import {
  checkReport,
  drawSection3,
  generateReport,
  organIdentity,
  section3OutcomeRows,
  seededRandom,
  type Report,
} from '@xxgk/core';
import type { Kysely } from 'kysely';
import { json, type Database } from '../../src/db/schema.js';

/**
 * Corpus rows made from core's report generator, written straight into the corpus tables (the
 * import is another feature's): organs, a file a report (its bytes are the report's own text), and
 * reports with their findings and failed rules as core's rules give them.
 */
export interface SeedReport {
  readonly organ: string;
  readonly region: string | null;
  readonly level: string | null;
  readonly kind: 'government' | 'department';
  readonly year: number;
  /** Writable, so a test can plant a broken figure in a clean report. */
  cells: Report['cells'];
  readonly version?: number;
  readonly current?: boolean;
  readonly meta?: Record<string, unknown>;
}

export interface SeededReport extends SeedReport {
  readonly id: string;
  readonly organId: number;
  readonly fileId: number;
  readonly failedRules: readonly string[];
}

function asReport(seed: SeedReport): Report {
  return {
    meta: { agency: seed.organ, year: seed.year, format: seed.year >= 2021 ? '2021' : '2019' },
    sections: {
      overview: { paragraphs: ['总体情况。'], subsections: [] },
      problems: { paragraphs: ['存在问题。'], subsections: [] },
      otherMatters: { paragraphs: ['本年度未收取信息处理费。'], subsections: [] },
    },
    cells: seed.cells,
  };
}

export async function seedCorpus(db: Kysely<Database>, seeds: readonly SeedReport[]): Promise<SeededReport[]> {
  const organs = new Map<string, number>();
  const seeded: SeededReport[] = [];
  for (const seed of seeds) {
    let organId = organs.get(seed.organ);
    if (organId === undefined) {
      const row = await db
        .insertInto('corpus_organs')
        .values({
          identity_key: `${seed.region ?? ''}|${seed.organ}`,
          name: seed.organ,
          region_code: seed.region,
          level: seed.level,
          kind: seed.kind,
          confidence: 1,
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organId = row.id;
      organs.set(seed.organ, organId);
    }
    const findings = checkReport({ report: asReport(seed) });
    const failedRules = [...new Set(findings.map((f) => f.rule))];
    const content = new TextEncoder().encode(
      `${seed.organ}${seed.year}年政府信息公开工作年度报告 v${seed.version ?? 1}`,
    );
    const file = await db
      .insertInto('corpus_files')
      .values({
        sha256: createHash('sha256').update(content).digest('hex'),
        file_name: `${seed.organ}${seed.year}.txt`,
        media_type: 'text/plain; charset=utf-8',
        size: content.length,
        content,
        status: 'read',
        imported_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report = await db
      .insertInto('corpus_reports')
      .values({
        organ_id: organId,
        year: seed.year,
        version: seed.version ?? 1,
        current: seed.current ?? true,
        file_id: file.id,
        format: seed.year >= 2021 ? '2021' : '2019',
        region_code: seed.region,
        level: seed.level,
        kind: seed.kind,
        figures: json(seed.cells),
        findings: json(findings),
        failed_rules: failedRules,
        sources: json({ 's3.new.total': { line: 12, text: `本年新收 ${seed.cells['s3.new.total'] ?? ''}` } }),
        meta: json(seed.meta ?? {}),
        imported_at: new Date(),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    seeded.push({ ...seed, id: String(report.id), organId, fileId: file.id, failedRules });
  }
  return seeded;
}

/** This year's figures made to follow on from last year's: 上年结转 and 现行有效 meet. */
export function followOn(previous: Report['cells'], cells: Report['cells']) {
  const next = { ...cells };
  const get = (id: string) => next[id] ?? 0;
  const rows = section3OutcomeRows('2021', 'subRows');
  // 本年新收 follows from last year's 结转 as core's generator balances it.
  const balanced = drawSection3(rows, (key) => ({
    outcomes: Object.fromEntries(rows.map((row) => [row, get(`s3.${row}.${key}`)])),
    carriedIn: previous[`s3.carriedOut.${key}`] ?? 0,
    carriedOut: get(`s3.carriedOut.${key}`),
  }));
  Object.assign(next, balanced);
  for (const row of ['regulations', 'normativeDocs']) {
    const available = (previous[`s2.${row}.inForce`] ?? 0) + get(`s2.${row}.issued`);
    // No more can be repealed than were in force.
    next[`s2.${row}.repealed`] = Math.min(get(`s2.${row}.repealed`), available);
    next[`s2.${row}.inForce`] = available - get(`s2.${row}.repealed`);
  }
  return next;
}

export interface CorpusOrgan {
  readonly organ: string;
  readonly region: string;
  readonly level: string;
  readonly kind: 'government' | 'department';
}

/** An organ as the corpus import would place it: region, level and kind read from its name by core. */
function corpusOrgan(organ: string): CorpusOrgan {
  const identity = organIdentity(organ);
  return {
    organ,
    region: must(identity.region, `${organ}的行政区划`).code,
    level: must(identity.level, `${organ}的层级`),
    kind: identity.kind,
  };
}

/** Organs of two counties of 杭州市 and one of 淮北市, governments and departments. */
export const CORPUS_ORGANS: readonly CorpusOrgan[] = [
  '杭州市上城区人民政府',
  '杭州市上城区应急管理局',
  '杭州市上城区民政局',
  '杭州市拱墅区教育局',
  '杭州市民政局',
  '淮北市相山区应急管理局',
].map(corpusOrgan);

/** Three consecutive clean years (2021–2023) of each organ, each year following on from the last. */
export function cleanCorpus(seed: number, years = [2021, 2022, 2023]): SeedReport[] {
  const random = seededRandom(seed);
  return CORPUS_ORGANS.flatMap((organ) => {
    let previous: Report['cells'] | undefined;
    return years.map((year) => {
      const generated = generateReport(random, { format: '2021', year, agency: organ.organ }).cells;
      const cells = previous ? followOn(previous, generated) : generated;
      previous = cells;
      return { ...organ, year, cells };
    });
  });
}

/** The value, or a failed test saying what was missing (instead of a non-null assertion). */
export function must<T>(value: T | null | undefined, what = '值'): T {
  if (value === null || value === undefined) throw new Error(`缺少${what}`);
  return value;
}
