import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';

const SEED = new URL('../../../fixtures/seeds/000_54f61b233950245c.txt', import.meta.url);
const PDF = new URL('../../../fixtures/parse/pdf/libreoffice-2021.pdf', import.meta.url);

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
    server = await startTestServer(engine, '2026-11-23');
    officer = await server.login('officer');
    organ = server.organs.agency;
  });
  afterAll(() => server.close());

  /** Posts raw bytes, as the browser does. */
  async function postBytes(client: TestClient, path: string, bytes: Uint8Array) {
    const response = await server.app.request(path, {
      method: 'POST',
      headers: {
        cookie: client.cookie ?? '',
        'x-csrf-token': client.csrfToken ?? '',
        'content-type': 'application/octet-stream',
      },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    return { status: response.status, body: await response.json() };
  }

  it('parses a text report without saving: tables, provenance with the source line, findings', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const lines = new TextDecoder().decode(bytes).split(/\r\n|\r|\n/);
    const parsed = await postBytes(officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes);
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
    const parsed = await postBytes(officer, `/api/organs/${organ}/parse?fileName=bad.bin`, garbage);
    expect(parsed.status).toBe(422);
    expect(parsed.body.error.message).toContain('无法读取文件 bad.bin');
  });

  it('saves with hand corrections, each kept in the report and written to the audit log', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const parsed = (await postBytes(officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes)).body;
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
    const again = (await postBytes(officer, `/api/organs/${organ}/parse?fileName=seed.txt`, bytes)).body;
    expect(again.comparison).toMatchObject({ year: 2020, against: 'imported' });
    expect(again.comparison.differences).toEqual([expect.objectContaining({ cellId, a: 0, b: 2, delta: 2 })]);
  });

  it('lets neither the 政务公开办 nor another organ parse for this organ', async () => {
    const bytes = new Uint8Array(await readFile(SEED));
    const supervisor = await server.login('supervisor');
    expect((await postBytes(supervisor, `/api/organs/${organ}/parse?fileName=a.txt`, bytes)).status).toBe(403);
    const other = await server.login('otherofficer');
    expect((await postBytes(other, `/api/organs/${organ}/parse?fileName=a.txt`, bytes)).status).toBe(404);
  });
});
