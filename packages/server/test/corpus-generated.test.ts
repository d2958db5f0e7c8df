import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURES, measureValue, parseReport } from '@xxgk/core';
import { writeCorpus } from '../../../bench/support/corpus.js';
import type { CorpusTruth } from '../../../bench/support/corpus.js';
import { CorpusAnalysisService } from '../src/features/corpus-analysis/service.js';
import { CorpusService } from '../src/features/corpus/service.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

/*
 * The synthetic corpus (core/src/corpus): organs from the region table, spelt differently across
 * their years (short forms, names before the 2018 renamings, with or without the prefecture), as
 * text, web pages, DOCX and damaged text. PDFs are left to bench:corpus: rendering and reading
 * them would take minutes here.
 */
const REPORTS = 120;

describe.each(ENGINES)('importing the synthetic corpus on %s', (engine) => {
  let database: TestDatabase;
  let corpus: CorpusService;
  let dir: string;
  let truth: CorpusTruth;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'xxgk-corpus-generated-'));
    truth = await writeCorpus(dir, { seed: 3, reports: REPORTS, kinds: ['text', 'html', 'docx', 'damaged'] });
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
    expect(await corpus.importCorpusFiles(inputs, { batch })).toEqual({
      read: REPORTS,
      review: 0,
      failed: 0,
      existing: 0,
    });
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
    // No organ split in two (recall) and no two organs joined (precision), over every spelling used.
    expect([...corpusOrgans.values()].filter((s) => s.size > 1)).toEqual([]);
    expect([...truthOrgans.values()].filter((s) => s.size > 1)).toEqual([]);
    const spellings = new Set(truth.files.map((f) => f.name));
    expect(spellings.size).toBeGreaterThan(truth.organs.length);
    expect(figuresChecked).toBeGreaterThan(REPORTS / 3);
  });

  it("gives on the dashboard, year by year, the sums of the files' own figures read again apart from the database", async () => {
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
    const figures = await new CorpusAnalysisService(database.db).figures({}, 'year');
    expect(Object.fromEntries(figures.groups.map((g) => [g.key, g.measures]))).toEqual(Object.fromEntries(expected));
    // Real tables are mostly zeros: the comparison must have had figures to compare.
    expect(figures.totals.measures['applications']).toBeGreaterThan(0);
    expect(figures.totals.measures['granted']).toBeGreaterThan(0);
  });
});
