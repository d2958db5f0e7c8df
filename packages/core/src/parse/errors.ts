/** Why an input could not be read at all. Stable codes; the message is Chinese for end users. */
export type ParseErrorCode =
  'empty' | 'too-large' | 'unsupported' | 'corrupt' | 'zip-bomb' | 'encrypted' | 'timeout' | 'too-many-pages';

/**
 * The one error type of the readers. It never carries a half-read report: a file either
 * reads (perhaps with findings) or fails with this, and a batch goes on with the next file.
 */
export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(file ? `${file}：${message}` : message);
    this.name = 'ParseError';
  }
}

/** Bounds on what one input may cost; every extractor honours those that apply to it. */
export interface ParseLimits {
  /** Largest input in bytes (default 50 MiB). */
  readonly maxBytes: number;
  /** Largest total size of a ZIP's entries once inflated (default 200 MiB), against ZIP bombs. */
  readonly maxInflatedBytes: number;
  /** Most pages read from a PDF (default 500). */
  readonly maxPages: number;
  /** Wall-clock budget for one file in milliseconds (default 60 s). */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxInflatedBytes: 200 * 1024 * 1024,
  maxPages: 500,
  timeoutMs: 60_000,
};
