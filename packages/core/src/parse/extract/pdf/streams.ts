import { Unzlib } from 'fflate';
import { ParseError, type ParseLimits } from '../../errors.js';

/*
 * pdf.js inflates a FlateDecode stream whole, into one growing buffer outside the JavaScript
 * heap, and has no option to bound it: a 0.6 MB PDF whose page content inflates to 256 MB
 * took the server's memory. So before pdf.js sees a PDF, every FlateDecode stream in it is
 * inflated here, in pieces that are counted and dropped, and the file is refused as soon as one
 * stream passes `maxPartBytes` or the streams together pass `maxInflatedBytes`.
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

/** Sentinel thrown out of fflate's callback to stop inflating. */
class Overflow extends Error {}

const megabytes = (n: number): number => Math.round(n / 1024 / 1024);

/** The inflated size of a zlib stream, counted up to `limit` (then `limit + 1`); damaged data counts what came out. */
function inflatedSize(data: Uint8Array, limit: number): number {
  let length = 0;
  const inflater = new Unzlib((chunk) => {
    length += chunk.length;
    if (length > limit) throw new Overflow();
  });
  try {
    for (let p = 0; p < data.length; p += CHUNK) inflater.push(data.subarray(p, p + CHUNK), p + CHUNK >= data.length);
  } catch (error) {
    if (error instanceof Overflow) return limit + 1;
    // Damaged or not zlib at all: pdf.js will say so, or read what it can, which is no more.
  }
  return length;
}

/** The stream's dictionary: from the `obj` keyword (or the window's start) to `stream`. */
function dictionaryBefore(text: string, at: number): string {
  const from = Math.max(0, at - DICTIONARY_WINDOW);
  const window = text.slice(from, at);
  const obj = window.lastIndexOf(' obj');
  return obj >= 0 ? window.slice(obj) : window;
}

/** Whether pdf.js would inflate this stream first: its only or first filter is FlateDecode. */
function isFlate(dictionary: string): boolean {
  const filter = /\/Filter\s*(\[\s*)?\/(\w+)/.exec(dictionary);
  return filter?.[2] === 'FlateDecode' || filter?.[2] === 'Fl';
}

/**
 * Throws ParseError('zip-bomb') when a FlateDecode stream of the PDF inflates past
 * `limits.maxPartBytes`, or all of them (images apart) past `limits.maxInflatedBytes`.
 */
export function checkPdfStreams(bytes: Uint8Array, limits: ParseLimits, file: string | undefined): void {
  // Latin-1 keeps one character per byte, so indexes in the text are offsets in the bytes.
  const text = new TextDecoder('latin1').decode(bytes);
  let total = 0;
  // Many streams just under the limit of one would take minutes: the file's time limit holds here too.
  const deadline = Date.now() + limits.timeoutMs;
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    if (text.startsWith('end', at - 3)) continue;
    if (Date.now() > deadline) {
      throw new ParseError('timeout', `检查 PDF 的数据流超过 ${limits.timeoutMs / 1000} 秒，文件过大或结构异常`, file);
    }
    let start = at + 6;
    if (text[start] === '\r') start += 1;
    if (text[start] === '\n') start += 1;
    else if (text[start - 1] !== '\r') continue; // a word that merely ends in "stream"
    const dictionary = dictionaryBefore(text, at);
    if (!isFlate(dictionary)) continue;
    const end = text.indexOf('endstream', start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    const size = inflatedSize(data, limits.maxPartBytes);
    if (size > limits.maxPartBytes) {
      throw new ParseError(
        'zip-bomb',
        `PDF 中有数据流解压后超过 ${megabytes(limits.maxPartBytes)} MB 的上限，文件过大或结构异常（可能是恶意构造的文件），已拒绝读取`,
        file,
      );
    }
    if (!/\/Subtype\s*\/Image\b/.test(dictionary)) total += size;
    if (total > limits.maxInflatedBytes) {
      throw new ParseError(
        'zip-bomb',
        `PDF 中的数据流解压后共超过 ${megabytes(limits.maxInflatedBytes)} MB 的上限，文件过大或结构异常（可能是恶意构造的文件），已拒绝读取`,
        file,
      );
    }
    if (end >= 0) at = end + 3; // on past `endstream`
  }
}
