import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The CLI's reader of pdf.js's CMaps, the one the core is given in real use.
import { readCMap } from '../../../../../node/src/cmaps.js';
import { inflatedSize } from '../../../../../node/src/inflate.js';
import { loadPdfium } from '../../../../../node/src/pdfium.js';
import { displayValue, reportView } from '../../../layout/report-view.js';
import { seededRandom } from '../../../model/generate.js';
import type { Report } from '../../../model/schema.js';
import type { DocumentNode, ExtractedDocument } from '../../document.js';
import { DEFAULT_LIMITS, ParseError, type ParseErrorCode, type ParseLimits } from '../../errors.js';
import { hostilePdf } from '../../../../../../bench/hostile.js';
import { withoutToUnicode } from '../../../../../../bench/support/pdf-fonts.js';
import { sampleSize } from '../../../../test/sample-size.js';
import { extractPdf } from './index.js';
import type { Pdfium } from './pdfium.js';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../../../fixtures/parse/pdf/${name}`, import.meta.url))));
const fixtureReport = (name: string): Report => JSON.parse(new TextDecoder().decode(fixture(name))) as Report;

/**
 * Reads with pdf.js (streams measured with DecompressionStream), or with PDFium when given it, as
 * the CLI and the server do (streams measured with Node's zlib).
 */
const reader =
  (pdfium?: (failed?: Pdfium) => Promise<Pdfium>) =>
  (bytes: Uint8Array, limits: Partial<ParseLimits> = {}, file = 'report.pdf'): Promise<ExtractedDocument> =>
    extractPdf(bytes, {
      file,
      limits: { ...DEFAULT_LIMITS, ...limits },
      readCMap,
      ...(pdfium ? { pdfium, inflate: inflatedSize } : {}),
    });

/** Both engines must read every fixture alike. */
const ENGINES = [
  ['pdf.js', undefined],
  ['PDFium', loadPdfium],
] as const;

/** Strips the white space PDF text may carry inside a label. */
const norm = (text: string): string => text.replace(/\s+/g, '');

/** The document as records of fields: a table row's cells, or a line's tab-separated fragments. */
interface Row {
  readonly page: number;
  readonly fields: readonly string[];
}

function rows(nodes: readonly DocumentNode[]): Row[] {
  return nodes.flatMap((node): Row[] =>
    node.kind === 'line'
      ? [{ page: node.at.page ?? 0, fields: node.text.split('\t').map(norm) }]
      : node.rows.map((cells) => ({ page: node.at.page ?? 0, fields: cells.map((cell) => norm(cell.text)) })),
  );
}

async function expectParseError(promise: Promise<unknown>, code: ParseErrorCode): Promise<ParseError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  return error as ParseError;
}

/** Section titles and the page each starts on, as poppler's pdftotext places them. */
const SECTION_PAGES: Record<string, readonly number[]> = {
  'xxgk-2021.pdf': [1, 1, 2, 3, 4, 4],
  'libreoffice-2021.pdf': [1, 2, 2, 3, 3, 4],
  'libreoffice-2019.pdf': [1, 2, 2, 3, 3, 4],
};

describe.each(ENGINES)('%s', (engine, pdfium) => {
  const read = reader(pdfium);

  describe.each([
    ['xxgk-2021.pdf', 'report-2021.json', '(a) the core’s own PDF'],
    ['libreoffice-2021.pdf', 'report-2021.json', '(b) LibreOffice export of the core’s DOCX'],
    ['libreoffice-2019.pdf', 'report-2019.json', '(c) LibreOffice export, 2019 format'],
  ])('%s: %s', (pdf, json, _what) => {
    const report = fixtureReport(json);
    const view = reportView(report);
    const documentPromise = read(fixture(pdf));

    it('reads four pages, with no messages, and the ruled tables as tables', async () => {
      const doc = await documentPromise;
      expect(doc.source).toBe('pdf');
      expect(doc.pages).toBe(4);
      expect(doc.messages).toEqual([]);
      // s2, s3 (split over two pages, its header rows repeated), s4.
      expect(doc.nodes.filter((node) => node.kind === 'table').length).toBeGreaterThanOrEqual(4);
    });

    it('holds every table label, as the whole text of a cell even where it wraps', async () => {
      const fields = new Set(rows((await documentPromise).nodes).flatMap((row) => row.fields));
      for (const block of view.blocks) {
        if (block.kind !== 'table' || !block.table) continue;
        for (const cell of block.table.rows.flat()) if (cell.text) expect(fields, cell.text).toContain(norm(cell.text));
      }
    });

    it('puts each table row’s values, in order, right after its label (or on the next row)', async () => {
      const records = rows((await documentPromise).nodes);
      let from = 0;
      let checked = 0;
      for (const block of view.blocks) {
        if (block.kind !== 'table' || !block.table) continue;
        for (const layoutRow of block.table.rows) {
          const values = layoutRow.flatMap((cell) => (cell.cellId ? [displayValue(report, cell.cellId)] : []));
          if (values.length === 0) continue;
          const labelCell = layoutRow.filter((cell) => cell.text && !cell.cellId).at(-1);
          const label = labelCell?.text ? norm(labelCell.text) : undefined;
          // Rows are looked for in order, so that a repeated label ("3.其他") finds its own row.
          const at = records.findIndex((record, i) => {
            if (i < from) return false;
            if (!label) return record.fields.join('\t') === values.join('\t');
            const k = record.fields.indexOf(label);
            if (k < 0) return false;
            const after = record.fields.slice(k + 1);
            const next = after.length > 0 ? after : (records[i + 1]?.fields ?? []);
            expect(next.slice(0, values.length), `${block.title} ${label}`).toEqual(values);
            return true;
          });
          expect(at, `${block.title} ${label ?? values.join(' ')}`).toBeGreaterThanOrEqual(0);
          from = at + 1;
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

    it('gives the page of every line and table, numbers lines on their page and drops page footers', async () => {
      const doc = await documentPromise;
      const titles = view.blocks.map((block) => norm(block.title));
      const pages = titles
        .map((title) => doc.nodes.find((node) => node.kind === 'line' && norm(node.text) === title))
        .map((node) => node?.at.page);
      expect(pages).toEqual(SECTION_PAGES[pdf]);
      let last = { page: 0, line: 0 };
      for (const node of doc.nodes) {
        const page = node.at.page ?? 0;
        expect(page).toBeGreaterThanOrEqual(last.page);
        if (page !== last.page) last = { page, line: 0 };
        if (node.kind !== 'line') continue;
        expect(node.at.line).toBe(last.line + 1);
        last.line += 1;
        expect(node.text).not.toMatch(/\/\s*4/);
        for (const fragment of node.fragments ?? []) {
          expect(fragment.x0).toBeLessThanOrEqual(fragment.x1);
          expect(fragment.x1).toBeLessThanOrEqual(596);
        }
      }
      const tables = doc.nodes.filter((node) => node.kind === 'table');
      expect(tables.map((table) => table.at.table)).toEqual(tables.map((_, i) => i));
      for (const table of tables) {
        for (const cell of table.rows.flat())
          expect(cell.at).toMatchObject({ page: table.at.page, table: table.at.table });
      }
    });

    it('leaves the caller’s bytes intact, and takes a Node Buffer as well', async () => {
      const bytes = fixture(pdf);
      await read(bytes);
      expect(bytes.byteLength).toBeGreaterThan(0);
      expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
      const buffer = readFileSync(
        fileURLToPath(new URL(`../../../../../../fixtures/parse/pdf/${pdf}`, import.meta.url)),
      );
      expect((await read(buffer)).nodes).toEqual((await documentPromise).nodes);
    });
  });

  describe('PDFs that do not read as usual', () => {
    it('(d) a scan without a text layer gives no nodes and an error message naming the file', async () => {
      const doc = await read(fixture('scan.pdf'), {}, '某局年报.pdf');
      expect(doc.nodes).toEqual([]);
      expect(doc.pages).toBe(1);
      expect(doc.messages).toHaveLength(1);
      expect(doc.messages[0]).toMatchObject({ rule: 'pdf-no-text-layer', severity: 'error' });
      expect(doc.messages[0]?.message).toContain('某局年报.pdf');
      expect(doc.messages[0]?.message).toContain('是扫描件（没有文字层），无法读取其中的数字');
    });

    it('(f) tables pasted as pictures, pages scanned among text pages: the pages whose content may be only in pictures', async () => {
      const doc = await read(fixture('pictures-2021.pdf'));
      expect(doc.pictures).toEqual(engine === 'PDFium' ? [2, 3] : undefined);
      expect(doc.nodes.filter((node) => node.kind === 'table')).toEqual([]);
      // Pages of no text are known to both engines; pictures as wide as a table only to PDFium.
      expect((await read(fixture('mixed-2021.pdf'))).pictures).toEqual([2, 3, 4]);
      for (const name of ['xxgk-2021.pdf', 'libreoffice-2021.pdf', 'layouts.pdf'])
        expect((await read(fixture(name))).pictures).toBeUndefined();
    });

    it.each(['xxgk-2021.pdf', 'libreoffice-2021.pdf'])(
      '(d) %s with fonts that map glyphs to no text (no /ToUnicode) gives no nodes and an error, not junk',
      async (name) => {
        expect((await read(fixture(name))).nodes.length).toBeGreaterThan(20);
        const doc = await read(withoutToUnicode(fixture(name)), {}, '某局年报.pdf');
        expect(doc.nodes).toEqual([]);
        expect(doc.pages).toBe(4);
        expect(doc.messages).toEqual([expect.objectContaining({ rule: 'pdf-text-unreadable', severity: 'error' })]);
        expect(doc.messages[0]?.message).toContain('某局年报.pdf 有文字层，但其中的字体没有给出字形对应的文字');
      },
    );

    it('(e) a non-embedded CID font reads through the CMaps: borderless, typed and Word-ruled tables, no watermark, no footers', async () => {
      const doc = await read(fixture('cid-ucs2-borderless.pdf'));
      expect(doc.messages).toEqual([]);
      const lines = doc.nodes.map((node) =>
        node.kind === 'line' ? `${node.at.page}:${node.at.line} ${node.text}` : '',
      );
      expect(lines).toEqual([
        '1:1 某某县应急管理局2023年政府信息公开工作年度报告',
        '1:2 一、总体情况',
        '1:3 本机关认真贯彻落实《中华人民共和国政府信息公开条例》。',
        '1:4 二、主动公开政府信息情况',
        '1:5 信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
        '1:6 规章\t3\t0\t4',
        '1:7 行政规范性文件\t7\t0\t9',
        '1:8 行政许可\t6',
        '1:9 总体情况良好',
        '2:1 三、收到和处理政府信息公开申请情况',
        '2:2 （七）总计\t90\t8\t8\t8\t16\t15\t145',
        '2:3 2023年共收到申请145件。',
        '3:1 二、主动公开政府信息情况（续）',
        '',
      ]);
      const row = doc.nodes[5];
      expect(row?.kind === 'line' && row.fragments?.map((f) => Math.round(f.x0))).toEqual([72, 228, 328, 428]);
      // Page 3's table, ruled with thin filled rectangles; its heading cell spans two columns.
      const table = doc.nodes.at(-1);
      expect(table?.kind).toBe('table');
      if (table?.kind !== 'table') return;
      expect(table.at).toEqual({ page: 3, table: 0 });
      expect(table.rows.map((cells) => cells.map((cell) => `${cell.text}/${cell.colSpan}`))).toEqual([
        ['信息内容/1', '本年处理决定数量/2'],
        ['行政许可/1', '6/1', '7/1'],
        ['行政强制/1', '0/1', '1/1'],
      ]);
    });
  });

  describe('bad input fails fast with the right ParseError', () => {
    const good = fixture('xxgk-2021.pdf');
    const quick = { timeoutMs: 5000 };

    it.each([
      ['empty', new Uint8Array(0), 'empty'],
      ['truncated to 50 KB', good.slice(0, 50_000), 'corrupt'],
      ['truncated to its header', good.slice(0, 200), 'corrupt'],
      ['junk', new TextEncoder().encode('这不是 PDF，只是一段文字。'.repeat(50)), 'corrupt'],
      ['a PDF header and junk', new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(500)}`), 'corrupt'],
      ['encrypted', fixture('encrypted.pdf'), 'encrypted'],
    ] as const)('%s → %s', async (_name, bytes, code) => {
      const error = await expectParseError(read(bytes, quick, 'bad.pdf'), code);
      expect(error.file).toBe('bad.pdf');
      expect(error.message).toMatch(/^bad\.pdf：/);
    });

    it('a page content stream inflating to 256 MB → zip-bomb, before pdf.js inflates it', async () => {
      const bytes = hostilePdf(256);
      expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
      const error = await expectParseError(read(bytes, {}, 'bomb.pdf'), 'zip-bomb');
      expect(error.message).toBe(
        'bomb.pdf：PDF 中有数据流解压后超过 32 MB 的上限，文件过大或结构异常（可能是恶意构造的文件），已拒绝读取',
      );
    });

    it('streams inflating past the total limit → zip-bomb; under both limits the same file reads', async () => {
      const bytes = hostilePdf(2);
      const error = await expectParseError(read(bytes, { maxInflatedBytes: 1024 * 1024 }), 'zip-bomb');
      expect(error.message).toContain('共超过 1 MB 的上限');
      const part = await expectParseError(read(bytes, { maxPartBytes: 1024 * 1024 }), 'zip-bomb');
      expect(part.message).toContain('有数据流解压后超过 1 MB');
      // 2 MB of zeros is a blank page, not an attack, under the default limits.
      const doc = await read(bytes);
      expect(doc.pages).toBe(1);
    });

    it('too large → too-large, before parsing', async () => {
      await expectParseError(read(good, { maxBytes: 1000 }), 'too-large');
    });

    it('too many pages → too-many-pages', async () => {
      const error = await expectParseError(read(good, { maxPages: 3 }), 'too-many-pages');
      expect(error.message).toContain('4 页');
    });

    it('over its time budget → timeout', async () => {
      await expectParseError(read(good, { timeoutMs: 1 }), 'timeout');
    });

    /*
     * Slow by nature on pdf.js (about 40 s here for 150): some flips damage an embedded CFF font so that
     * pdf.js parses it for seconds in one synchronous stretch, which no timer can interrupt on
     * this thread; the read then ends with 'timeout' as soon as pdf.js yields.
     */
    // PDFium reads the 150 in seconds; pdf.js, the fallback, in about 40 s, so CI runs a sample of it.
    const mutations = pdfium ? 150 : sampleSize(50, 150);
    it(`${mutations} seeded mutations of (a) each read or fail with a ParseError`, async () => {
      const random = seededRandom(20240601);
      const codes = new Map<string, number>();
      for (let i = 0; i < mutations; i += 1) {
        let bytes: Uint8Array;
        const kind = random();
        if (kind < 0.3) {
          bytes = good.slice(0, Math.floor(random() * good.length));
        } else {
          bytes = good.slice();
          const flips = 1 + Math.floor(random() * 20);
          for (let k = 0; k < flips; k += 1) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
          if (kind > 0.8) bytes = bytes.slice(0, Math.floor(bytes.length * (0.5 + random() / 2)));
        }
        try {
          const doc = await read(bytes, { timeoutMs: 250 });
          expect(doc.source).toBe('pdf');
          codes.set('read', (codes.get('read') ?? 0) + 1);
        } catch (error) {
          expect(error, `mutation ${i}`).toBeInstanceOf(ParseError);
          const code = (error as ParseError).code;
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
      }
      expect([...codes.values()].reduce((sum, n) => sum + n, 0)).toBe(mutations);
    }, 300_000);
  });
});

describe('pdf.js in this process', () => {
  const read = reader();
  it('(e) without the CMaps says so, rather than calling the PDF a scan', async () => {
    const doc = await extractPdf(fixture('cid-ucs2-borderless.pdf'), { file: 'x.pdf', limits: DEFAULT_LIMITS });
    expect(doc.nodes).toEqual([]);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]).toMatchObject({ rule: 'pdf-cmap-unavailable', severity: 'error' });
    expect(doc.messages[0]?.message).toContain('UniGB-UCS2-H');
  });

  it('the CLI’s readCMap refuses names that are not CMap names', async () => {
    expect((await readCMap('UniGB-UCS2-H')).length).toBeGreaterThan(1000);
    await expect(readCMap('../../package')).rejects.toThrow('CMap');
  });

  it('leaves the built-ins that its bundled polyfills replace as they were', async () => {
    await read(fixture('cid-ucs2-borderless.pdf'));
    const native = (f: unknown): boolean => /\[native code\]/.test(Function.prototype.toString.call(f));
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
    expect(native(JSON.stringify)).toBe(true);
    expect('self' in globalThis).toBe(false);
  });

  it('reads several PDFs at once', async () => {
    const names = ['xxgk-2021.pdf', 'libreoffice-2021.pdf', 'scan.pdf', 'encrypted.pdf'];
    const outcomes = await Promise.all(
      names.map((name) =>
        read(fixture(name)).then(
          (doc) => doc.nodes.length,
          (error: unknown) => (error as ParseError).code,
        ),
      ),
    );
    expect(outcomes).toEqual([28, 34, 0, 'encrypted']);
  });
});

describe('PDFium', () => {
  it('reads a CID font without CMaps from the caller: they are built in', async () => {
    const doc = await extractPdf(fixture('cid-ucs2-borderless.pdf'), { limits: DEFAULT_LIMITS, pdfium: loadPdfium });
    expect(doc.messages).toEqual([]);
    expect(doc.nodes.filter((node) => node.kind === 'line')).toHaveLength(13);
  });
});
