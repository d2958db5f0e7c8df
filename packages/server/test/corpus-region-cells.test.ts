import { generateReport, seededRandom, sumReportCells, type Report } from '@xxgk/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { refreshCorpusSummaries } from '../src/features/corpus-analysis/service.js';
import { corpusFiles, type CorpusFile } from './support/corpus.js';
import { corpusSession, textFile } from './support/corpus-session.js';
import { ENGINES } from './support/databases.js';

/*
 * The stored 汇总 sums of provinces and prefectures (migrations 0016, 0017) after imports: the
 * refresh at the end of each batch sums again only the places whose reports changed, so after a
 * corrected version and after a batch touching one place every stored sum must still equal the
 * sums added up here, straight from the current reports.
 */

describe.each(ENGINES)('the stored 汇总 sums on %s', (engine) => {
  const session = corpusSession(engine);
  const { importFiles } = session;
  const files = corpusFiles([2022, 2023]);

  /** year/region → the stored sums, rounded as the 汇总 rounds them. */
  async function stored() {
    const rows = await session.database.db
      .selectFrom('corpus_region_cells')
      .select(['year', 'region', 'cells'])
      .execute();
    return Object.fromEntries(rows.map((r) => [`${r.year}/${r.region}`, sumReportCells([r.cells])]));
  }

  /** year/region → the current reports' cells added up here, by province and by prefecture. */
  async function expected() {
    const reports = await session.database.db
      .selectFrom('corpus_reports')
      .select(['year', 'region_code', 'figures'])
      .where('current', '=', true)
      .execute();
    const places = new Map<string, Report['cells'][]>();
    for (const r of reports) {
      for (const length of [2, 4]) {
        if ((r.region_code ?? '').length < length) continue;
        const key = `${r.year}/${(r.region_code ?? '').slice(0, length)}`;
        places.set(key, [...(places.get(key) ?? []), r.figures as Report['cells']]);
      }
    }
    const sums = [...places].map(([key, cells]) => [key, sumReportCells(cells)] as const);
    return Object.fromEntries(sums.filter(([, cells]) => Object.keys(cells).length > 0));
  }

  it('equal the reports’ sums after the first batch, with places of two provinces', async () => {
    await importFiles('first', files);
    const sums = await stored();
    expect(sums).toEqual(await expected());
    expect(Object.keys(sums)).toEqual(expect.arrayContaining(['2022/33', '2022/3304', '2023/42', '2023/4202']));
    expect(sums['2022/3304']?.['s3.new.total']).toBeGreaterThan(0);
  });

  it('follow a corrected version (same organ and year, new figures), the old version no longer counted', async () => {
    const before = await stored();
    const first = files.find((f) => f.name === '2-2022.txt') as CorpusFile;
    const cells = first.report.cells;
    const corrected = { ...first.report, cells: { ...cells, 's2.penalty.decisions': 999 } };
    await importFiles('corrected', [textFile('海盐县民政局-2022-更正.txt', corrected)]);
    const after = await stored();
    expect(after).toEqual(await expected());
    const change = 999 - (cells['s2.penalty.decisions'] ?? 0);
    expect(change).not.toBe(0);
    for (const place of ['2022/3304', '2022/33']) {
      expect(after[place]?.['s2.penalty.decisions']).toBe((before[place]?.['s2.penalty.decisions'] ?? 0) + change);
    }
    // Places the correction is not in keep their sums.
    expect(after['2022/42']).toEqual(before['2022/42']);
    expect(after['2023/3304']).toEqual(before['2023/3304']);
  });

  it('follow a batch touching one place: a new organ’s report added to its prefecture and province only', async () => {
    const before = await stored();
    const report = generateReport(seededRandom(41), { format: '2021', year: 2023, agency: '海盐县教育局' });
    await importFiles('one place', [textFile('海盐县教育局-2023.txt', report)]);
    const after = await stored();
    expect(after).toEqual(await expected());
    const added = report.cells['s3.new.total'] ?? 0;
    expect(added).toBeGreaterThan(0);
    for (const place of ['2023/3304', '2023/33']) {
      expect(after[place]?.['s3.new.total']).toBe((before[place]?.['s3.new.total'] ?? 0) + added);
    }
    const untouched = Object.keys(before).filter((key) => !['2023/3304', '2023/33'].includes(key));
    for (const key of untouched) expect(after[key]).toEqual(before[key]);
  });

  it('are summed again from the reports when the parts are lost, the same as kept', async () => {
    const kept = await stored();
    await sql`delete from corpus_region_cell_parts`.execute(session.database.db);
    await sql`delete from corpus_region_cells`.execute(session.database.db);
    await refreshCorpusSummaries(session.database.db);
    expect(await stored()).toEqual(kept);
  });
});
