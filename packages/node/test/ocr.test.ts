import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '@xxgk/core';
import { OcrUnavailableError, ocrPdf } from '../src/ocr/index.js';
import { ParsePool, UPLOAD_PARSING } from '../src/parse-pool.js';

/*
 * Scans made from generated reports (fixtures/parse/scan/README.md): a report rendered to PDF,
 * rasterised at 150 dpi and wrapped again as an image-only PDF. OCR reads a page in seconds,
 * not milliseconds: these tests get minutes, for the work, not for a slow machine.
 */
const SCANS = new URL('../../../fixtures/parse/scan/', import.meta.url);
const OCR_TIME = 300_000;

interface Expected {
  readonly meta: { readonly agency: string; readonly year: number };
  readonly cells: Record<string, number | null>;
}

async function scan(name: string): Promise<{ bytes: Uint8Array; expected: Expected }> {
  const bytes = new Uint8Array(await readFile(new URL(`${name}.pdf`, SCANS)));
  const expected = JSON.parse(await readFile(new URL(`${name}.json`, SCANS), 'utf8')) as Expected;
  return { bytes, expected };
}

/** The cells read differently from the report the scan was made from. */
function wrongCells(parsed: ParsedReport, expected: Expected): string[] {
  const cells = parsed.report.cells as Record<string, number | null | undefined>;
  return Object.entries(expected.cells)
    .filter(([id, value]) => cells[id] !== value)
    .map(([id, value]) => `${id}: ${String(value)} ≠ ${String(cells[id])}`);
}

describe('scanned reports read by OCR', () => {
  it.each(['scan-2019', 'scan-2021'])(
    'reads every cell of %s, each with its OCR confidence',
    async (name) => {
      const { bytes, expected } = await scan(name);
      const parsed = await parseReport(bytes, { file: `${name}.pdf`, ocr: ocrPdf });
      expect(Object.keys(expected.cells).length).toBeGreaterThan(190);
      expect(wrongCells(parsed, expected)).toEqual([]);
      expect(parsed.report.meta.agency).toBe(expected.meta.agency);
      expect(parsed.report.meta.year).toBe(expected.meta.year);
      const notice = parsed.findings.find((f) => f.rule === 'pdf-ocr');
      expect(notice?.message).toContain(`${name}.pdf 是扫描件`);
      expect(parsed.findings.some((f) => f.rule === 'pdf-no-text-layer')).toBe(false);
      const sources = Object.values(parsed.report.provenance ?? {}).filter((s) => s !== undefined);
      expect(sources.length).toBeGreaterThan(190);
      for (const source of sources.filter((s) => s.text !== '')) {
        expect(source.confidence).toBeGreaterThan(0.3);
        expect(source.confidence).toBeLessThanOrEqual(1);
      }
    },
    OCR_TIME,
  );

  it(
    'reads every cell of a speckled scan (specks cleaned away, marks they make beside figures dropped)',
    async () => {
      const { bytes, expected } = await scan('scan-2021-noise');
      const parsed = await parseReport(bytes, { file: 'scan-2021-noise.pdf', ocr: ocrPdf });
      const wrong = wrongCells(parsed, expected);
      expect(wrong).toEqual([]);
    },
    OCR_TIME,
  );

  it('a scan where OCR cannot run reads as no text and an error finding in Chinese, not a crash', async () => {
    const { bytes } = await scan('scan-2019');
    const parsed = await parseReport(bytes, {
      file: '扫描件.pdf',
      ocr: () => Promise.reject(new OcrUnavailableError('文字识别模型无法载入：找不到模型文件')),
    });
    expect(Object.keys(parsed.report.cells)).toEqual([]);
    const finding = parsed.findings.find((f) => f.rule === 'pdf-ocr-unavailable');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toBe(
      '扫描件.pdf 是扫描件（没有文字层），本机无法运行文字识别（OCR）（文字识别模型无法载入：找不到模型文件），其中的数字未能读取；请提供能复制出文字的 PDF 或原始 Word 文件',
    );
  });

  describe('on the upload pool', () => {
    const pool = new ParsePool({ ...UPLOAD_PARSING, threads: 1 });
    afterAll(() => pool.close());

    // Each OCR read takes seconds a page: the skewed scan is read here, on the pool, rather than twice.
    it(
      'reads a scan on a worker thread, past the time limit of a PDF with text: every cell of a skewed scan (pages tilted by ±0.8° turned upright)',
      async () => {
        const { bytes, expected } = await scan('scan-2019-skew');
        const parsed = await pool.parse(bytes, '扫描件.pdf');
        expect(Object.keys(expected.cells).length).toBeGreaterThan(190);
        expect(wrongCells(parsed, expected)).toEqual([]);
      },
      OCR_TIME,
    );
  });
});
