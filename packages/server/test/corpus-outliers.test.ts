import { isJump } from '@xxgk/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusInput } from '../src/features/corpus/import.js';
import { ERROR_RULES, refreshCorpusSummaries } from '../src/features/corpus-analysis/service.js';
import { corpusFiles } from './support/corpus.js';
import { must } from './support/corpus-seed.js';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

/*
 * The stored outliers (migration 0014) kept in step with the reports: files imported through the
 * corpus import a year at a time, out of order (a year between two others, then a later year),
 * then a spelling re-pointed and an organ merged through the API. After each step the outliers
 * the dashboard lists equal those found here on the fly from the current reports, and the lists
 * (names, details, order) equal those of a full refresh.
 */

const KINDS = ['jump', 'impossible', 'carryover'] as const;
type Kind = (typeof KINDS)[number];
type Figures = Record<string, number | null>;

interface CurrentReport {
  id: string;
  organ: number;
  year: number;
  format: string;
  figures: Figures;
  failed_rules: string[];
}

/** The outliers of the current reports, found here in TypeScript: `kind:report:previous report`. */
async function outliersOnTheFly(server: TestServer): Promise<string[]> {
  const { rows } = await sql<CurrentReport>`
    select r.id::text as id, coalesce(o.merged_into, o.id) as organ, r.year, r.format, r.figures, r.failed_rules
    from corpus_reports r join corpus_organs o on o.id = r.organ_id where r.current`.execute(server.services.db);
  const found: string[] = [];
  for (const c of rows) {
    if (c.failed_rules.some((rule) => ERROR_RULES.includes(rule))) found.push(`impossible:${c.id}:`);
    for (const p of rows.filter((r) => r.organ === c.organ && r.year === c.year - 1)) {
      const cell = (report: CurrentReport, id: string) => must(report.figures[id], id);
      if (isJump(cell(p, 's3.new.total'), cell(c, 's3.new.total'))) found.push(`jump:${c.id}:${p.id}`);
      const inForceBroken = (row: string) =>
        cell(c, `s2.${row}.inForce`) !==
        cell(p, `s2.${row}.inForce`) + cell(c, `s2.${row}.issued`) - cell(c, `s2.${row}.repealed`);
      const both2021 = c.format === '2021' && p.format === '2021';
      if (
        cell(c, 's3.carriedIn.total') !== cell(p, 's3.carriedOut.total') ||
        (both2021 && (inForceBroken('regulations') || inForceBroken('normativeDocs')))
      ) {
        found.push(`carryover:${c.id}:${p.id}`);
      }
    }
  }
  return found.sort();
}

describe.each(ENGINES)('the stored corpus outliers on %s', (engine) => {
  let server: TestServer;
  let supervisor: TestClient;
  const files = corpusFiles([2021, 2022, 2023, 2024]);
  beforeAll(async () => {
    server = await startTestServer(engine);
    supervisor = await server.login('supervisor');
  }, 60_000);
  afterAll(async () => {
    await server.services.corpus.close();
    await server.close();
  });

  async function importYears(years: number[]) {
    const chosen = files.filter((f) => years.includes(f.report.meta.year));
    const inputs: CorpusInput[] = chosen.map((f) => ({ name: f.name, read: async () => ({ bytes: f.bytes }) }));
    const batch = await server.services.corpus.startBatch(null, `years ${years.join(', ')}`, inputs.length);
    const summary = await server.services.corpus.importCorpusFiles(inputs, { batch });
    expect(summary.read).toBe(chosen.length);
  }

  /** Every outlier of every kind as the dashboard lists them, under a few filters. */
  async function lists() {
    const page = { limit: 1000, offset: 0 };
    const result: Record<string, unknown> = {};
    for (const kind of KINDS) {
      for (const filter of [{}, { year: 2023 }, { region: '33' }, { region: '3301', kind: 'department' }]) {
        result[`${kind} ${JSON.stringify(filter)}`] = await server.services.corpusAnalysis.outliers(kind, {
          ...filter,
          ...page,
        });
      }
    }
    return result;
  }

  async function stored(): Promise<string[]> {
    const all = await Promise.all(
      KINDS.map(async (kind: Kind) => {
        const page = await server.services.corpusAnalysis.outliers(kind, { limit: 1000, offset: 0 });
        expect(page.total).toBe(page.items.length);
        return page.items.map((o) => `${kind}:${o.id}:${o.previousId ?? ''}`);
      }),
    );
    return all.flat().sort();
  }

  const years = (found: string[], kind: Kind) =>
    sql<{ year: number }>`select distinct year from corpus_reports where id::text in (${sql.join(
      found.filter((f) => f.startsWith(`${kind}:`)).map((f) => must(f.split(':')[1])),
    )})`
      .execute(server.services.db)
      .then((r) => r.rows.map((row) => row.year).sort());

  it('lists what the current reports give after each import, a year between two others and a later one', async () => {
    await importYears([2021, 2023]);
    expect(await stored()).toEqual(await outliersOnTheFly(server));
    expect((await stored()).filter((o) => !o.startsWith('impossible:'))).toEqual([]);
    // 2022 pairs with 2021 and with 2023: the stored 2023 outliers are found again too.
    await importYears([2022]);
    const between = await outliersOnTheFly(server);
    expect(await stored()).toEqual(between);
    expect(await years(between, 'carryover')).toEqual([2022, 2023]);
    await importYears([2024]);
    const later = await outliersOnTheFly(server);
    expect(await stored()).toEqual(later);
    expect(await years(later, 'carryover')).toEqual([2022, 2023, 2024]);
  }, 120_000);

  it('lists what the current reports give after a spelling is re-pointed and an organ merged', async () => {
    const organ = async (name: string) =>
      (await supervisor.request<{ items: { id: number; name: string }[] }>('GET', `/api/corpus/organs?q=${name}`)).body
        .items[0];
    const shangcheng = must(await organ(encodeURIComponent('上城区应急管理局')));
    const haiyan = must(await organ(encodeURIComponent('海盐县民政局')));
    const before = await outliersOnTheFly(server);
    // 上城区应急管理局's 2022 report becomes 海盐县民政局's: both organs' pairs around 2022 change.
    const name = encodeURIComponent('上城区应急管理局');
    expect((await supervisor.request('PUT', `/api/corpus/organ-names/${name}`, { organId: haiyan.id })).status).toBe(
      200,
    );
    const repointed = await outliersOnTheFly(server);
    expect(repointed).not.toEqual(before);
    expect(await stored()).toEqual(repointed);
    const merged = await supervisor.request('POST', `/api/corpus/organs/${shangcheng.id}/merge`, { into: haiyan.id });
    expect(merged.status).toBe(200);
    const after = await outliersOnTheFly(server);
    expect(after).not.toEqual(repointed);
    expect(await stored()).toEqual(after);
  }, 120_000);

  it('lists the same, names, details and order, as after refreshing every year', async () => {
    const incremental = await lists();
    await refreshCorpusSummaries(server.services.db);
    expect(await lists()).toEqual(incremental);
    expect(JSON.stringify(incremental)).toContain('上年报告结转下年度');
  }, 120_000);
});
