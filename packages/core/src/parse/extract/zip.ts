import { Inflate, inflateSync } from 'fflate';
import { ParseError } from '../errors.js';

/**
 * A small ZIP reader for OOXML packages, on top of fflate's streaming inflate. It reads the
 * central directory itself so that it can refuse a ZIP bomb *before* inflating (declared sizes
 * over the budget) and stop *while* inflating (an entry that inflates past the budget or past
 * its declared size), and it checks every entry's CRC-32, since fflate's `unzipSync` does
 * neither: a damaged file must fail, not yield wrong figures.
 */

export interface ZipEntry {
  /** The name as stored (OOXML part names are compared case-insensitively, see `findEntry`). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: bounds what one push can expand to. */
const CHUNK = 16 * 1024;
/** DEFLATE cannot expand data more than ~1032 times (258-byte matches in ~2-bit codes). */
const MAX_RATIO = 1032;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
/** A 64-bit little-endian size; values past 2^53 are unusable anyway and read as Infinity. */
const u64 = (b: Uint8Array, o: number): number => {
  const high = u32(b, o + 4);
  return high >= 0x200000 ? Infinity : high * 0x100000000 + u32(b, o);
};

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

let crcTables: Uint32Array[] | undefined;
/** CRC-32 (ZIP's), slicing by 4 bytes: a DOCX body is checked in a fraction of a millisecond. */
function crc32(data: Uint8Array): number {
  if (!crcTables) {
    const t0 = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t0[n] = c >>> 0;
    }
    crcTables = [t0, new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
    for (let t = 1; t < 4; t += 1) {
      const previous = crcTables[t - 1] as Uint32Array;
      const table = crcTables[t] as Uint32Array;
      for (let n = 0; n < 256; n += 1) {
        const c = previous[n] as number;
        table[n] = ((t0[c & 0xff] as number) ^ (c >>> 8)) >>> 0;
      }
    }
  }
  const [t0, t1, t2, t3] = crcTables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  let crc = 0xffffffff;
  let i = 0;
  for (const end = data.length - 3; i < end; i += 4) {
    crc ^=
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    crc =
      (t3[crc & 0xff] as number) ^
      (t2[(crc >>> 8) & 0xff] as number) ^
      (t1[(crc >>> 16) & 0xff] as number) ^
      (t0[crc >>> 24] as number);
  }
  for (; i < data.length; i += 1) crc = (t0[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Reads the central directory. Throws ParseError('corrupt') when there is none or it is cut short. */
export function openZip(bytes: Uint8Array, file: string | undefined, what = 'ZIP 压缩包'): ZipArchive {
  const corrupt = (detail: string): ParseError =>
    new ParseError('corrupt', `${what}已损坏或不完整（${detail}），无法读取`, file);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22, stop = Math.max(0, bytes.length - 22 - 0xffff); i >= stop; i -= 1) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('找不到压缩包目录，文件可能被截断');
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(bytes, eocd - 12);
    if (z + 56 <= bytes.length && u32(bytes, z) === ZIP64_EOCD) {
      count = u64(bytes, z + 32);
      offset = u64(bytes, z + 48);
    }
  }
  // Each central record takes at least 46 bytes, which bounds a forged count.
  if (!Number.isFinite(offset) || count > (bytes.length - offset) / 46) throw corrupt('压缩包目录超出文件范围');
  const entries: ZipEntry[] = [];
  let o = offset;
  for (let n = 0; n < count; n += 1) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL) throw corrupt('压缩包目录残缺');
    const flags = u16(bytes, o + 8);
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    let compressedSize = u32(bytes, o + 20);
    let size = u32(bytes, o + 24);
    let localOffset = u32(bytes, o + 42);
    if (o + 46 + nameLength + extraLength > bytes.length) throw corrupt('压缩包目录残缺');
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // ZIP64: the real sizes and offset are in extra field 0x0001, in this order, when saturated.
    for (let e = o + 46 + nameLength, end = e + extraLength; e + 4 <= end;) {
      const id = u16(bytes, e);
      const length = u16(bytes, e + 2);
      if (id === 1) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, p);
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method: u16(bytes, o + 10),
      flags,
      crc: u32(bytes, o + 16),
      compressedSize,
      size,
      localOffset,
    });
    o += 46 + nameLength + extraLength + commentLength;
  }
  return { bytes, entries };
}

/** An entry by part name, ignoring case and a leading slash, as OPC compares part names. */
export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  const wanted = name.replace(/^\//, '').toLowerCase();
  return zip.entries.find((entry) => entry.name.replace(/^\//, '').toLowerCase() === wanted);
}

/** Sentinel thrown out of fflate's callback to stop inflating. */
class Overflow extends Error {}

const megabytes = (n: number): number => Math.round(n / 1024 / 1024);

/**
 * Inflates in pieces, stopping as soon as the output passes `partLimit` (`'part'`) or `room`
 * (`'total'`); `'invalid'` and `'incomplete'` when the data is damaged.
 */
function inflateInPieces(
  data: Uint8Array,
  partLimit: number,
  room: number,
): Uint8Array | 'part' | 'total' | 'invalid' | 'incomplete' {
  const chunks: Uint8Array[] = [];
  let length = 0;
  let done = false;
  let overPart = false;
  const inflater = new Inflate((chunk, final) => {
    length += chunk.length;
    overPart = length > partLimit;
    if (overPart || length > room) throw new Overflow();
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let p = 0; p < data.length; p += CHUNK) {
      inflater.push(data.subarray(p, p + CHUNK), p + CHUNK >= data.length);
    }
  } catch (error) {
    if (error instanceof Overflow) return overPart ? 'part' : 'total';
    return 'invalid';
  }
  if (!done) return 'incomplete';
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let p = 0;
  for (const chunk of chunks) {
    out.set(chunk, p);
    p += chunk.length;
  }
  return out;
}

/**
 * Inflates the given entries. `budget` caps their total inflated size and `partLimit` each
 * entry's: declared sizes over either fail at once, and inflation stops as soon as the real
 * output passes one (a forged declared size), in both cases with ParseError('zip-bomb').
 */
export function readEntries(
  zip: ZipArchive,
  wanted: readonly ZipEntry[],
  budget: number,
  file: string | undefined,
  what = 'ZIP 压缩包',
  partLimit = budget,
): Uint8Array[] {
  const { bytes } = zip;
  const declared = wanted.reduce((sum, entry) => sum + entry.size, 0);
  const bomb = (): ParseError =>
    new ParseError(
      'zip-bomb',
      `${what}解压后超过 ${megabytes(budget)} MB 的上限，可能是恶意的压缩炸弹，已拒绝读取`,
      file,
    );
  const partBomb = (entry: ZipEntry): ParseError =>
    new ParseError(
      'zip-bomb',
      `${what}中的 ${entry.name} 解压后超过 ${megabytes(partLimit)} MB 的上限，文件过大或结构异常（可能是恶意的压缩炸弹），已拒绝读取`,
      file,
    );
  const oversized = wanted.find((entry) => entry.size > partLimit);
  if (oversized) throw partBomb(oversized);
  if (declared > budget) throw bomb();
  const corrupt = (entry: ZipEntry, detail: string): ParseError =>
    new ParseError('corrupt', `${what}中的 ${entry.name} 已损坏（${detail}），无法读取`, file);
  let total = 0;
  return wanted.map((entry) => {
    if (entry.flags & 1) throw new ParseError('encrypted', `${what}中的 ${entry.name} 已加密，无法读取`, file);
    const o = entry.localOffset;
    if (!Number.isFinite(o) || o + 30 > bytes.length || u32(bytes, o) !== LOCAL) throw corrupt(entry, '找不到数据');
    const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(entry, '数据被截断');
    const data = bytes.subarray(start, end);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
      if (out.length > partLimit) throw partBomb(entry);
      total += out.length;
      if (total > budget) throw bomb();
    } else if (entry.method === 8 && data.length * MAX_RATIO <= Math.min(budget - total, partLimit)) {
      // Even a forged declared size cannot make this entry pass the budget: inflate in one go
      // into a buffer one byte larger than declared, so that overlong output shows.
      try {
        out = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
      } catch {
        throw corrupt(entry, '压缩数据无效');
      }
      total += out.length;
    } else if (entry.method === 8) {
      const inflated = inflateInPieces(data, partLimit, budget - total);
      if (inflated === 'part') throw partBomb(entry);
      if (inflated === 'total') throw bomb();
      if (inflated === 'invalid') throw corrupt(entry, '压缩数据无效');
      if (inflated === 'incomplete') throw corrupt(entry, '压缩数据不完整');
      out = inflated;
      total += out.length;
    } else {
      throw new ParseError('unsupported', `${what}中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}）`, file);
    }
    if (out.length !== entry.size) throw corrupt(entry, '解压后的大小与记录不符');
    if (crc32(out) !== entry.crc) throw corrupt(entry, '校验和不符');
    return out;
  });
}
