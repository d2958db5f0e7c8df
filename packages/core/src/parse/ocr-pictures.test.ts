import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inflatedSize } from '../../../node/src/inflate.js';
import { loadPdfium } from '../../../node/src/pdfium.js';
import { ParseError } from './errors.js';
import { parseReport } from './index.js';
import type { OcrPage, OcrReader } from './ocr-types.js';

/*
 * How the pages that may hold a table as a picture are chosen and put back, with the recogniser's
 * answers given here (the real OCR reads them in packages/node/test/ocr-text-layer.test.ts).
 */
const pdf = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/parse/pdf/${name}`, import.meta.url))));

const read = (bytes: Uint8Array, ocr: OcrReader) =>
  parseReport(bytes, { file: '某局年报.pdf', pdfium: loadPdfium, inflate: inflatedSize, ocr });

const box = (text: string, x0: number, y0: number) => ({
  text,
  x0,
  y0,
  x1: x0 + 12 * text.length,
  y1: y0 + 12,
  confidence: 0.9,
});

describe('pages read by OCR in a text PDF', () => {
  it('asks the recogniser for the pictured pages only, and puts its lines on those pages', async () => {
    const asked: (readonly number[] | undefined)[] = [];
    const ocr: OcrReader = (_bytes, { pages }) => {
      asked.push(pages);
      const page = (line: string): OcrPage => ({ width: 595, height: 842, boxes: [box(line, 72, 100)] });
      return Promise.resolve([page('第二页的图片文字'), page('第三页的图片文字')]);
    };
    const parsed = await read(pdf('pictures-2021.pdf'), ocr);
    expect(asked).toEqual([[2, 3]]);
    const lines = parsed.document.nodes.flatMap((node) =>
      node.kind === 'line' ? [`${node.at.page} ${node.text}`] : [],
    );
    expect(lines).toContain('2 第二页的图片文字');
    expect(lines).toContain('3 第三页的图片文字');
    // Page 1 keeps its text layer; the pictured pages' text layer is replaced.
    expect(lines.some((line) => line.startsWith('1 ') && line.includes('总体情况'))).toBe(true);
    expect(lines.filter((line) => line.startsWith('2 ') || line.startsWith('3 '))).toHaveLength(2);
  });

  it('leaves the document as it was where the recogniser finds nothing (blank pages)', async () => {
    const blank: OcrReader = (_bytes, { pages = [] }) =>
      Promise.resolve(pages.map(() => ({ width: 595, height: 842, boxes: [] })));
    const bytes = pdf('pictures-2021.pdf');
    const parsed = await read(bytes, blank);
    const plain = await parseReport(bytes, { file: '某局年报.pdf', pdfium: loadPdfium, inflate: inflatedSize });
    expect(parsed.document.nodes).toEqual(plain.document.nodes);
    expect(parsed.findings.some((f) => f.rule === 'pdf-ocr-pictures')).toBe(false);
  });

  it('goes on with the text where OCR stops at a limit, and says so', async () => {
    const stopped: OcrReader = () =>
      Promise.reject(new ParseError('timeout', '文字识别（OCR）超过每页 60 秒的上限，已停止读取'));
    const parsed = await read(pdf('pictures-2021.pdf'), stopped);
    expect(parsed.report.meta.agency).toBe('相山区应急管理局');
    expect(parsed.findings.find((f) => f.rule === 'pdf-ocr-pictures')?.message).toBe(
      '某局年报.pdf 第 2、3 页的内容可能只在图片中（表格以图片插入，或是扫描页），但文字识别（OCR）未能完成（文字识别（OCR）超过每页 60 秒的上限，已停止读取），其中的数字未能读取；请提供表格为文字的 PDF 或原始 Word 文件',
    );
  });

  it('does not ask for OCR where the text gave every table', async () => {
    const never: OcrReader = () => Promise.reject(new Error('OCR was asked for'));
    const parsed = await read(pdf('xxgk-2021.pdf'), never);
    expect(parsed.findings.some((f) => f.rule.startsWith('pdf-ocr'))).toBe(false);
    expect(Object.values(parsed.report.cells).filter((v) => typeof v === 'number').length).toBeGreaterThan(190);
  });
});
