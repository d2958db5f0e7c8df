import { generateReport, renderText, seededRandom } from '@xxgk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { CorpusService } from '../src/features/corpus/service.js';
import { corpusFiles, type CorpusFile } from './support/corpus.js';
import { corpusInputs } from './support/corpus-session.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

/** A report whose title and text name no organ: read, but it cannot be filed under one. */
function anonymous(): CorpusFile {
  const report = generateReport(seededRandom(7), { format: '2021', year: 2022, agency: '' });
  return { name: 'no-organ.txt', bytes: new TextEncoder().encode(renderText(report, 'lines')), report };
}

const BROKEN = { name: 'broken.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n不是完整的 PDF') };

describe.each(ENGINES)('importing the corpus on %s', (engine) => {
  let database: TestDatabase;
  let corpus: CorpusService;
  const files = corpusFiles([2020, 2021, 2022, 2023]);
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    corpus = new CorpusService(database.db, { threads: 2 });
  });
  afterAll(async () => {
    await corpus.close();
    await database.close();
  });

  const count = async (table: 'corpus_files' | 'corpus_reports' | 'corpus_organs' | 'corpus_organ_names') =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n;

  it('reads every file once: read, failed with a reason naming the file, needing review', async () => {
    const batch = await corpus.startBatch(null, 'test', files.length + 2);
    const outcomes: string[] = [];
    const summary = await corpus.importCorpusFiles(corpusInputs([...files, anonymous(), BROKEN]), {
      batch,
      onFile: (o) => outcomes.push(o.status),
    });
    expect(summary).toEqual({ read: 20, review: 1, failed: 1, existing: 0 });
    expect(outcomes).toHaveLength(22);
    const broken = await database.db
      .selectFrom('corpus_files')
      .select(['status', 'error'])
      .where('file_name', '=', 'broken.pdf')
      .executeTakeFirstOrThrow();
    expect(broken.status).toBe('failed');
    expect(broken.error).toMatch(/^broken\.pdf：/);
    const review = await database.db
      .selectFrom('corpus_files')
      .select(['status', 'error'])
      .where('file_name', '=', 'no-organ.txt')
      .executeTakeFirstOrThrow();
    expect(review).toEqual({ status: 'review', error: expect.stringContaining('未读出报告机关的名称') });
    // Five organs: 上城区应急管理局's three spellings are one.
    expect(await count('corpus_organs')).toBe(5);
    expect(await count('corpus_reports')).toBe(20);
    const shangcheng = await database.db
      .selectFrom('corpus_organ_names')
      .innerJoin('corpus_organs', 'corpus_organs.id', 'corpus_organ_names.organ_id')
      .select(['corpus_organ_names.name', 'corpus_organs.region_code', 'corpus_organs.level', 'corpus_organs.kind'])
      .where('corpus_organs.region_code', '=', '330102')
      .orderBy('corpus_organ_names.name')
      .execute();
    expect(shangcheng.map((n) => n.name)).toEqual([
      '上城区应急管理局',
      '杭州市上城区安全生产监督管理局',
      '杭州市上城区应急管理局',
    ]);
    expect(shangcheng[0]).toMatchObject({ level: 'county', kind: 'department' });
    // Called by its fullest present-day spelling, whichever file was read first.
    const organ = await database.db
      .selectFrom('corpus_organs')
      .select('name')
      .where('region_code', '=', '330102')
      .executeTakeFirstOrThrow();
    expect(organ.name).toBe('杭州市上城区应急管理局');
    // Figures as the files give them, each with where it was read.
    const report = await database.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_files', 'corpus_files.id', 'corpus_reports.file_id')
      .select(['figures', 'sources', 'meta', 'region_code', 'version', 'current', 'failed_rules'])
      .where('corpus_files.file_name', '=', '1-2021.txt')
      .executeTakeFirstOrThrow();
    const expected = files.find((f) => f.name === '1-2021.txt')?.report.cells ?? {};
    expect(report.figures['s3.new.total']).toBe(expected['s3.new.total']);
    expect(Object.keys(report.figures).length).toBeGreaterThan(50);
    expect(report.sources['s3.new.total']).toMatchObject({ line: expect.any(Number) });
    // The file is the file row's: its name is not repeated in each source.
    expect(Object.values(report.sources).filter((source) => 'file' in (source as object))).toEqual([]);
    expect(report.meta).toMatchObject({ organName: '淮北市相山区教育局', year: 2021 });
    expect([report.region_code, report.version, report.current, report.failed_rules]).toEqual(['340603', 1, true, []]);
  });

  it('imports the same files again as nothing new', async () => {
    const batch = await corpus.startBatch(null, 'again', files.length);
    const summary = await corpus.importCorpusFiles(corpusInputs(files), { batch });
    expect(summary).toEqual({ read: 0, review: 0, failed: 0, existing: 20 });
    expect(await count('corpus_files')).toBe(22);
    expect(await count('corpus_reports')).toBe(20);
    const view = await corpus.batch(curator, batch, { limit: 10, offset: 0 });
    expect(view).toMatchObject({ total: 20, done: 20, existing: 20, read: 0, files: { total: 0 } });
  });

  it('keeps a corrected file for the same organ and year as version 2, version 1 kept', async () => {
    const first = files.find((f) => f.name === '2-2022.txt') as CorpusFile;
    const report = { ...first.report, cells: { ...first.report.cells, 's2.penalty.decisions': 999 } };
    const corrected = {
      name: '海盐县民政局-2022-更正.txt',
      bytes: new TextEncoder().encode(renderText(report, 'lines')),
    };
    const batch = await corpus.startBatch(null, 'corrected', 1);
    expect(await corpus.importCorpusFiles(corpusInputs([corrected]), { batch })).toMatchObject({ read: 1 });
    const versions = await database.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_organs', 'corpus_organs.id', 'corpus_reports.organ_id')
      .select(['version', 'current', sql<number>`(figures ->> 's2.penalty.decisions')::int`.as('issued')])
      .where('corpus_organs.name', '=', '海盐县民政局')
      .where('year', '=', 2022)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, current: false, issued: first.report.cells['s2.penalty.decisions'] },
      { version: 2, current: true, issued: 999 },
    ]);
    const view = await corpus.batch(curator, batch, { limit: 10, offset: 0 });
    expect(view.files.items[0]).toMatchObject({ status: 'read', year: 2022, version: 2, organName: '海盐县民政局' });
  });
});

const curator = { id: 0, organId: 0, organPath: '/', role: 'supervisor' as const, name: '测试' };
