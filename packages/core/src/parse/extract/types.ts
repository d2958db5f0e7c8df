import type { ExtractedDocument } from '../document.js';
import type { ParseLimits } from '../errors.js';

export interface ExtractOptions {
  /** The file's name, for messages only: the readers never touch the file system. */
  readonly file?: string;
  readonly limits: ParseLimits;
  /**
   * Supplies a CID font's character map by name (pdf.js's bcmaps, e.g. "UniGB-UCS2-H"); the
   * caller reads them from wherever pdf.js is installed. Without it, such PDFs may read badly.
   */
  readonly readCMap?: (name: string) => Promise<Uint8Array>;
}

/** Turns the bytes of one kind of file into the intermediate document. */
export type Extractor = (bytes: Uint8Array, options: ExtractOptions) => Promise<ExtractedDocument>;
