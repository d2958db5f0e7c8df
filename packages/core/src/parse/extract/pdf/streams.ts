import { ParseError, type ParseLimits } from '../../errors.js';
import type { ExtractOptions } from '../types.js';

/*
 * pdf.js inflates a FlateDecode stream whole, into one growing buffer outside the JavaScript
 * heap, and has no option to bound it: a 0.6 MB PDF whose page content inflates to 256 MB
 * took the server's memory (PDFium does the same). So before either sees a PDF, every
 * FlateDecode stream that could pass a limit (deflate's ratio is at most 1032 to 1) is inflated
 * here, in pieces that are counted and dropped, and the file is refused as soon as one stream
 * passes `maxPartBytes` or the streams together pass `maxInflatedBytes`.
 *
 * Streams are found in the bytes themselves (`stream` … `endstream`), not through the
 * cross-reference table, so a damaged table or a stream no object points to hides nothing.
 * Images count against the limit of one stream only: pdf.js never decodes them here
 * (`maxImageSize: 1`), and a report may hold many (seals, charts). Streams whose first filter is
 * another (ASCII85Decode, LZWDecode…) are not measured; the worker's memory limit is their bound.
 */

/** Compressed bytes handed to the inflater at a time: bounds what one push can expand to. */
const CHUNK = 16 * 1024;
/** How far before `stream` its dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

const megabytes = (n: number): number => Math.round(n / 1024 / 1024);

/*
 * The web platform's DecompressionStream (Node ≥ 18, browsers): native zlib, about eight times
 * faster than inflating in JavaScript (fflate), which was a sixth of reading a real report.
 * Declared here: the core compiles against the language's library only.
 */
interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface ByteWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
declare const DecompressionStream: new (format: 'deflate') => {
  readonly readable: { getReader(): ByteReader };
  readonly writable: { getWriter(): ByteWriter };
};

/** The inflated size of a zlib stream, counted up to `limit` (then `limit + 1`); damaged data counts what came out. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const inflater = new DecompressionStream('deflate');
  const writer = inflater.writable.getWriter();
  const reader = inflater.readable.getReader();
  // Fed in pieces, so that what one piece expands to stays small before it is counted.
  void (async () => {
    for (let p = 0; p < data.length; p += CHUNK) await writer.write(data.subarray(p, p + CHUNK));
    await writer.close();
  })().catch(() => {});
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return length;
      length += value?.length ?? 0;
      if (length > limit) {
        await reader.cancel().catch(() => {});
        return limit + 1;
      }
    }
  } catch {
    // Damaged or not zlib at all: the engine will say so, or read what it can, which is no more.
    return length;
  }
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const STREAM = ascii('stream');
const ENDSTREAM = ascii('endstream');
const [CR, LF] = [0x0d, 0x0a];

/** Where `pattern` next occurs in `bytes` from `from`, or -1 (a byte scan: decoding the whole file as text took longer). */
function indexOfBytes(bytes: Uint8Array, pattern: readonly number[], from: number): number {
  for (let at = bytes.indexOf(pattern[0] as number, from); at >= 0; at = bytes.indexOf(pattern[0] as number, at + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[at + k] === pattern[k]) k += 1;
    if (k === pattern.length) return at;
  }
  return -1;
}

const OBJ = ascii(' obj');
/** One byte a character: a match in the text is a match in the bytes, at the same place. */
const LATIN1 = new TextDecoder('latin1');

/** Where `pattern` last starts in `bytes` between `from` and `to` (the pattern within), or -1. */
function lastIndexOfBytes(bytes: Uint8Array, pattern: readonly number[], from: number, to: number): number {
  for (let at = to - pattern.length; at >= from; at -= 1) {
    at = bytes.lastIndexOf(pattern[0] as number, at);
    if (at < from) return -1;
    let k = 1;
    while (k < pattern.length && bytes[at + k] === pattern[k]) k += 1;
    if (k === pattern.length) return at;
  }
  return -1;
}

/** The stream's dictionary: from the `obj` keyword (or the window's start) to `stream`. */
function dictionaryBefore(bytes: Uint8Array, at: number): string {
  const start = Math.max(0, at - DICTIONARY_WINDOW);
  // Found in the bytes, and only the dictionary decoded: decoding the whole window cost more than the rest of the scan.
  const obj = lastIndexOfBytes(bytes, OBJ, start, at);
  return LATIN1.decode(bytes.subarray(obj >= 0 ? obj : start, at));
}

/** Whether pdf.js would inflate this stream first: its only or first filter is FlateDecode. */
function isFlate(dictionary: string): boolean {
  const filter = /\/Filter\s*(\[\s*)?\/(\w+)/.exec(dictionary);
  return filter?.[2] === 'FlateDecode' || filter?.[2] === 'Fl';
}

/**
 * Deflate's most: a 258-byte match in one bit (1032 to 1), and a few bytes of zlib wrapping. A
 * stream can inflate to no more than this, so one whose bound is under the limits need not be
 * inflated to be measured: most PDFs are checked without inflating anything.
 */
const boundOf = (compressed: number): number => compressed * 1032 + 1024;

interface FlateStream {
  readonly data: Uint8Array;
  readonly image: boolean;
  /** What it may inflate to; its measured size once measured. */
  size: number;
  measured?: boolean;
}

/** The FlateDecode streams of the file, found in its bytes, with their bounds. */
function flateStreams(bytes: Uint8Array, limits: ParseLimits, file: string | undefined): FlateStream[] {
  const streams: FlateStream[] = [];
  // Many streams just under the limit of one would take minutes: the file's time limit holds here too.
  const deadline = Date.now() + limits.timeoutMs;
  for (let at = indexOfBytes(bytes, STREAM, 0); at >= 0; at = indexOfBytes(bytes, STREAM, at + 6)) {
    if (at >= 3 && indexOfBytes(bytes.subarray(at - 3, at), ENDSTREAM.slice(0, 3), 0) === 0) continue;
    if (Date.now() > deadline) throw timeout(limits, file);
    let start = at + 6;
    if (bytes[start] === CR) start += 1;
    if (bytes[start] === LF) start += 1;
    else if (bytes[start - 1] !== CR) continue; // a word that merely ends in "stream"
    const dictionary = dictionaryBefore(bytes, at);
    const end = indexOfBytes(bytes, ENDSTREAM, start);
    if (isFlate(dictionary)) {
      const data = bytes.subarray(start, end < 0 ? bytes.length : end);
      streams.push({ data, image: /\/Subtype\s*\/Image\b/.test(dictionary), size: boundOf(data.length) });
    }
    if (end >= 0) at = end + 3; // on past `endstream`
  }
  return streams;
}

const timeout = (limits: ParseLimits, file: string | undefined): ParseError =>
  new ParseError('timeout', `检查 PDF 的数据流超过 ${limits.timeoutMs / 1000} 秒，文件过大或结构异常`, file);

/**
 * Throws ParseError('zip-bomb') when a FlateDecode stream of the PDF inflates past
 * `limits.maxPartBytes`, or all of them (images apart) past `limits.maxInflatedBytes`. Only the
 * streams whose bound could pass a limit are inflated (and counted), largest first: with the
 * caller's `inflate` where given, else (or where it cannot tell) with DecompressionStream.
 */
export async function checkPdfStreams(
  bytes: Uint8Array,
  limits: ParseLimits,
  file: string | undefined,
  inflate?: ExtractOptions['inflate'],
): Promise<void> {
  const streams = flateStreams(bytes, limits, file);
  const deadline = Date.now() + limits.timeoutMs;
  const measure = async (stream: FlateStream): Promise<void> => {
    if (Date.now() > deadline) throw timeout(limits, file);
    const limit = limits.maxPartBytes;
    stream.size = inflate?.(stream.data, limit) ?? (await inflatedSize(stream.data, limit));
    stream.measured = true;
    if (stream.size > limits.maxPartBytes) {
      throw new ParseError(
        'zip-bomb',
        `PDF 中有数据流解压后超过 ${megabytes(limits.maxPartBytes)} MB 的上限，文件过大或结构异常（可能是恶意构造的文件），已拒绝读取`,
        file,
      );
    }
  };
  for (const stream of streams) if (stream.size > limits.maxPartBytes) await measure(stream);
  const counted = streams.filter((stream) => !stream.image).sort((p, q) => q.data.length - p.data.length);
  let total = counted.reduce((sum, stream) => sum + stream.size, 0);
  for (const stream of counted) {
    if (total <= limits.maxInflatedBytes) return;
    const before = stream.size;
    if (!stream.measured) await measure(stream);
    total += stream.size - before;
  }
  if (total > limits.maxInflatedBytes) {
    throw new ParseError(
      'zip-bomb',
      `PDF 中的数据流解压后共超过 ${megabytes(limits.maxInflatedBytes)} MB 的上限，文件过大或结构异常（可能是恶意构造的文件），已拒绝读取`,
      file,
    );
  }
}
