import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './support/databases.js';
import { intake } from './support/fixtures.js';
import { startTestServer, type TestClient, type TestServer } from './support/http.js';
import { convertWithLibreOffice } from './support/office.js';

interface Item {
  serialNo: string;
  applicantName: string;
  receivedOn: string;
  dueOn: string | null;
}

/** The CSV LibreOffice writes of the workbook's sheet: the caption line, the header, the rows. */
async function csvRows(bytes: Uint8Array): Promise<string[][]> {
  // Filter options: comma, double quote, UTF-8, from line 1; dates as formatted.
  const csv = await convertWithLibreOffice(bytes, 'xlsx', 'csv:Text - txt - csv (StarCalc):44,34,76,1');
  return csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

async function workbook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('工作簿中没有工作表');
  return sheet;
}

const chinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

describe.each(ENGINES)('lists exported to Excel on %s', (engine) => {
  let server: TestServer;
  let officer: TestClient;
  beforeAll(async () => {
    server = await startTestServer(engine, '2026-04-10');
    officer = await server.login('officer');
    const applicants = ['王小明', '李华', '张伟'];
    for (const [i, name] of applicants.entries()) {
      const day = `2026-04-0${i + 1}`;
      const created = await officer.request(
        'POST',
        `/api/organs/${server.organs.agency}/applications`,
        intake({ applicantName: name, submittedOn: day, receivedOn: day, request: `申请${i + 1}：安全生产检查记录` }),
      );
      expect(created.status).toBe(201);
    }
    const document = {
      kind: 'normativeDoc',
      number: '相应急〔2026〕1号',
      title: '关于加强安全生产检查的通知',
      issuedOn: '2026-01-15',
    };
    expect((await officer.request('POST', `/api/organs/${server.organs.agency}/documents`, document)).status).toBe(201);
  }, 120_000);
  afterAll(() => server.close());

  it('exports the 台账 with the list filters: the same rows as the API, Chinese headers, dates as dates', async () => {
    const organ = server.organs.agency;
    const list = await officer.request<{ items: Item[] }>(
      'GET',
      `/api/organs/${organ}/applications?q=${encodeURIComponent('李华')}&pageSize=200`,
    );
    expect(list.body.items).toHaveLength(1);
    const all = await officer.request<{ items: Item[]; total: number }>(
      'GET',
      `/api/organs/${organ}/applications?pageSize=200`,
    );
    expect(all.body.total).toBe(3);

    const filtered = await officer.request(
      'GET',
      `/api/organs/${organ}/applications/export?q=${encodeURIComponent('李华')}`,
    );
    expect(filtered.status).toBe(200);
    expect(filtered.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await csvRows(filtered.body as Uint8Array);
    expect(rows[0]?.[0]).toContain('政府信息公开申请办理台账');
    expect(rows[1]).toEqual([
      '申请编号',
      '申请人',
      '申请人类型',
      '申请渠道',
      '申请内容',
      '收到申请日期',
      '办理状态',
      '答复期限',
      '办理结果',
      '办结日期',
      '承办人',
    ]);
    expect(rows.slice(2).map((r) => [r[0], r[1], r[5], r[7]])).toEqual(
      list.body.items.map((i) => [i.serialNo, i.applicantName, chinese(i.receivedOn), chinese(i.dueOn as string)]),
    );

    // The cases ticked in the list: only those, whatever else the filters say.
    const chosen = all.body.items.slice(0, 2) as (Item & { id: number })[];
    const batch = await officer.request(
      'GET',
      `/api/organs/${organ}/applications/export?ids=${chosen.map((i) => i.id).join(',')}`,
    );
    expect((await csvRows(batch.body as Uint8Array)).slice(2).map((r) => r[0])).toEqual(chosen.map((i) => i.serialNo));
    expect((await officer.request('GET', `/api/organs/${organ}/applications/export?ids=1;drop`)).status).toBe(400);

    const whole = await officer.request('GET', `/api/organs/${organ}/applications/export`);
    const sheet = await workbook(whole.body as Uint8Array);
    expect(sheet.rowCount).toBe(2 + all.body.total);
    const first = all.body.items[0] as Item;
    const row = sheet.getRow(3);
    expect(row.getCell(1).value).toBe(first.serialNo);
    // A real date cell (Excel's serial with a date format), not text.
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(6).value as Date).toISOString().slice(0, 10)).toBe(first.receivedOn);
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Date);
  }, 240_000);

  it('exports the registers and the audit log, and keeps the list permissions', async () => {
    const organ = server.organs.agency;
    const documents = await officer.request('GET', `/api/organs/${organ}/documents/export?year=2026`);
    expect(documents.status).toBe(200);
    const rows = await csvRows(documents.body as Uint8Array);
    expect(rows[1]).toEqual(['类别', '文号', '标题', '制发日期', '废止日期']);
    expect(rows[2]).toEqual(['行政规范性文件', '相应急〔2026〕1号', '关于加强安全生产检查的通知', '2026年1月15日', '']);
    const before = await officer.request('GET', `/api/organs/${organ}/documents/export?year=2025`);
    expect(await csvRows(before.body as Uint8Array)).toHaveLength(2);

    const audit = await officer.request('GET', '/api/audit/export?entity=application');
    const sheet = await workbook(audit.body as Uint8Array);
    expect(sheet.getRow(2).values).toEqual([undefined, '时间', '操作人', '对象', '编号', '操作']);
    expect(sheet.rowCount).toBe(2 + 3);
    expect(sheet.getRow(3).getCell(1).type).toBe(ExcelJS.ValueType.Date);
    // Named as the audit log's screen names it (core's one vocabulary), never the code.
    expect(sheet.getRow(3).getCell(3).value).toBe('政府信息公开申请');
    expect(sheet.getRow(3).getCell(5).value).toBe('登记收到申请');

    const supervisor = await server.login('supervisor');
    const table = await supervisor.request('GET', '/api/supervision/2025/organs/export');
    expect(table.status).toBe(200);
    const organs = await supervisor.request<{ total: number }>('GET', '/api/supervision/2025/organs?pageSize=200');
    expect((await workbook(table.body as Uint8Array)).rowCount).toBe(2 + organs.body.total);
    // Refused as the list is refused, with the same status.
    const officerTable = await officer.request('GET', '/api/supervision/2025/organs');
    expect(officerTable.status).not.toBe(200);
    expect((await officer.request('GET', '/api/supervision/2025/organs/export')).status).toBe(officerTable.status);
    const other = await server.login('otherofficer');
    const theirList = await other.request('GET', `/api/organs/${organ}/applications`);
    expect(theirList.status).not.toBe(200);
    expect((await other.request('GET', `/api/organs/${organ}/applications/export`)).status).toBe(theirList.status);
  }, 240_000);
});
