import { inflateSync } from 'node:zlib';

/*
 * Measures what a zlib stream inflates to, for the core's check of a PDF's FlateDecode streams
 * before PDFium or pdf.js inflates them (packages/core/src/parse/extract/pdf/streams.ts). The
 * core's own way, the web platform's DecompressionStream, spends most of its time in stream and
 * promise plumbing: about five times the CPU of Node's zlib called synchronously on the embedded
 * fonts of a report, and a sixth of reading one with PDFium.
 */

/**
 * Output pieces: an embedded font inflates to a few hundred KB, which Node's 16 KB pieces cut
 * into dozens, each copied again at the end (a quarter of the time on a real report's fonts).
 */
const CHUNK = 256 * 1024;

/**
 * The inflated size of `data`, counted up to `limit` (then `limit + 1`), or undefined when the
 * data is damaged or cut short: the core then measures it itself, counting what came out. At most
 * `limit + 1` bytes are held at once, as a DOCX part is held whole up to the same limit.
 */
export function inflatedSize(data: Uint8Array, limit: number): number | undefined {
  try {
    return inflateSync(data, { maxOutputLength: limit + 1, chunkSize: CHUNK }).length;
  } catch (error) {
    // Past `maxOutputLength` (and only then) Node throws a RangeError; zlib's own errors are not.
    return error instanceof RangeError ? limit + 1 : undefined;
  }
}
