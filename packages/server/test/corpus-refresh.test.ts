import { generateReport, seededRandom } from '@xxgk/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { refreshCorpusSummaries } from '../src/features/corpus-analysis/service.js';
import { corpusFiles, type CorpusFile } from './support/corpus.js';
import { corpusSession, textFile } from './support/corpus-session.js';
import { ENGINES } from './support/databases.js';

/*
 * The refresh at the end of an import batch rewrites only the parts whose current reports changed
 * (migration 0018). After each batch — new organs and years, a corrected version, a new organ in a
 * new place, a year between two others, and reports moved to another organ — the summary, rollup
 * and outlier tables and the parts must equal what a whole refresh writes into the same database.
 */

const TABLES = ['corpus_summaries', 'corpus_rollups', 'corpus_outliers', 'corpus_refresh_parts'] as const;

describe.each(ENGINES)('the refresh of what a batch changed on %s', (engine) => {
  const session = corpusSession(engine);
  const { importFiles } = session;
  const files = corpusFiles([2022, 2023]);

  /** Every row of the four tables, as sorted JSON (the outliers' serial id left out). */
  async function tables() {
    const all: Record<string, string[]> = {};
    for (const table of TABLES) {
      const { rows } = await sql<{ row: string }>`
        select (to_jsonb(t) - 'id')::text as row from ${sql.table(table)} t`.execute(session.database.db);
      all[table] = rows.map((r) => r.row).sort();
    }
    return all;
  }

  /** The tables as the incremental refresh left them, then as a whole refresh writes them. */
  async function expectWhole() {
    const incremental = await tables();
    await refreshCorpusSummaries(session.database.db, { whole: true });
    const whole = await tables();
    for (const table of TABLES) expect(incremental[table], table).toEqual(whole[table]);
    return whole;
  }

  it('equal a whole refresh after the first batch, and again after the same year’s second batch', async () => {
    await importFiles('first', files.slice(0, 4));
    const first = await expectWhole();
    expect(first['corpus_summaries']?.length).toBeGreaterThan(0);
    await importFiles('second', files.slice(4));
    const second = await expectWhole();
    expect(second['corpus_summaries']?.length).toBeGreaterThan(first['corpus_summaries']?.length ?? 0);
    expect(second['corpus_outliers']?.length).toBeGreaterThan(0);
  });

  it('equal a whole refresh after a corrected version (the old one no longer current)', async () => {
    const first = files.find((f) => f.name === '2-2022.txt') as CorpusFile;
    const cells = first.report.cells;
    const corrected = { ...first.report, cells: { ...cells, 's3.new.total': (cells['s3.new.total'] ?? 0) * 20 + 500 } };
    const before = await tables();
    await importFiles('corrected', [textFile('海盐县民政局-2022-更正.txt', corrected)]);
    const after = await expectWhole();
    expect(after['corpus_summaries']).not.toEqual(before['corpus_summaries']);
  });

  it('equal a whole refresh after a new organ in a new place and a year before the others', async () => {
    const report = generateReport(seededRandom(43), { format: '2021', year: 2023, agency: '武汉市江岸区民政局' });
    await importFiles('new place', [textFile('武汉市江岸区民政局-2023.txt', report)]);
    await expectWhole();
    // 2021's reports pair with 2022's: the outliers of the year after a batch's year change too.
    await importFiles('year before', corpusFiles([2021], 7));
    const after = await expectWhole();
    expect(after['corpus_outliers']?.some((row) => row.includes('"year": 2022'))).toBe(true);
  });

  it('equal a whole refresh after reports move to another organ and it is merged', async () => {
    const { rows } = await sql<{ id: number; region_code: string }>`
      select id, region_code from corpus_organs where merged_into is null order by id`.execute(session.database.db);
    const [into, from] = [rows[0], rows[1]];
    if (!into || !from) throw new Error('two organs expected');
    await sql`update corpus_organs set merged_into = ${into.id} where id = ${from.id}`.execute(session.database.db);
    await sql`
      update corpus_reports set organ_id = ${into.id}, region_code = ${into.region_code}
      where organ_id = ${from.id} and year = 2023`.execute(session.database.db);
    // As the corpus service does after a merge: every year of the two organs, here incrementally.
    await refreshCorpusSummaries(session.database.db, { years: [2021, 2022, 2023] });
    await expectWhole();
  });
});
