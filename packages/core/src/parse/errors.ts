/** Why an input could not be read at all. Stable codes; the message is Chinese for end users. */
export type ParseErrorCode =
  'empty' | 'too-large' | 'unsupported' | 'corrupt' | 'zip-bomb' | 'encrypted' | 'timeout' | 'too-many-pages';

/**
 * The one error type of the readers. It never carries a half-read report: a file either
 * reads (perhaps with findings) or fails with this, and a batch goes on with the next file.
 * The message names the file; `reason` is the same without it, so that a caller naming the file
 * otherwise (an archive's entry rather than the archive) need not cut it off the message.
 */
export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly reason: string,
    readonly file?: string,
  ) {
    super(file ? `${file}：${reason}` : reason);
    this.name = 'ParseError';
  }
}

/** Bounds on what one input may cost; every extractor honours those that apply to it. */
export interface ParseLimits {
  /** Largest input in bytes (default 50 MiB). */
  readonly maxBytes: number;
  /**
   * Largest total size, once inflated, of the parts a reader decompresses (a DOCX's XML parts, a
   * PDF's Flate streams other than images); default 128 MiB, against ZIP and Flate bombs. Real
   * reports need a few MB.
   */
  readonly maxInflatedBytes: number;
  /**
   * Largest single part once inflated (a ZIP entry such as word/document.xml, or one PDF stream);
   * default 32 MiB. A real report's document.xml or page content is well under 5 MB, its
   * largest embedded font under 20 MB.
   */
  readonly maxPartBytes: number;
  /** Most pages read from a PDF (default 500). */
  readonly maxPages: number;
  /** Wall-clock budget for one file in milliseconds (default 60 s). */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxPartBytes: 32 * 1024 * 1024,
  maxPages: 500,
  timeoutMs: 60_000,
};
