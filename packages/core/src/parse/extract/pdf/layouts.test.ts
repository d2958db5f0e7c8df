import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCMap } from '../../../../../node/src/cmaps.js';
import { loadPdfium } from '../../../../../node/src/pdfium.js';
import { parseReport } from '../../index.js';
import { DEFAULT_LIMITS } from '../../errors.js';
import { extractPdf } from './index.js';

/* layouts.pdf (make-layouts-pdf.mjs): layouts of real reports' PDFs, read alike by both engines. */

const bytes = new Uint8Array(
  readFileSync(fileURLToPath(new URL('../../../../../../fixtures/parse/pdf/layouts.pdf', import.meta.url))),
);

const S4 = ['upheld', 'corrected', 'other', 'pending', 'total'];
const FIGURES = [3, 1, 0, 0, 4, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2];

describe.each([
  ['pdf.js', {}],
  ['PDFium', { pdfium: loadPdfium }],
] as const)('layouts.pdf with %s', (_engine, engine) => {
  it('reads a table ruled only horizontally as a table, its wrapped label whole', async () => {
    const doc = await extractPdf(bytes, { limits: DEFAULT_LIMITS, readCMap, ...engine });
    const table = doc.nodes.find((node) => node.kind === 'table' && node.at.page === 1);
    expect(table?.kind === 'table' && table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '3', '0', '4'],
      ['行政规范性文件', '7', '0', '12'],
    ]);
  });

  it('joins column headers printed one character per line into the columns’ headers', async () => {
    const doc = await extractPdf(bytes, { limits: DEFAULT_LIMITS, readCMap, ...engine });
    const page2 = doc.nodes.flatMap((node) => (node.kind === 'line' && node.at.page === 2 ? [node.text] : []));
    expect(page2).toEqual([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议\t行政诉讼',
      '未经复议直接起诉\t复议后起诉',
      Array.from({ length: 3 }, () => '结果维持\t结果纠正\t其他结果\t尚未审结\t总计').join('\t'),
      FIGURES.join('\t'),
      '五、存在的主要问题及改进情况',
    ]);
  });

  it('reads column headers turned a quarter inside ruled cells as the cells’ text', async () => {
    const doc = await extractPdf(bytes, { limits: DEFAULT_LIMITS, readCMap, ...engine });
    const table = doc.nodes.find((node) => node.kind === 'table' && node.at.page === 3);
    expect(table?.kind === 'table' && table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      Array.from({ length: 3 }, () => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat(),
      FIGURES.map(String),
    ]);
  });

  it('reads the cells of sections 二 and 四 (headers stacked, turned or ruled away)', async () => {
    const { report } = await parseReport(bytes, { readCMap, ...engine });
    expect(report.cells).toMatchObject({
      's2.regulations.issued': 3,
      's2.regulations.inForce': 4,
      's2.normativeDocs.issued': 7,
      's2.normativeDocs.inForce': 12,
    });
    const s4 = ['review', 'suit', 'suitAfterReview'].flatMap((group) =>
      S4.map((key) => report.cells[`s4.${group}.${key}`]),
    );
    expect(s4).toEqual(FIGURES);
  });
});
