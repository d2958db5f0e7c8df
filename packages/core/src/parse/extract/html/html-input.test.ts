import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../index.js';
import type { ExtractedDocument } from '../../document.js';
import { DEFAULT_LIMITS, ParseError } from '../../errors.js';
import { parseReport } from '../../../index.js';
import { extractHtml } from './index.js';
import { extract, fixture, options, rejects, texts, utf8 } from '../../../../test/support/html.js';

describe('extractHtml: encodings', () => {
  const gbk = (html: string) => {
    // The GBK bytes of a page, made from the fixture's decoded characters (TextEncoder only writes UTF-8).
    const table = new Map<string, number[]>();
    const source = fixture('gbk-2019.html');
    const decoded = new TextDecoder('gb18030').decode(source);
    let i = 0;
    for (const ch of decoded) {
      const width = ch.charCodeAt(0) < 0x80 ? 1 : 2;
      table.set(ch, Array.from(source.subarray(i, i + width)));
      i += width;
    }
    return new Uint8Array([...html].flatMap((ch) => table.get(ch) ?? [ch.charCodeAt(0)]));
  };

  it('reads http-equiv charset=gbk, and GBK without any declaration', async () => {
    const declared = gbk('<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>一、总体情况</p>');
    expect(texts(await extractHtml(declared, options))).toEqual(['一、总体情况']);
    const undeclared = gbk('<p>青溪县人民政府</p>');
    expect(texts(await extractHtml(undeclared, options))).toEqual(['青溪县人民政府']);
  });

  it('reads a UTF-8 page under a GBK declaration as UTF-8, and ignores a UTF-16 declaration', async () => {
    const underGbk = await extract('<meta charset="gb2312"><p>一、总体情况</p>');
    expect(texts(underGbk)).toEqual(['一、总体情况']);
    expect(underGbk.messages[0]?.rule).toBe('html-charset');
    expect(texts(await extract('<meta charset="utf-16"><p>二、主动公开</p>'))).toEqual(['二、主动公开']);
  });

  it('lets a BOM win over the declaration', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="gbk"><p>三、收到</p>')]);
    expect(texts(await extractHtml(bytes, options))).toEqual(['三、收到']);
  });
});

describe('extractHtml: errors and limits', () => {
  it('rejects empty and blank input, naming the file', async () => {
    const error = await rejects(new Uint8Array(), 'empty');
    expect(error.message).toBe('page.html：文件为空');
    await rejects(' \n\t ', 'empty');
  });

  it('rejects input over maxBytes', async () => {
    const error = await rejects('<p>一二三</p>', 'too-large', {
      ...options,
      limits: { ...DEFAULT_LIMITS, maxBytes: 8 },
    });
    expect(error.message).toMatch(/^page\.html：.*超过上限 8 字节/);
  });

  it('rejects endless nesting instead of parsing it in quadratic time', async () => {
    await rejects('<div>'.repeat(20_000), 'corrupt');
  });

  it('honours the time budget', async () => {
    await rejects('<p>一</p>', 'timeout', { ...options, limits: { ...DEFAULT_LIMITS, timeoutMs: -1 } });
  });

  it('keeps deep but finite nesting, and warns when a page has no text', async () => {
    const deep = await extract(`${'<div><span>'.repeat(2000)}深处${'</span></div>'.repeat(2000)}<p>后文</p>`);
    expect(texts(deep)).toEqual(['深处', '后文']);
    const script = await extract('<html><body><div id="app"></div><script>render("正文")</script></body></html>');
    expect(script.nodes).toEqual([]);
    expect(script.messages).toEqual([expect.objectContaining({ rule: 'html-no-text', severity: 'warning' })]);
  });
});

/**
 * What a reader may rely on even for junk input; the problems found, as text. (Plain checks
 * rather than one `expect` each: the fuzz test runs them over hundreds of thousands of cells.)
 */
function malformations(doc: ExtractedDocument, sourceLines: number): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(doc.source === 'html', 'source');
  let tables = 0;
  for (const node of doc.nodes) {
    const line = node.at.line ?? 0;
    check(line >= 1 && line <= sourceLines, `line ${line} of ${sourceLines}`);
    if (node.kind === 'line') {
      check(node.text !== '' && node.text === node.text.trim(), `line text ${JSON.stringify(node.text)}`);
      continue;
    }
    check(node.at.table === tables, `table index ${node.at.table}`);
    node.rows.forEach((row, r) => {
      let last = -1;
      for (const cell of row) {
        const where = `table ${tables} cell (${cell.row}, ${cell.column})`;
        check(cell.row === r && cell.at.row === r && cell.at.column === cell.column, `${where} position`);
        check(cell.column > last, `${where} order`);
        last = cell.column;
        check(cell.rowSpan >= 1 && cell.rowSpan <= node.rows.length - r, `${where} rowSpan ${cell.rowSpan}`);
        check(cell.colSpan >= 1 && cell.colSpan <= 1000, `${where} colSpan ${cell.colSpan}`);
        check(cell.text === cell.text.trim(), `${where} text`);
      }
    });
    tables += 1;
  }
  return problems;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const countLines = (bytes: Uint8Array) => bytes.reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 1);

describe('extractHtml: fuzz', () => {
  const INSERTS = [
    '<table>',
    '<td rowspan=99999>',
    '<td colspan=5000>',
    '<tr>',
    '</td>',
    '</table>',
    '<script>',
    '<!--',
    '&',
    '<',
    '\u0000',
  ].map((s) => utf8(s));

  it('returns a document or throws ParseError for 2,000 mutations of the rendered report', async () => {
    const original = fixture('report-2021.html');
    const random = seededRandom(20240501);
    const int = (n: number) => Math.floor(random() * n);
    let read = 0;
    let rejected = 0;
    for (let run = 0; run < 2000; run += 1) {
      let bytes = original;
      for (let op = 1 + int(4); op > 0; op -= 1) {
        const at = int(bytes.length + 1);
        const kind = int(5);
        if (kind === 0) {
          bytes = bytes.slice();
          for (let k = 1 + int(8); k > 0; k -= 1) bytes[int(bytes.length)] = int(256);
        } else if (kind === 1) bytes = bytes.subarray(0, at);
        else if (kind === 2) {
          bytes = concat(bytes.subarray(0, at), INSERTS[int(INSERTS.length)] as Uint8Array, bytes.subarray(at));
        } else if (kind === 3) bytes = concat(bytes.subarray(0, at), bytes.subarray(at + int(2000)));
        else bytes = concat(bytes.subarray(0, at), bytes.subarray(int(bytes.length), at), bytes.subarray(at));
      }
      try {
        const doc = await extractHtml(bytes, options);
        // A line feed is never part of a multi-byte character, in UTF-8 or in GB18030.
        expect(malformations(doc, countLines(bytes))).toEqual([]);
        read += 1;
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
        rejected += 1;
      }
    }
    expect(read + rejected).toBe(2000);
    expect(read).toBeGreaterThan(1500);
  });

  it('returns a document or throws ParseError for any soup of table markup', async () => {
    const token = fc.constantFrom(
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td>',
      '</td>',
      '<th rowspan=3>',
      '<td colspan=2>',
      '<td rowspan=0>',
      '<tbody>',
      '<thead>',
      '<caption>',
      '<p>',
      '<br>',
      '<div hidden>',
      '</div>',
      '<nav>',
      '<pre>',
      '一',
      '12',
      '&nbsp;',
      '\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 80 }), async (tokens) => {
        const html = tokens.join('');
        try {
          expect(malformations(await extract(html), html.split('\n').length)).toEqual([]);
        } catch (error) {
          if (!(error instanceof ParseError)) throw error;
          expect(error.code).toBe('empty');
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('extractHtml: the page’s own fields', () => {
  // A county site's article page: the menu's last item runs into the title in the visible text,
  // the organ appears only as a nameless 来源, and the head declares the standard fields.
  const page = [
    '<html><head><meta name="ArticleTitle" content="渭南市临渭区民政局2023年政府信息公开工作年度报告">',
    '<meta name="ContentSource" content="渭南市临渭区民政局"><meta name="PubDate" content="2024-1-17 17:55">',
    '</head><body><div>本站支持IPV6</div><div>临渭区民政局2023年政府信息公开工作年度报告</div>',
    '<p>来源：区民政局</p><p>一、总体情况</p><p>正文。</p></body></html>',
  ].join('');

  it('keeps ArticleTitle, ContentSource and PubDate apart from the text', async () => {
    expect((await extract(page)).page).toEqual({
      title: '渭南市临渭区民政局2023年政府信息公开工作年度报告',
      organ: '渭南市临渭区民政局',
      publishedOn: '2024-01-17',
    });
    expect((await extract('<p>一、总体情况</p>')).page).toEqual({});
  });

  it('reads the organ and the date from them before the text', async () => {
    const { report } = await parseReport(utf8(page), { file: 'linwei.html' });
    expect(report.meta).toMatchObject({ agency: '渭南市临渭区民政局', year: 2023, publishedOn: '2024-01-17' });
    const fieldOnly = page.replace(/<meta name="ArticleTitle"[^>]*>/, '').replace(/<div>临渭区[^<]*<\/div>/, '');
    expect((await parseReport(utf8(fieldOnly), { file: 'linwei.html' })).report.meta.agency).toBe('渭南市临渭区民政局');
  });
});
