import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { displayValue, reportView } from '../../../layout/report-view.js';
import { seededRandom } from '../../../model/generate.js';
import type { Report } from '../../../model/schema.js';
import type { ExtractedDocument, Table } from '../../document.js';
import { DEFAULT_LIMITS, ParseError, type ParseErrorCode, type ParseLimits } from '../../errors.js';
import { mutate } from '../../../../test/fuzz/mutate.js';
import { failure, fixture, fixtureReport, layoutGrid, lines, tables } from '../../../../test/support/extract.js';
import { hostileDocx } from '../../../../../../bench/hostile.js';
import { extractDocx } from './index.js';

const read = (bytes: Uint8Array, limits: Partial<ParseLimits> = {}): Promise<ExtractedDocument> =>
  extractDocx(bytes, { file: 'test.docx', limits: { ...DEFAULT_LIMITS, ...limits } });

/** Asserts that the extracted tables are the report's statutory tables, cell by cell and span by span. */
function expectReportTables(doc: ExtractedDocument, report: Report): void {
  const layouts = reportView(report).blocks.flatMap((block) =>
    block.kind === 'table' && block.table ? [block.table] : [],
  );
  const found = tables(doc);
  expect(found).toHaveLength(layouts.length);
  layouts.forEach((layout, t) => {
    const table = found[t] as Table;
    const cells = new Map(table.rows.flat().map((cell) => [`${cell.row},${cell.column}`, cell]));
    const expected = layoutGrid(layout);
    expect(table.rows.flat()).toHaveLength(expected.length);
    for (const want of expected) {
      const got = cells.get(`${want.row},${want.column}`);
      const text = want.cellId !== undefined ? displayValue(report, want.cellId) : (want.text ?? '');
      expect(got, `${layout.id} (${want.row},${want.column}) ${want.cellId ?? want.text}`).toMatchObject({
        text,
        rowSpan: want.rowSpan,
        colSpan: want.colSpan,
        at: { table: t, row: want.row, column: want.column },
      });
    }
  });
}

describe('extractDocx: reports', () => {
  const report = fixtureReport('docx/report-2021.json');

  it.each([
    ['the core’s own DOCX', 'docx/report-2021.docx'],
    ['the same re-saved by LibreOffice (sliver grid columns, other spans)', 'docx/report-2021.lo.docx'],
  ])('%s: every label and value in its grid cell', async (_, path) => {
    const doc = await read(fixture(path));
    expect(doc.source).toBe('docx');
    expectReportTables(doc, report);
    const text = lines(doc).map((line) => line.text);
    expect(text[0]).toBe(reportView(report).title);
    for (const block of reportView(report).blocks) expect(text).toContain(block.title);
    // Body paragraphs are numbered from 1, in order.
    const numbers = lines(doc).map((line) => line.at.line as number);
    expect(numbers[0]).toBe(1);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });

  it('reads both versions alike', async () => {
    const [a, b] = await Promise.all([
      read(fixture('docx/report-2021.docx')),
      read(fixture('docx/report-2021.lo.docx')),
    ]);
    expect(b.nodes).toEqual(a.nodes);
  });
});

describe('extractDocx: hand-made features', () => {
  const doc = read(fixture('docx/features.docx'));

  it('keeps field results and drops instructions (HYPERLINK leftovers)', async () => {
    const all = JSON.stringify((await doc).nodes);
    expect(all).not.toContain('HYPERLINK');
    expect(all).not.toContain('haiyan.gov.cn');
    expect(lines(await doc)[1]).toEqual({
      kind: 'line',
      text: '2020年，我局在重点公开事项-安全生产监管栏目中公开了事故调查报告，共44篇。',
      at: { line: 2 },
    });
  });

  it('drops deleted and hidden text, keeps inserted text; tabs and breaks', async () => {
    const text = lines(await doc).map((line) => line.text);
    expect(text).toContain('保留的文字插入的文字');
    expect(text).toContain('甲\t乙\n丙');
  });

  it('reads a text box once, after the paragraph that anchors it', async () => {
    const text = lines(await doc).map((line) => line.text);
    const anchor = text.indexOf('锚定段落');
    expect(text.slice(anchor, anchor + 3)).toEqual(['锚定段落', '文本框第一段', '文本框第二段']);
    expect(text.filter((t) => t === '文本框第一段')).toHaveLength(1);
  });

  it('counts empty paragraphs in line numbers without emitting them', async () => {
    const at = Object.fromEntries(lines(await doc).map((line) => [line.text, line.at.line]));
    expect(at['甲\t乙\n丙']).toBe(4);
    expect(at['锚定段落']).toBe(6);
  });

  it('builds the table grid: split headers, vMerge without a value, gridBefore, a nested table', async () => {
    const [table] = tables(await doc);
    const cell = (row: number, column: number) => table?.rows.flat().find((c) => c.row === row && c.column === column);
    expect(cell(0, 0)).toMatchObject({ text: '第二十条第（一）项', colSpan: 4 });
    expect(cell(1, 1)?.text).toBe('本年新\n制作数量');
    expect(cell(1, 2)?.text).toBe('本年新\n公开数量');
    expect(cell(2, 0)).toMatchObject({ text: '规章', rowSpan: 2 });
    expect(table?.rows[3]?.map((c) => [c.column, c.text])).toEqual([
      [1, '4'],
      [2, '5'],
      [3, '6'],
    ]);
    expect(table?.rows[4]?.map((c) => [c.column, c.text])).toEqual([
      [1, '7'],
      [2, '8'],
      [3, '9'],
    ]);
    expect(cell(5, 1)).toMatchObject({ text: 'a\tb\nc\td', colSpan: 3, at: { table: 0, row: 5, column: 1 } });
  });

  it('reads a 1×1 frame table around content as body', async () => {
    const nodes = (await doc).nodes;
    const i = nodes.findIndex((n) => n.kind === 'line' && n.text === '框内段落');
    expect(nodes[i + 1]).toMatchObject({
      kind: 'table',
      at: { table: 1 },
      rows: [[{ text: '框内表格' }, { text: '10', column: 1 }]],
    });
    expect(tables(await doc)).toHaveLength(2);
  });
});

/** A stored ZIP entry built by hand: the deflate data, CRC and sizes are whatever the test says. */
function rawZip(name: string, data: Uint8Array, size: number, crc = 0): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, nameBytes.length, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(central, local.length + data.length);
  out.set(end, local.length + data.length + central.length);
  return out;
}

/**
 * A raw DEFLATE stream of `size` zero bytes without materialising them: one fixed-Huffman block
 * of a literal 0 and then 258-byte copies at distance 1 (13 bits each), about 1/1300 of the size.
 */
function deflatedZeros(size: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((size / 258) * 13) / 8 + 64);
  let bit = 0;
  const put = (value: number, bits: number) => {
    for (let i = 0; i < bits; i += 1, bit += 1)
      if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i -= 1, bit += 1)
      if ((value >> i) & 1) out[bit >> 3] = (out[bit >> 3] as number) | (1 << (bit & 7));
  };
  put(1, 1); // BFINAL
  put(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  let left = size - 1;
  for (; left >= 258; left -= 258) {
    code(0xc5, 8); // length 258 (code 285)
    code(0, 5); // distance 1
  }
  for (; left > 0; left -= 1) code(0x30, 8);
  code(0, 7); // end of block
  return out.subarray(0, (bit >> 3) + 1);
}

describe('extractDocx: bad input', () => {
  const good = fixture('docx/report-2021.docx');

  it.each<[string, () => Uint8Array, ParseErrorCode, Partial<ParseLimits>?]>([
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['a file over the size limit', () => good, 'too-large', { maxBytes: 1000 }],
    ['a truncated DOCX', () => good.subarray(0, good.length >> 1), 'corrupt'],
    ['a DOCX cut just before the end', () => good.subarray(0, good.length - 10), 'corrupt'],
    ['random junk', () => Uint8Array.from({ length: 4096 }, seededBytes(7)), 'corrupt'],
    ['a ZIP without word/document.xml', () => zipSync({ 'word/styles.xml': strToU8('<w:styles/>') }), 'corrupt'],
    ['an XLSX', () => zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), 'unsupported'],
    [
      'a document.xml that is not XML',
      () => zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p></w:body>') }),
      'corrupt',
    ],
    [
      'tables nested 100 deep',
      () =>
        zipSync({
          'word/document.xml': strToU8(
            `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:tbl><w:tr><w:tc>'.repeat(100)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(100)}</w:body></w:document>`,
          ),
        }),
      'corrupt',
    ],
    ['a damaged deflate stream (CRC)', () => flip(good, centralOffsetOf(good, 'word/document.xml') + 200), 'corrupt'],
  ])('%s', async (_, make, code, limits) => {
    const error = await failure(read(make(), limits));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^test\.docx：/);
  });

  it('refuses a 300 MB ZIP bomb by its declared size, before inflating', async () => {
    const data = deflatedZeros(300 * 1024 * 1024);
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const error = await failure(read(rawZip('word/document.xml', data, 300 * 1024 * 1024)));
    expect(error.code).toBe('zip-bomb');
  });

  it('stops a ZIP bomb with a forged small declared size while inflating', async () => {
    const data = deflatedZeros(300 * 1024 * 1024);
    const error = await failure(read(rawZip('word/document.xml', data, 1000), { maxInflatedBytes: 8 * 1024 * 1024 }));
    expect(error.code).toBe('zip-bomb');
  });

  it('refuses a DOCX whose document.xml is 190 MB of well-formed XML (true sizes), naming the part', async () => {
    const bytes = hostileDocx(190);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const error = await failure(read(bytes));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toBe(
      'test.docx：DOCX 文件中的 word/document.xml 解压后超过 32 MB 的上限，文件过大或结构异常（可能是恶意的压缩炸弹），已拒绝读取',
    );
  });

  it('stops a part at its own limit while inflating, though its declared size is small and the total allows it', async () => {
    const data = deflatedZeros(40 * 1024 * 1024);
    const error = await failure(read(rawZip('word/document.xml', data, 1000)));
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toContain('word/document.xml 解压后超过 32 MB');
    // The limit is the caller's to set.
    const smaller = await failure(
      read(rawZip('word/document.xml', deflatedZeros(3 * 1024 * 1024), 1000), { maxPartBytes: 2 * 1024 * 1024 }),
    );
    expect(smaller.message).toContain('解压后超过 2 MB');
  });

  it('takes an entry inflating past its declared size (within the budget) for damage', async () => {
    const data = deflatedZeros(1024 * 1024);
    expect((await failure(read(rawZip('word/document.xml', data, 1000)))).code).toBe('corrupt');
  });

  it('survives 2,000 mutations of a DOCX: each reads or fails with a ParseError', async () => {
    const random = seededRandom(20240601);
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 2000; i += 1) {
      const input = mutate(good, random);
      try {
        const doc = await read(input, { maxInflatedBytes: 16 * 1024 * 1024 });
        expect(doc.source).toBe('docx');
        outcomes.read = (outcomes.read ?? 0) + 1;
      } catch (error) {
        if (!(error instanceof ParseError)) throw new Error(`mutation ${i}: ${String(error)}`, { cause: error });
        outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
      }
    }
    expect(outcomes.corrupt).toBeGreaterThan(0);
  });
  it('survives 1,000 mutations of document.xml itself (re-zipped): each reads or fails with a ParseError', async () => {
    const random = seededRandom(20240603);
    const xml = unzipSync(fixture('docx/features.docx'))['word/document.xml'] as Uint8Array;
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 1000; i += 1) {
      const input = zipSync({ 'word/document.xml': mutate(xml, random) }, { level: 0 });
      try {
        await read(input);
        outcomes.read = (outcomes.read ?? 0) + 1;
      } catch (error) {
        if (!(error instanceof ParseError)) throw new Error(`mutation ${i}: ${String(error)}`, { cause: error });
        outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
      }
    }
    expect(outcomes.read).toBeGreaterThan(0);
    expect(outcomes.corrupt).toBeGreaterThan(0);
  });
});

function seededBytes(seed: number): () => number {
  const random = seededRandom(seed);
  return () => Math.floor(random() * 256);
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = (copy[at] as number) ^ 0xff;
  return copy;
}

/** Where an entry's local header starts, from the central directory. */
function centralOffsetOf(zip: Uint8Array, name: string): number {
  const text = new TextDecoder('latin1').decode(zip);
  const at = text.lastIndexOf(name);
  return new DataView(zip.buffer, zip.byteOffset).getUint32(at - 46 + 42, true);
}
