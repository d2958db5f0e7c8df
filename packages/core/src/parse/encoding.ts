import { strictUtf8 } from './utf8.js';

/** The encodings Chinese government files come in, by the WHATWG names TextDecoder knows. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/*
 * One decoder per encoding and mode, made once: making a TextDecoder costs more than decoding a
 * report, and a decoder used without `stream` keeps nothing from one call to the next.
 */
const decoders = new Map<string, TextDecoder>();

function decode(bytes: Uint8Array, encoding: TextEncoding, fatal = false): string {
  const key = fatal ? `${encoding}!` : encoding;
  let decoder = decoders.get(key);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { fatal, ignoreBOM: false });
    decoders.set(key, decoder);
  }
  return decoder.decode(bytes);
}

/** UTF-16 without a BOM shows as a zero byte in every other position of ASCII-heavy text. */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | undefined {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.02) return 'utf-16be';
  return undefined;
}

/**
 * Decodes text whose encoding is not declared: a BOM wins; then strict UTF-8; then UTF-16
 * without BOM; else GB18030, the superset of GBK and GB2312 that most non-UTF-8 Chinese
 * files use. `declared` (an HTML meta charset, say) is tried first when given.
 */
export function decodeText(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: decode(bytes, 'utf-8'), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode(bytes, 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode(bytes, 'utf-16be'), encoding: 'utf-16be' };
  const hinted = normaliseEncoding(declared);
  if (hinted) {
    try {
      return { text: decode(bytes, hinted, true), encoding: hinted };
    } catch {
      // A wrong declaration is common (GBK pages that say utf-8): fall through to sniffing.
    }
  }
  // Before UTF-8: mostly-ASCII UTF-16 is valid UTF-8 too, full of NULs.
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decode(bytes, utf16), encoding: utf16 };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  return { text: decode(bytes, 'gb18030'), encoding: 'gb18030' };
}

/** Maps a declared charset label onto one of ours: gbk and gb2312 read as gb18030. */
export function normaliseEncoding(label: string | undefined): TextEncoding | undefined {
  if (!label) return undefined;
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'gb_2312-80'].includes(name)) return 'gb18030';
  if (name === 'big5' || name === 'big5-hkscs') return 'big5';
  if (name === 'utf-16le' || name === 'utf-16') return 'utf-16le';
  if (name === 'utf-16be') return 'utf-16be';
  return undefined;
}
