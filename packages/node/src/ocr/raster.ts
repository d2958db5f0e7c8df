import { PDFiumLibrary } from '@hyzyla/pdfium';
import type { Bitmap } from './detect.js';

/*
 * A scan's pages as grey bitmaps, rendered by PDFium compiled to WebAssembly (@hyzyla/pdfium):
 * no canvas, no native code, whatever the page holds (a JPEG, a CCITT fax image, a JBIG2 strip).
 * 150 dpi is what the recogniser reads best at for body text (about 30 pixels a line).
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

let library: Promise<PDFiumLibrary> | undefined;

/** Opens a PDF with PDFium; calls `each` with every page rendered, in order, and closes it. */
export async function renderPages(
  bytes: Uint8Array,
  maxPages: number,
  each: (page: RenderedPage, index: number, count: number) => Promise<void>,
): Promise<void> {
  library ??= PDFiumLibrary.init();
  const document = await (await library).loadDocument(new Uint8Array(bytes));
  try {
    const count = document.getPageCount();
    if (count > maxPages) throw new TooManyPagesError(count);
    for (let index = 0; index < count; index += 1) {
      const page = document.getPage(index);
      const { originalWidth, originalHeight } = page.getOriginalSize();
      const render = await page.render({ scale: SCAN_DPI / 72, render: 'bitmap', colorSpace: 'Gray' });
      const bitmap = { data: render.data, width: render.width, height: render.height };
      await each({ bitmap, width: originalWidth, height: originalHeight }, index, count);
    }
  } finally {
    document.destroy();
  }
}
