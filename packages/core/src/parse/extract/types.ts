import type { ExtractedDocument } from '../document.js';
import type { ParseLimits } from '../errors.js';
import type { Pdfium } from './pdf/pdfium-api.js';

export interface ExtractOptions {
  /** The file's name, for messages only: the readers never touch the file system. */
  readonly file?: string;
  readonly limits: ParseLimits;
  /**
   * Supplies a CID font's character map by name (pdf.js's bcmaps, e.g. "UniGB-UCS2-H"); the
   * caller reads them from wherever pdf.js is installed. Without it, such PDFs may read badly.
   */
  readonly readCMap?: (name: string) => Promise<Uint8Array>;
  /**
   * Hands over PDFium (WebAssembly), initialised: PDFs are then read with it, about seven times
   * faster than with pdf.js (docs/pdf-engines.md). Loading it reads a file, so the caller does
   * (`@xxgk/node`'s `loadPdfium`); without it, pdf.js reads PDFs. It is called again with the
   * module when that failed inside (a trap), so that the next read gets a fresh one.
   */
  readonly pdfium?: (failed?: Pdfium) => Promise<Pdfium>;
  /**
   * Measures what a zlib stream inflates to, synchronously: up to `limit`, then `limit + 1`;
   * undefined where the data is damaged. A PDF's FlateDecode streams are measured before they are
   * read (extract/pdf/streams.ts); without it, with the web platform's DecompressionStream, at
   * several times the CPU. `@xxgk/node`'s `inflatedSize` uses Node's zlib.
   */
  readonly inflate?: (data: Uint8Array, limit: number) => number | undefined;
}

/** Turns the bytes of one kind of file into the intermediate document. */
export type Extractor = (bytes: Uint8Array, options: ExtractOptions) => Promise<ExtractedDocument>;
