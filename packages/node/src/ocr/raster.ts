import { ParseError } from '@xxgk/core';
import { loadPdfium } from '../pdfium.js';
import type { Bitmap } from './detect.js';
import { pageGrey } from './paper.js';

/*
 * A scan's pages as grey bitmaps, rendered by the thread's PDFium (WebAssembly, the one that reads
 * text PDFs: ../pdfium.ts): no canvas, no native code, whatever the page holds (a JPEG, a CCITT
 * fax image, a JBIG2 strip). Rendered in colour and made grey here: a colour scan's red seal is
 * told by its colour and dropped (paper.ts). 150 dpi is what the recogniser reads best at for body text (about
 * 30 pixels a line).
 */
export const SCAN_DPI = 150;

/** One rendered page and its size in points. */
export interface RenderedPage {
  readonly bitmap: Bitmap;
  readonly width: number;
  readonly height: number;
}

/** The PDF has more pages than the limit allows OCR to read. */
export class TooManyPagesError extends Error {
  constructor(readonly pages: number) {
    super(`${pages}`);
  }
}

/** PDFium's exports that render, called raw as ../pdfium.ts calls the ones that read text. */
interface RenderExports {
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_CloseDocument(doc: number): void;
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFBitmap_CreateEx(width: number, height: number, format: number, buffer: number, stride: number): number;
  FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): number;
  FPDFBitmap_Destroy(bitmap: number): void;
  FPDF_RenderPageBitmap(
    bitmap: number,
    page: number,
    x: number,
    y: number,
    width: number,
    height: number,
    rotate: number,
    flags: number,
  ): void;
  malloc(size: number): number;
  free(pointer: number): void;
}

/** FPDFBitmap_BGRx: four bytes a pixel, blue, green, red, unused. */
const BGRX = 4;
/** FPDF_ANNOT | FPDF_LCD_TEXT: annotations drawn (a stamp may be one), in colour. */
const FLAGS = 0x01 | 0x02;
const WHITE = 0xffffffff;

/** One page rendered at `dpi` into memory of the module's, made grey as it is copied out. */
function renderPage(api: RenderExports, heap: () => Uint8Array, page: number, dpi: number): RenderedPage {
  const width = api.FPDF_GetPageWidthF(page);
  const height = api.FPDF_GetPageHeightF(page);
  // Whole points, then pixels, as the page's size was always taken (the boxes' scale depends on it).
  const [w, h] = [Math.floor(Math.floor(width) * (dpi / 72)), Math.floor(Math.floor(height) * (dpi / 72))];
  const buffer = api.malloc(w * h * 4);
  if (!buffer) throw new Error(`无法为 ${w}×${h} 的页面图像分配内存`);
  const bitmap = api.FPDFBitmap_CreateEx(w, h, BGRX, buffer, w * 4);
  try {
    api.FPDFBitmap_FillRect(bitmap, 0, 0, w, h, WHITE);
    api.FPDF_RenderPageBitmap(bitmap, page, 0, 0, w, h, 0, FLAGS);
    const bgrx = heap().subarray(buffer, buffer + w * h * 4);
    return { bitmap: pageGrey(bgrx, w, h, dpi / 25.4), width, height };
  } finally {
    api.FPDFBitmap_Destroy(bitmap);
    api.free(buffer);
  }
}

/** Which pages to render, and how. */
export interface RenderOptions {
  /** For messages. */
  readonly file?: string;
  /** Only these pages (from 1), in this order; every page when not given. */
  readonly only?: readonly number[];
  /** Dots per inch; SCAN_DPI when not given. */
  readonly dpi?: number;
}

/**
 * Opens a PDF with PDFium; calls `each` with every page rendered (or those of `only`), in order,
 * with its place among them, and closes it.
 */
export async function renderPages(
  bytes: Uint8Array,
  maxPages: number,
  each: (page: RenderedPage, index: number, count: number) => Promise<void>,
  { file, only, dpi = SCAN_DPI }: RenderOptions = {},
): Promise<void> {
  const module = await loadPdfium();
  const api = module.pdfium.wasmExports as unknown as RenderExports;
  // Read afresh each time: the view is replaced when the module's memory grows.
  const heap = (): Uint8Array => module.pdfium.HEAPU8;
  const data = api.malloc(bytes.length);
  heap().set(bytes, data);
  const document = api.FPDF_LoadMemDocument(data, bytes.length, 0);
  try {
    if (!document) throw new ParseError('corrupt', 'PDF 文件已损坏或不完整，无法渲染页面进行文字识别（OCR）', file);
    const all = api.FPDF_GetPageCount(document);
    const numbers = only ? only.filter((number) => number >= 1 && number <= all) : [];
    const count = only ? numbers.length : all;
    if (count > maxPages) throw new TooManyPagesError(count);
    for (let place = 0; place < count; place += 1) {
      const index = only ? (numbers[place] as number) - 1 : place;
      const page = api.FPDF_LoadPage(document, index);
      if (!page) throw new ParseError('corrupt', `PDF 第 ${index + 1} 页已损坏，无法渲染进行文字识别（OCR）`, file);
      let rendered: RenderedPage;
      try {
        rendered = renderPage(api, heap, page, dpi);
      } catch (error) {
        // A trap inside the WebAssembly (an image PDFium did not expect) leaves the module in doubt:
        // the thread's next read gets a fresh one, as core does when reading text.
        loadPdfium(module).catch(() => {});
        const said = error instanceof Error ? error.message : String(error);
        throw new ParseError('corrupt', `PDF 第 ${index + 1} 页无法渲染进行文字识别（OCR）（PDFium：${said}）`, file);
      } finally {
        api.FPDF_ClosePage(page);
      }
      await each(rendered, place, count);
    }
  } finally {
    if (document) api.FPDF_CloseDocument(document);
    api.free(data);
  }
}
