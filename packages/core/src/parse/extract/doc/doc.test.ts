import WordExtractor from 'word-extractor';
import { describe, expect, it } from 'vitest';
import { displayValue, reportView } from '../../../layout/report-view.js';
import type { LayoutTable } from '../../../layout/tables.js';
import { seededRandom } from '../../../model/generate.js';
import type { Report } from '../../../model/schema.js';
import type { ExtractedDocument } from '../../document.js';
import { DEFAULT_LIMITS, ParseError, type ParseErrorCode, type ParseLimits } from '../../errors.js';
import { mutate } from '../../../../test/fuzz/mutate.js';
import { failure, fixture, fixtureReport, layoutGrid, lines, tables } from '../../../../test/support/extract.js';
import { extractDoc } from './index.js';

const read = (bytes: Uint8Array, limits: Partial<ParseLimits> = {}): Promise<ExtractedDocument> =>
  extractDoc(bytes, { file: 'test.doc', limits: { ...DEFAULT_LIMITS, ...limits } });

const layouts = (report: Report): LayoutTable[] =>
  reportView(report).blocks.flatMap((block) => (block.kind === 'table' && block.table ? [block.table] : []));

const reports = [
  ['report-2021.doc (the core’s DOCX saved as Word 97 by LibreOffice)', 'doc/report-2021.doc', 'docx/report-2021.json'],
  ['report-2019.doc (a 2019-format report, likewise)', 'doc/report-2019.doc', 'doc/report-2019.json'],
] as const;

describe.each(reports)('extractDoc: %s', (_, path, json) => {
  const report = fixtureReport(json);
  const doc = read(fixture(path));

  it('rebuilds the rows: each row’s values in order', async () => {
    const found = tables(await doc);
    expect(found).toHaveLength(3);
    layouts(report).forEach((layout, t) => {
      layout.rows.forEach((row, r) => {
        const want = row.map((cell) =>
          cell.cellId !== undefined ? displayValue(report, cell.cellId) : (cell.text ?? ''),
        );
        expect(
          found[t]?.rows[r]?.map((cell) => cell.text),
          `${layout.id} row ${r}`,
        ).toEqual(want);
      });
    });
  });

  it('puts every label and value in its grid cell, with the official spans', async () => {
    const found = tables(await doc);
    layouts(report).forEach((layout, t) => {
      const cells = new Map(found[t]?.rows.flat().map((cell) => [`${cell.row},${cell.column}`, cell]));
      for (const want of layoutGrid(layout)) {
        const text = want.cellId !== undefined ? displayValue(report, want.cellId) : (want.text ?? '');
        expect(cells.get(`${want.row},${want.column}`), `${layout.id} (${want.row},${want.column})`).toMatchObject({
          text,
          rowSpan: want.rowSpan,
          colSpan: want.colSpan,
          at: { table: t, row: want.row, column: want.column },
        });
      }
    });
  });

  it('reads the prose as numbered lines', async () => {
    const text = lines(await doc).map((line) => line.text);
    expect(text[0]).toBe(reportView(report).title);
    for (const block of reportView(report).blocks) expect(text).toContain(block.title);
    expect(lines(await doc)[0]?.at).toEqual({ line: 1 });
    expect((await doc).messages).toEqual([]);
  });

  it('has the same text as word-extractor, an independent reader of the format', async () => {
    // getBody's option (not in its type declarations) keeps “” and — as they are.
    const extracted = await new WordExtractor().extract(Buffer.from(fixture(path)));
    const body = (extracted.getBody as (options: { filterUnicode: boolean }) => string).call(extracted, {
      filterUnicode: false,
    });
    const ours = (await doc).nodes
      .map((node) =>
        node.kind === 'line'
          ? node.text
          : node.rows
              .flat()
              .map((cell) => cell.text)
              .join(''),
      )
      .join('');
    expect(ours.replace(/\s/g, '')).toBe(body.replace(/\s/g, ''));
  });
});

describe('extractDoc: hand-made features (features.docx saved as Word 97 by LibreOffice)', () => {
  const doc = read(fixture('doc/features.doc'));

  it('keeps field results and drops instructions (HYPERLINK leftovers)', async () => {
    expect(JSON.stringify((await doc).nodes)).not.toContain('HYPERLINK');
    expect(lines(await doc)[1]).toEqual({
      kind: 'line',
      text: '2020年，我局在重点公开事项-安全生产监管栏目中公开了事故调查报告，共44篇。',
      at: { line: 2 },
    });
  });

  it('drops deleted and hidden text; tabs and line breaks', async () => {
    const text = lines(await doc).map((line) => line.text);
    expect(text).toContain('保留的文字插入的文字');
    expect(text).toContain('甲\t乙\n丙');
  });

  it('reads a text box after the paragraph that anchors it', async () => {
    const text = lines(await doc).map((line) => line.text);
    const anchor = text.indexOf('锚定段落');
    expect(text.slice(anchor, anchor + 3)).toEqual(['锚定段落', '文本框第一段', '文本框第二段']);
  });

  it('keeps a cell’s paragraphs apart from its row, merges and a nested table', async () => {
    const [table] = tables(await doc);
    const cell = (row: number, column: number) => table?.rows.flat().find((c) => c.row === row && c.column === column);
    expect(cell(0, 0)).toMatchObject({ text: '第二十条第（一）项', colSpan: 4 });
    expect(table?.rows[1]?.map((c) => c.text)).toEqual([
      '信息内容',
      '本年新\n制作数量',
      '本年新\n公开数量',
      '对外公开总数量',
    ]);
    expect(cell(2, 0)).toMatchObject({ text: '规章', rowSpan: 2 });
    expect(table?.rows[3]?.map((c) => [c.column, c.text])).toEqual([
      [1, '4'],
      [2, '5'],
      [3, '6'],
    ]);
    // LibreOffice writes w:gridBefore as an empty leading cell.
    expect(table?.rows[4]?.filter((c) => c.text !== '').map((c) => [c.column, c.text])).toEqual([
      [1, '7'],
      [2, '8'],
      [3, '9'],
    ]);
    expect(cell(5, 1)).toMatchObject({ text: 'a\tb\nc\td', colSpan: 3 });
  });

  it('reads a 1×1 frame table around content as body', async () => {
    const nodes = (await doc).nodes;
    const i = nodes.findIndex((n) => n.kind === 'line' && n.text === '框内段落');
    expect(nodes[i + 1]).toMatchObject({
      kind: 'table',
      at: { table: 1 },
      rows: [[{ text: '框内表格' }, { text: '10' }]],
    });
    expect(lines(await doc).at(-1)?.text).toBe('结束');
  });
});

/** A minimal OLE compound file (512-byte sectors, no mini stream) holding the given streams. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(streams);
  const data = names.map((name) => {
    const bytes = streams[name] as Uint8Array;
    const padded = new Uint8Array(Math.max(4096, Math.ceil(bytes.length / 512) * 512));
    padded.set(bytes);
    return { name, bytes, padded };
  });
  const dirSectors = Math.ceil((names.length + 1) / 4);
  const dataSectors = data.reduce((n, d) => n + d.padded.length / 512, 0);
  const out = new Uint8Array(512 * (1 + 1 + dirSectors + dataSectors));
  const view = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // one FAT sector: sector 0
  view.setUint32(0x30, 1, true); // directory from sector 1
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i += 1) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (sector: number, next: number) => view.setUint32(512 + sector * 4, next, true);
  for (let i = 0; i < 128; i += 1) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  for (let i = 0; i < dirSectors; i += 1) fat(1 + i, i === dirSectors - 1 ? 0xfffffffe : 2 + i);
  const entry = (
    index: number,
    name: string,
    type: number,
    start: number,
    size: number,
    right: number,
    child: number,
  ) => {
    const at = 512 * 2 + index * 128;
    for (let i = 0; i < name.length; i += 1) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 0x40, (name.length + 1) * 2, true);
    out[at + 0x42] = type;
    view.setUint32(at + 0x44, 0xffffffff, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0, 0xffffffff, names.length > 0 ? 1 : 0xffffffff);
  let sector = 1 + dirSectors;
  data.forEach((d, i) => {
    const count = d.padded.length / 512;
    for (let s = 0; s < count; s += 1) fat(sector + s, s === count - 1 ? 0xfffffffe : sector + s + 1);
    out.set(d.padded, 512 * (1 + sector));
    entry(1 + i, d.name, 2, sector, d.padded.length, i + 2 < names.length + 1 ? i + 2 : 0xffffffff, 0xffffffff);
    sector += count;
  });
  return out;
}

/** The FIB's offset in the file: the WordDocument stream starts a sector with the Word 97 magic. */
function fibOffset(bytes: Uint8Array): number {
  for (let o = 512; o < bytes.length; o += 512) if (bytes[o] === 0xec && bytes[o + 1] === 0xa5) return o;
  throw new Error('no FIB');
}

function patched(bytes: Uint8Array, edit: (copy: Uint8Array) => void): Uint8Array {
  const copy = new Uint8Array(bytes);
  edit(copy);
  return copy;
}

describe('extractDoc: bad input', () => {
  const good = fixture('doc/report-2021.doc');

  it.each<[string, () => Uint8Array, ParseErrorCode, Partial<ParseLimits>?]>([
    ['an empty file', () => new Uint8Array(0), 'empty'],
    ['a file over the size limit', () => good, 'too-large', { maxBytes: 1000 }],
    ['a truncated DOC', () => good.subarray(0, good.length >> 1), 'corrupt'],
    ['a DOC cut to its header', () => good.subarray(0, 600), 'corrupt'],
    ['random junk behind an OLE signature', () => patched(junk(8192), (b) => b.set(good.subarray(0, 8))), 'corrupt'],
    ['a DOC encrypted by LibreOffice (password “secret”)', () => fixture('doc/encrypted.doc'), 'encrypted'],
    [
      'a DOC with its encryption flag set',
      () => patched(good, (b) => (b[fibOffset(b) + 0x0b] = (b[fibOffset(b) + 0x0b] as number) | 0x01)),
      'encrypted',
    ],
    ['a Word 6.0/95 document', () => patched(good, (b) => (b[fibOffset(b)] = 0xdc)), 'unsupported'],
    [
      'an encrypted DOCX (OLE with EncryptedPackage)',
      () => compoundFile({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(5000) }),
      'encrypted',
    ],
    ['an Excel 97 workbook', () => compoundFile({ Workbook: new Uint8Array(100) }), 'unsupported'],
    ['an OLE file with no streams', () => compoundFile({}), 'unsupported'],
  ])('%s', async (_, make, code, limits) => {
    const error = await failure(read(make(), limits));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/^test\.doc：/);
  });

  it('refuses a cyclic sector chain', async () => {
    // Point the directory's chain back at itself through a second sector.
    const bytes = compoundFile({ Other: new Uint8Array(10) });
    const view = new DataView(bytes.buffer);
    view.setUint32(512 + 1 * 4, 2, true);
    view.setUint32(512 + 2 * 4, 1, true);
    expect((await failure(read(bytes))).code).toBe('corrupt');
  });

  it.each([
    ['report-2021.doc', 'doc/report-2021.doc'],
    ['features.doc', 'doc/features.doc'],
  ])('survives 2,000 mutations of %s: each reads or fails with a ParseError', async (_, path) => {
    const random = seededRandom(20240602);
    const bytes = fixture(path);
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 2000; i += 1) {
      const input = mutate(bytes, random);
      try {
        const doc = await read(input);
        expect(doc.source).toBe('doc');
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

function junk(length: number): Uint8Array {
  const random = seededRandom(11);
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}
