/** What a runtime's OCR hands the reader for a scan (a PDF without a text layer). */

/** One box of text the recogniser found, in points from the page's top-left corner. */
export interface OcrBox {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** The recogniser's confidence in the text, 0–1 (the least of its characters'). */
  readonly confidence: number;
}

/** A ruling line seen on the page: horizontal (`at` = y, from/to in x) or vertical (`at` = x), in points. */
export interface OcrRule {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** One page as the recogniser saw it: its size in points, the boxes of text and the ruling lines on it. */
export interface OcrPage {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly OcrBox[];
  readonly rules?: { readonly horizontal: readonly OcrRule[]; readonly vertical: readonly OcrRule[] };
}

/**
 * Recognises the text on each page of a PDF that has no text layer. Throws ParseError (a time
 * limit, too many pages) to stop the read, or any other error when OCR cannot run here (the
 * model does not load): the read then goes on without text and says why.
 */
export type OcrReader = (
  bytes: Uint8Array,
  options: {
    readonly file?: string;
    /** Only these pages (from 1), in this order; every page when not given. */
    readonly pages?: readonly number[];
    /**
     * The resolution to render the pages at, in dots per inch, where the caller knows better than
     * the recogniser's own (a scan's 150): small print in a picture scaled down to a page.
     */
    readonly dpi?: number;
  },
) => Promise<readonly OcrPage[]>;
