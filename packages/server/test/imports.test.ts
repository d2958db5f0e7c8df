import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { agencyOfficer, postBytes, type TestClient, type TestServer } from './support/http.js';

const SEED = new URL('../../../fixtures/seeds/000_54f61b233950245c.txt', import.meta.url);
const PDF = new URL('../../../fixtures/parse/pdf/libreoffice-2021.pdf', import.meta.url);
/** 大冶市应急管理局 2021: sections 三 and 四 in prose only, so the reader finds two tables missing (errors). */
const SEED_WITH_ERRORS = new URL('../../../fixtures/seeds/003_829a8659471e469f.txt', import.meta.url);

interface SourceLine {
  kind: 'line';
  text: string;
  line?: number;
  page?: number;
}
interface SourceTable {
  kind: 'table';
  table: number;
  page?: number;
  cells: { text: string; row: number; column: number }[];
}

describe.each(ENGINES)('reading and importing published reports on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let organ: number;
  beforeAll(async () => {
    ({ server, officer, organ } = await agencyOfficer(engine, '2026-11-23'));
  });
  afterAll(() => server.close());

  it('parses a text report without saving: tables, provenance with the source line, findings', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/);
    const parsed = await postBytes(server, officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes);
    expect(parsed.status).toBe(200);
    const body = parsed.body;
    expect(body.year).toBe(2020);
    expect(body.report.meta.agency).toBe('相山区应急管理局');
    expect(body.document.kind).toBe('text');
    expect(body.document.complete).toBe(true);
    // Every cell's provenance points at a line of the source view holding the cell's text.
    const byLine = new Map<number, string>(
      (body.document.nodes as SourceLine[]).map((n) => [n.line ?? 0, n.text] as [number, string]),
    );
    const entries = Object.entries(body.provenance as Record<string, { line?: number; text?: string }>);
    expect(entries.length).toBeGreaterThan(50);
    for (const [, source] of entries.slice(0, 20)) {
      const line = source.line ?? 0;
      expect(line).toBeGreaterThan(0);
      expect(byLine.get(line)).toBe(lines[line - 1]);
      expect(byLine.get(line)).toContain(source.text);
    }
    expect(body.findings.some((f: { rule: string }) => f.rule === 'text-year-mismatch')).toBe(true);
    // Nothing saved.
    const state = (await officer.request('GET', `/api/organs/${organ}/reports/2020`)).body;
    expect(state.imported).toBeNull();
  });

  it('parses a PDF with the page, table, row and column of each cell', async () => {
    const parsed = await postBytes(
      server,
      officer,
      `/api/organs/${organ}/parse?fileName=report.pdf`,
      new Uint8Array(await readFile(PDF)),
    );
    expect(parsed.status).toBe(200);
    expect(parsed.body.document.kind).toBe('pdf');
    const [cellId, source] = Object.entries(
      parsed.body.provenance as Record<
        string,
        { page: number; table: number; row: number; column: number; text: string }
      >,
    )[0] ?? ['', { page: 0, table: -1, row: -1, column: -1, text: '' }];
    expect(cellId).toMatch(/^s2\./);
    expect(source.page).toBeGreaterThan(0);
    const table = (parsed.body.document.nodes as SourceTable[]).find(
      (n) => n.kind === 'table' && n.table === source.table,
    );
    expect(table?.page).toBe(source.page);
    expect(table?.cells.find((c) => c.row === source.row && c.column === source.column)?.text).toBe(source.text);
  });

  it('answers an unreadable file in Chinese, without saving', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const parsed = await postBytes(server, officer, `/api/organs/${organ}/parse?fileName=bad.bin`, garbage);
    expect(parsed.status).toBe(422);
    expect(parsed.body.error.message).toContain('无法读取文件 bad.bin');
  });

  it('saves with hand corrections, each kept in the report and written to the audit log', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const parsed = (await postBytes(server, officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes)).body;
    const cellId = 's2.regulations.made';
    const was = parsed.report.cells[cellId];
    expect(was).toBe(0);
    const content = Buffer.from(bytes).toString('base64');
    const missingReason = await officer.request('POST', `/api/organs/${organ}/imports`, {
      fileName: 'seed.txt',
      year: 2020,
      content,
      corrections: [{ cellId, value: 2, reason: ' ' }],
    });
    expect(missingReason.status).toBe(400);
    const unknownCell = await officer.request('POST', `/api/organs/${organ}/imports`, {
      fileName: 'seed.txt',
      year: 2020,
      content,
      corrections: [{ cellId: 'no.such.cell', value: 2, reason: '原文如此' }],
    });
    expect(unknownCell.status).toBe(400);
    expect(unknownCell.body.error.message).toContain('no.such.cell');

    const saved = await officer.request('POST', `/api/organs/${organ}/imports`, {
      fileName: 'seed.txt',
      year: 2020,
      content,
      corrections: [{ cellId, value: 2, reason: '原件第52行为“2”，扫描时误读' }],
    });
    expect(saved.status).toBe(201);
    expect(saved.body.report.cells[cellId]).toBe(2);
    expect(saved.body.corrections).toEqual([
      expect.objectContaining({ cellId, from: 0, to: 2, reason: '原件第52行为“2”，扫描时误读' }),
    ]);
    const state = (await officer.request('GET', `/api/organs/${organ}/reports/2020`)).body;
    expect(state.imported).toMatchObject({ id: saved.body.id, fileName: 'seed.txt' });
    const row = await server.database.db
      .selectFrom('imported_reports')
      .select('report')
      .where('id', '=', saved.body.id)
      .executeTakeFirstOrThrow();
    const kept = row.report as { cells: Record<string, number>; corrections: { cellId: string; by: number }[] };
    expect(kept.cells[cellId]).toBe(2);
    expect(kept.corrections[0]).toMatchObject({ cellId });
    const audit = await server.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'importedReport')
      .where('entity_id', '=', String(saved.body.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['import', 'correctCell']);
    expect(audit[1]?.after).toMatchObject({ cellId, value: 2, reason: '原件第52行为“2”，扫描时误读' });
    expect(audit[1]?.before).toMatchObject({ cellId, value: 0 });

    // A later year's parse is compared with the last year's imported report.
    const again = (await postBytes(server, officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes)).body;
    expect(again.comparison).toMatchObject({ year: 2020, against: 'imported' });
    expect(again.comparison.differences).toEqual([expect.objectContaining({ cellId, a: 0, b: 2, delta: 2 })]);
  });

  it('lets neither the 政务公开办 nor another organ parse for this organ', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const supervisor = await server.login('supervisor');
    expect((await postBytes(server, supervisor, `/api/organs/${organ}/parse?fileName=a.txt`, bytes)).status).toBe(403);
    const other = await server.login('otherofficer');
    expect((await postBytes(server, other, `/api/organs/${organ}/parse?fileName=a.txt`, bytes)).status).toBe(404);
  });
});

describe.each(ENGINES)('the list of saved imports on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  let organ: number;
  const corrected = { cellId: 's2.regulations.made', value: 2, reason: '原件第52行为“2”，扫描时误读' };
  /** The two saves, oldest first: seed 000 with a hand correction, then seed 003 as read. */
  const saved: { id: number; findings: { severity: string }[] }[] = [];
  beforeAll(async () => {
    ({ server, officer, organ } = await agencyOfficer(engine, '2026-11-23'));
    for (const [file, year, corrections] of [
      [SEED, 2020, [corrected]],
      [SEED_WITH_ERRORS, 2021, []],
    ] as const) {
      const response = await officer.request('POST', `/api/organs/${organ}/imports`, {
        fileName: new URL(file).pathname.split('/').pop(),
        year,
        content: (await readFile(file)).toString('base64'),
        corrections,
      });
      expect(response.status).toBe(201);
      saved.push(response.body);
    }
  });
  afterAll(() => server.close());

  const bySeverity = (findings: readonly { severity: string }[], severity: string) =>
    findings.filter((f) => f.severity === severity).length;

  it('lists them newest first, with their findings and corrections counted', async () => {
    const [first, second] = saved;
    const list = await officer.request('GET', `/api/organs/${organ}/imports`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items).toEqual([
      {
        id: second?.id,
        year: 2021,
        fileName: '003_829a8659471e469f.txt',
        importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
        importedByName: 'officer',
        errorCount: 2,
        warningCount: bySeverity(second?.findings ?? [], 'warning'),
        correctionCount: 0,
      },
      expect.objectContaining({
        id: first?.id,
        year: 2020,
        fileName: '000_54f61b233950245c.txt',
        errorCount: bySeverity(first?.findings ?? [], 'error'),
        warningCount: bySeverity(first?.findings ?? [], 'warning'),
        correctionCount: 1,
      }),
    ]);
    expect(list.body.items[0].warningCount).toBeGreaterThan(0);
    // The list carries counts, never the reports themselves.
    expect(list.body.items[0]).not.toHaveProperty('report');
  });

  it('filters by year and by a part of the file name, taken literally', async () => {
    const ids = async (query: string) => {
      const response = await officer.request('GET', `/api/organs/${organ}/imports?${query}`);
      expect(response.status).toBe(200);
      return { total: response.body.total, ids: response.body.items.map((i: { id: number }) => i.id) };
    };
    const [first, second] = saved.map((s) => s.id);
    expect(await ids('year=2020')).toEqual({ total: 1, ids: [first] });
    expect(await ids('year=2019')).toEqual({ total: 0, ids: [] });
    expect(await ids(`q=${encodeURIComponent('829A')}`)).toEqual({ total: 1, ids: [second] });
    expect(await ids(`q=${encodeURIComponent('_')}`)).toEqual({ total: 2, ids: [second, first] });
    // `%` and `_` are characters of the name, not wildcards: no name has a '%' or an 'a_5'.
    expect(await ids(`q=${encodeURIComponent('%')}`)).toEqual({ total: 0, ids: [] });
    expect(await ids(`q=${encodeURIComponent('0_5')}`)).toEqual({ total: 1, ids: [first] });
    expect(await ids(`q=${encodeURIComponent('a_5')}`)).toEqual({ total: 0, ids: [] });
    expect(await ids(`year=2021&q=000`)).toEqual({ total: 0, ids: [] });
  });

  it('pages, the total counting every page', async () => {
    const [first, second] = saved.map((s) => s.id);
    const page = async (n: number) =>
      (await officer.request('GET', `/api/organs/${organ}/imports?page=${n}&pageSize=1`)).body;
    expect(await page(1)).toMatchObject({ total: 2, items: [{ id: second }] });
    expect(await page(2)).toMatchObject({ total: 2, items: [{ id: first }] });
    expect(await page(3)).toEqual({ total: 2, items: [] });
    expect((await officer.request('GET', `/api/organs/${organ}/imports?pageSize=500`)).status).toBe(400);
  });

  it('reopens one with its corrected cell, the correction and its reason, and its findings', async () => {
    const id = saved[0]?.id;
    const detail = await officer.request('GET', `/api/imports/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id,
      year: 2020,
      fileName: '000_54f61b233950245c.txt',
      importedByName: 'officer',
      correctionCount: 1,
    });
    expect(detail.body.report.meta.agency).toBe('相山区应急管理局');
    expect(detail.body.report.cells[corrected.cellId]).toBe(2);
    const correction = { cellId: corrected.cellId, from: 0, to: 2, reason: corrected.reason, byName: 'officer' };
    expect(detail.body.corrections).toEqual([expect.objectContaining(correction)]);
    expect(detail.body.report.corrections).toEqual([expect.objectContaining(correction)]);
    expect(detail.body.findings).toEqual(saved[0]?.findings);

    const withErrors = await officer.request('GET', `/api/imports/${saved[1]?.id}`);
    expect(withErrors.body.errorCount).toBe(2);
    expect(bySeverity(withErrors.body.findings, 'error')).toBe(2);
    expect(withErrors.body.corrections).toEqual([]);
    expect((await officer.request('GET', '/api/imports/999999')).status).toBe(404);
  });

  it('hides them from another organ, shows them to the 政务公开办 of the government above', async () => {
    const id = saved[0]?.id;
    for (const username of ['otherofficer', 'foreignsupervisor']) {
      const outsider = await server.login(username);
      const list = await outsider.request('GET', `/api/organs/${organ}/imports`);
      expect(list.status).toBe(404);
      const detail = await outsider.request('GET', `/api/imports/${id}`);
      expect(detail.status).toBe(404);
      expect(detail.body.error.message).toBe('导入的报告不存在或无权查看');
    }
    const supervisor = await server.login('supervisor');
    expect((await supervisor.request('GET', `/api/organs/${organ}/imports`)).body.total).toBe(2);
    const detail = await supervisor.request('GET', `/api/imports/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.report.cells[corrected.cellId]).toBe(2);
    expect((await server.anonymous().request('GET', `/api/organs/${organ}/imports`)).status).toBe(401);
  });

  it('names no importer for one the system saved (the demo)', async () => {
    const bytes = new Uint8Array(await readFile(SEED_WITH_ERRORS));
    // The file was saved in beforeAll: the system keeps both, as a person would confirm.
    const { id } = await server.services.imports.importFile(null, organ, 2021, 'demo.txt', bytes, [], 'keepBoth');
    const list = await officer.request('GET', `/api/organs/${organ}/imports?q=demo`);
    expect(list.body.items).toEqual([expect.objectContaining({ id, importedByName: null, errorCount: 2 })]);
    expect((await officer.request('GET', `/api/imports/${id}`)).body.importedByName).toBeNull();
  });
});
