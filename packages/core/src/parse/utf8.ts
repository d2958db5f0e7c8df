/*
 * Strict UTF-8 for the reader's hot path. The runtime's fatal TextDecoder spends about twice as
 * long on a report's text as checking the bytes here, writing UTF-16 code units and letting a
 * UTF-16 decoder make the string (a copy). It accepts exactly what the WHATWG decoder accepts in
 * fatal mode: the well-formed sequences of the Unicode standard (table 3-7), no surrogates, no
 * overlong forms, nothing truncated; on anything else it gives up and the caller asks TextDecoder.
 */

/** Larger texts are left to TextDecoder: the buffer of code units is kept between calls. */
const MAX_BYTES = 1 << 20;
let units = new Uint16Array(1 << 15);
const UTF16 = new TextDecoder('utf-16le');
/** The code units are read back as little-endian bytes: on a big-endian machine TextDecoder does it all. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Whether a byte continues a sequence (10xxxxxx). */
const continues = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;

/** The code units of well-formed UTF-8 in `units`, and how many; -1 when it is not well formed. */
function toUnits(bytes: Uint8Array): number {
  if (units.length < bytes.length) units = new Uint16Array(bytes.length);
  const out = units;
  let n = 0;
  for (let i = 0; i < bytes.length;) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      out[n++] = b0;
      i += 1;
      continue;
    }
    const b1 = bytes[i + 1];
    if (b0 >= 0xc2 && b0 <= 0xdf) {
      if (!continues(b1)) return -1;
      out[n++] = ((b0 & 0x1f) << 6) | ((b1 as number) & 0x3f);
      i += 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      const b2 = bytes[i + 2];
      if (!continues(b1) || !continues(b2)) return -1;
      // E0 needs A0–BF after it (no overlong form), ED 80–9F (no surrogate).
      if ((b0 === 0xe0 && (b1 as number) < 0xa0) || (b0 === 0xed && (b1 as number) > 0x9f)) return -1;
      out[n++] = ((b0 & 0x0f) << 12) | (((b1 as number) & 0x3f) << 6) | ((b2 as number) & 0x3f);
      i += 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      const b2 = bytes[i + 2];
      const b3 = bytes[i + 3];
      if (!continues(b1) || !continues(b2) || !continues(b3)) return -1;
      // F0 needs 90–BF after it (no overlong form), F4 80–8F (nothing above U+10FFFF).
      if ((b0 === 0xf0 && (b1 as number) < 0x90) || (b0 === 0xf4 && (b1 as number) > 0x8f)) return -1;
      const point =
        ((b0 & 0x07) << 18) |
        (((b1 as number) & 0x3f) << 12) |
        (((b2 as number) & 0x3f) << 6) |
        ((b3 as number) & 0x3f);
      out[n++] = 0xd800 + ((point - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((point - 0x10000) & 0x3ff);
      i += 4;
    } else {
      return -1;
    }
  }
  return n;
}

/**
 * The text of bytes that are well-formed UTF-8 without a byte order mark, as TextDecoder in
 * fatal mode reads them; undefined when they are not (or are too many to take this way).
 */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  if (bytes.length > MAX_BYTES || !LITTLE_ENDIAN) return undefined;
  const count = toUnits(bytes);
  // A leading U+FEFF would be taken for the UTF-16 decoder's byte order mark.
  if (count < 0 || (count > 0 && units[0] === 0xfeff)) return undefined;
  return UTF16.decode(new Uint8Array(units.buffer, 0, count * 2));
}
