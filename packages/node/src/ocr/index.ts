import { ParseError, type OcrPage, type OcrReader } from '@xxgk/core';
import { deskew } from './deskew.js';
import { OcrEngine } from './engine.js';
import { flattenPaper } from './paper.js';
import { renderPages, TooManyPagesError } from './raster.js';
import { pageRules } from './rules.js';

/*
 * Scans read offline: a PDF without a text layer is rendered page by page (PDFium, WebAssembly)
 * and read by PaddleOCR's Chinese models (onnxruntime-node), and core turns the boxes into the
 * reader's document (`documentFromOcr`). OCR takes seconds a page where the text layer takes
 * milliseconds, so a scan has limits of its own: pages, and time per page.
 */
export interface OcrLimits {
  /** The most pages of a scan that are read by OCR; a longer scan is refused. */
  readonly maxPages: number;
  /** The time one page may take, in ms; a scan may take this times its pages. */
  readonly pageMs: number;
}

/*
 * A page takes 5–15 s on one core shared with other work (detection of the whole page, then
 * each box); reports run to 3–10 pages. The pools add maxPages × pageMs to a PDF's wall-clock
 * limit (see parse-pool.ts): 20 minutes at most, for a 20-page scan on a machine under load.
 */
export const OCR_LIMITS: OcrLimits = { maxPages: 20, pageMs: 60_000 };

/** Points from pixels at the rendering's resolution. */
const scale = (pixels: number, pixelsPerPoint: number): number => Math.round((pixels / pixelsPerPoint) * 10) / 10;

let engine: Promise<OcrEngine> | undefined;

/** The engine of this thread, loaded once (a failure to load is kept: it would fail again). */
function loadEngine(): Promise<OcrEngine> {
  engine ??= OcrEngine.load();
  return engine;
}

/** A core `OcrReader` within `limits`: each page of the PDF rendered and its text recognised. */
export function ocrReader(limits: OcrLimits = OCR_LIMITS): OcrReader {
  return async (bytes, { file, pages: only, dpi }) => {
    const ocr = await loadEngine();
    const pages: OcrPage[] = [];
    const started = performance.now();
    try {
      await renderPages(
        bytes,
        limits.maxPages,
        async ({ bitmap: scanned, width, height }, index) => {
          // White paper first (a photocopy's grey), then upright: the rules and the rows of a table are
          // read along rows of pixels.
          const bitmap = await deskew(flattenPaper(scanned));
          const perPoint = bitmap.width / width;
          const boxes = (await ocr.recognise(bitmap)).map(({ text, confidence, x0, y0, x1, y1 }) => ({
            text,
            confidence,
            x0: scale(x0, perPoint),
            y0: scale(y0, perPoint),
            x1: scale(x1, perPoint),
            y1: scale(y1, perPoint),
          }));
          pages.push({ width, height, boxes, rules: pageRules(bitmap, perPoint) });
          if (performance.now() - started > (index + 1) * limits.pageMs) {
            const seconds = limits.pageMs / 1000;
            throw new ParseError('timeout', `文字识别（OCR）超过每页 ${seconds} 秒的上限，已停止读取`, file);
          }
        },
        { ...(file ? { file } : {}), ...(only ? { only } : {}), ...(dpi ? { dpi } : {}) },
      );
    } catch (error) {
      if (error instanceof TooManyPagesError) {
        throw new ParseError(
          'too-many-pages',
          `扫描件有 ${error.pages} 页，超过文字识别（OCR）${limits.maxPages} 页的上限`,
          file,
        );
      }
      throw error;
    }
    return pages;
  };
}

/** Reads a scan's text by OCR within the default limits (`OCR_LIMITS`). */
export const ocrPdf: OcrReader = ocrReader();

export { OcrUnavailableError } from './engine.js';
