import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@xxgk/core';
import { withoutToUnicode } from '../../../bench/support/pdf-fonts.js';
import { inflatedSize, loadPdfium } from '../src/index.js';
import { OcrUnavailableError, ocrPdf } from '../src/ocr/index.js';

/*
 * PDFs whose text layer does not hold the figures, read by OCR from the pages' images:
 * - fonts that map their glyphs to no text (no /ToUnicode): the text layer gives glyph numbers.
 *   Made in memory from the core's PDF fixture (fixtures/parse/pdf/README.md, (a)) by
 *   bench/support/pdf-fonts.js;
 * - tables pasted as pictures (pictures-2021.pdf, README (f)): the words are text, the figures
 *   only in the pictures;
 * - table pages scanned among text pages (mixed-2021.pdf, README (g)).
 */
const FIXTURES = new URL('../../../fixtures/parse/pdf/', import.meta.url);
const OCR_TIME = 300_000;

async function unmapped(): Promise<{ bytes: Uint8Array; cells: Record<string, number | null> }> {
  const pdf = new Uint8Array(await readFile(new URL('xxgk-2021.pdf', FIXTURES)));
  const report = JSON.parse(await readFile(new URL('report-2021.json', FIXTURES), 'utf8')) as {
    cells: Record<string, number | null>;
  };
  return { bytes: withoutToUnicode(pdf), cells: report.cells };
}

const options = { file: '某局年报.pdf', pdfium: loadPdfium, inflate: inflatedSize };

/** The cells read otherwise than the report says: wrong, and open (null). */
function compare(got: Record<string, number | null | undefined>, cells: Record<string, number | null>) {
  const differ = Object.entries(cells).filter(([id, value]) => got[id] !== value);
  return {
    wrong: differ.filter(([id]) => got[id] !== null && got[id] !== undefined),
    open: differ.filter(([id]) => got[id] === null || got[id] === undefined).map(([id]) => id),
  };
}

describe('a PDF whose text layer is junk', () => {
  it(
    'is read from its pages by OCR: every cell, the organ and the year, with a warning that says why',
    async () => {
      const { bytes, cells } = await unmapped();
      const parsed = await parseReport(bytes, { ...options, ocr: ocrPdf });
      const { wrong, open } = compare(parsed.report.cells, cells);
      expect(Object.keys(cells).length).toBeGreaterThan(190);
      expect(wrong).toEqual([]);
      expect(open).toEqual([]);
      expect(parsed.report.meta.agency).toBe('相山区应急管理局');
      expect(parsed.report.meta.year).toBe(2024);
      const notice = parsed.findings.find((f) => f.rule === 'pdf-ocr');
      expect(notice?.message).toBe(
        '某局年报.pdf 的文字层是乱码（字体没有给出字形对应的文字），其中的文字由文字识别（OCR）从页面图像读出，共 4 页；数值可能有误，请与原件核对',
      );
      expect(parsed.findings.some((f) => f.rule === 'pdf-text-unreadable')).toBe(false);
    },
    OCR_TIME,
  );

  it('where OCR cannot run, gives no cells and an error in Chinese that says the text layer is junk', async () => {
    const { bytes } = await unmapped();
    const parsed = await parseReport(bytes, {
      ...options,
      ocr: () => Promise.reject(new OcrUnavailableError('文字识别模型无法载入：找不到模型文件')),
    });
    expect(Object.keys(parsed.report.cells)).toEqual([]);
    const finding = parsed.findings.find((f) => f.rule === 'pdf-ocr-unavailable');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe(
      '某局年报.pdf 的文字层是乱码（字体没有给出字形对应的文字），本机无法运行文字识别（OCR）（文字识别模型无法载入：找不到模型文件），其中的数字未能读取；请提供能复制出文字的 PDF 或原始 Word 文件',
    );
  });
});

describe('a PDF whose tables are pictures', () => {
  const read = async () => ({
    bytes: new Uint8Array(await readFile(new URL('pictures-2021.pdf', FIXTURES))),
    cells: (await unmapped()).cells,
  });

  it(
    'reads the pages the pictures are on by OCR: every cell, a warning that says which pages',
    async () => {
      const { bytes, cells } = await read();
      const parsed = await parseReport(bytes, { ...options, ocr: ocrPdf });
      const { wrong, open } = compare(parsed.report.cells, cells);
      expect(wrong).toEqual([]);
      // Small print in a picture scaled to the page (labels about 6 pt): read whole at 200 dpi.
      expect(open).toEqual([]);
      expect(parsed.report.meta.agency).toBe('相山区应急管理局');
      expect(parsed.findings.find((f) => f.rule === 'pdf-ocr-pictures')?.message).toBe(
        '某局年报.pdf 第 2、3 页的内容可能只在图片中（表格以图片插入，或是扫描页），这几页由文字识别（OCR）从页面图像读出；数值可能有误，请与原件核对',
      );
      const sourced = Object.values(parsed.report.provenance ?? {}).filter((s) => s?.confidence !== undefined);
      expect(sourced.length).toBeGreaterThan(150);
    },
    OCR_TIME,
  );

  it('without OCR, reads the words and says the tables may be pictures', async () => {
    const { bytes } = await read();
    const parsed = await parseReport(bytes, options);
    expect(parsed.report.meta.agency).toBe('相山区应急管理局');
    expect(Object.values(parsed.report.cells).filter((v) => typeof v === 'number')).toEqual([]);
    expect(parsed.findings.find((f) => f.rule === 'pdf-ocr-pictures')?.message).toBe(
      '某局年报.pdf 第 2、3 页的内容可能只在图片中（表格以图片插入，或是扫描页），但未做文字识别（OCR），其中的数字未能读取；请提供表格为文字的 PDF 或原始 Word 文件',
    );
  });
});

describe('a PDF whose table pages are scans among text pages', () => {
  it(
    'reads the scanned pages by OCR and the text page from its text: every cell, no page said unread',
    async () => {
      const bytes = new Uint8Array(await readFile(new URL('mixed-2021.pdf', FIXTURES)));
      const parsed = await parseReport(bytes, { ...options, ocr: ocrPdf });
      const { wrong, open } = compare(parsed.report.cells, (await unmapped()).cells);
      expect(wrong).toEqual([]);
      expect(open).toEqual([]);
      expect(parsed.report.meta.agency).toBe('相山区应急管理局');
      expect(parsed.findings.find((f) => f.rule === 'pdf-ocr-pictures')?.message).toContain('第 2、3、4 页');
      expect(parsed.findings.filter((f) => f.rule === 'pdf-page-no-text')).toEqual([]);
      // The first page is the text layer's: its lines carry no OCR confidence.
      const first = parsed.document.nodes.filter((node) => node.at.page === 1);
      expect(first.length).toBeGreaterThan(10);
      expect(
        first.every((node) => node.kind !== 'line' || node.fragments?.every((f) => f.confidence === undefined)),
      ).toBe(true);
    },
    OCR_TIME,
  );
});
