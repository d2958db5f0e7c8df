import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES, measureValue, organIdentity, parseReport } from '@xxgk/core';
import { writeCorpus } from '../../../bench/support/corpus.js';
import type { CorpusTruth } from '../../../bench/support/corpus.js';
import { CorpusAnalysisService } from '../src/features/corpus-analysis/service.js';
import { CorpusService } from '../src/features/corpus/service.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

/*
 * The synthetic corpus (core/src/corpus): organs from the region table, spelt differently across
 * their years (short forms, names before the 2018 renamings, with or without the prefecture), as
 * text, web pages, DOCX and damaged text. PDFs are left to bench:corpus: rendering and reading
 * them would take minutes here. A thousand reports (issue 15 asks a few thousand; 2,000 would add
 * about a minute to CI on 2 cores), written and read again apart from the database once, for
 * both engines.
 */
const REPORTS = 1000;

interface Generated {
  readonly dir: string;
  readonly truth: CorpusTruth;
  /** Each year's measures summed from the files read by core's reader in this process. */
  readonly expected: Map<string, Record<string, number>>;
}

async function generate(): Promise<Generated> {
  const dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-generated-'));
  const truth = await writeCorpus(dir, { seed: 3, reports: REPORTS, kinds: ['text', 'html', 'docx', 'damaged'] });
  // Independent of the import: each file read by core's reader in this process, its measures added up by year.
  const expected = new Map<string, Record<string, number>>();
  for (const f of truth.files) {
    const parsed = await parseReport(new Uint8Array(await readFile(join(dir, f.file))), { file: f.file });
    const sums = expected.get(String(f.year)) ?? {};
    expected.set(String(f.year), sums);
    for (const m of MEASURES)
      sums[m.key] = (sums[m.key] ?? 0) + (m.key === 'reports' ? 1 : measureValue(m, parsed.report.cells));
  }
  // Fees are 万元 to the cent: the sums are compared as printed, not as binary fractions.
  for (const sums of expected.values())
    for (const key of Object.keys(sums)) sums[key] = Math.round((sums[key] ?? 0) * 1e6) / 1e6;
  return { dir, truth, expected };
}

let generated: Promise<Generated> | undefined;

describe.each(ENGINES)('importing the synthetic corpus on %s', (engine) => {
  let database: TestDatabase;
  let corpus: CorpusService;
  let dir: string;
  let truth: CorpusTruth;
  let expected: Map<string, Record<string, number>>;
  beforeAll(async () => {
    generated ??= generate();
    ({ dir, truth, expected } = await generated);
    database = await openTestDatabase(engine);
    corpus = new CorpusService(database.db, { threads: 2 });
  });
  afterAll(async () => {
    await corpus.close();
    await database.close();
  });

  it('files every report under its own organ and year, one corpus organ for each organ however spelt', async () => {
    const inputs = truth.files.map((f) => ({
      name: f.file,
      read: async () => ({ bytes: new Uint8Array(await readFile(join(dir, f.file))) }),
    }));
    const batch = await corpus.startBatch(null, 'synthetic', inputs.length);
    const review: string[] = [];
    const summary = await corpus.importCorpusFiles(inputs, {
      batch,
      onFile: (o) => (o.status === 'review' ? review.push(o.file) : undefined),
    });
    expect(summary).toEqual({ read: REPORTS - review.length, review: review.length, failed: 0, existing: 0 });
    // Only text damaged on its way (a row's figures run together) needs a person: the reader says so.
    const damaged = new Set(truth.files.filter((f) => f.input.kind === 'damaged').map((f) => f.file));
    expect(review.filter((file) => !damaged.has(file))).toEqual([]);
    expect(review.length).toBeLessThan(damaged.size);
    const rows = await database.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_files', 'corpus_files.id', 'corpus_reports.file_id')
      .select(['corpus_files.file_name', 'corpus_reports.organ_id', 'corpus_reports.year', 'corpus_reports.figures'])
      .execute();
    const byFile = new Map(rows.map((r) => [r.file_name, r]));
    const corpusOrgans = new Map<number, Set<number>>();
    const truthOrgans = new Map<number, Set<number>>();
    let figuresChecked = 0;
    for (const f of truth.files) {
      const row = byFile.get(f.file);
      expect(row?.year, f.file).toBe(f.year);
      if (!row) continue;
      corpusOrgans.set(f.organ, (corpusOrgans.get(f.organ) ?? new Set()).add(row.organ_id));
      truthOrgans.set(row.organ_id, (truthOrgans.get(row.organ_id) ?? new Set()).add(f.organ));
      if (f.input.kind !== 'damaged' && f.format !== 'unknown') {
        expect(row.figures, f.file).toEqual(f.cells);
        figuresChecked += 1;
      }
    }
    // No two organs joined (precision), over every spelling used.
    expect([...truthOrgans.values()].filter((s) => s.size > 1)).toEqual([]);
    /*
     * No organ split in two (recall), but for one the name alone cannot settle: a spelling without
     * its prefecture whose district's name is shared (河东区 of 临沂 or of 天津, 郊区) becomes an
     * organ of its own (its match is then marked less sure), the same with either engine and
     * before group writing. Among 2,000 reports two organs were spelt so.
     */
    const ambiguous = (organ: number) =>
      truth.files.some((f) => f.organ === organ && organIdentity(f.name).alternatives.length > 0);
    const split = [...corpusOrgans].filter(([, s]) => s.size > 1).map(([organ]) => organ);
    expect(split.filter((organ) => !ambiguous(organ))).toEqual([]);
    expect(split.length).toBeLessThan(truth.organs.length / 20);
    const spellings = new Set(truth.files.map((f) => f.name));
    expect(spellings.size).toBeGreaterThan(truth.organs.length);
    expect(figuresChecked).toBeGreaterThan(REPORTS / 3);
    // A thousand files: more than the default minute on a loaded machine.
  }, 300_000);

  it("gives on the dashboard, year by year, the sums of the files' own figures read again apart from the database", async () => {
    const figures = await new CorpusAnalysisService(database.db).figures({}, 'year');
    expect(Object.fromEntries(figures.groups.map((g) => [g.key, g.measures]))).toEqual(Object.fromEntries(expected));
    // Real tables are mostly zeros: the comparison must have had figures to compare.
    expect(figures.totals.measures['applications']).toBeGreaterThan(0);
    expect(figures.totals.measures['granted']).toBeGreaterThan(0);
  });
});
