import type { ExtractMessage } from '../../document.js';
import { decodeText, normaliseEncoding, type TextEncoding } from '../../encoding.js';

// ---------------------------------------------------------------------------------------------
// Decoding

/** Charset declarations are looked for this far into the bytes (WHATWG's prescan uses 1024; old CMS heads are longer). */
const SNIFF_BYTES = 4096;

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i;

/** WHATWG's "latin1" is windows-1252: every byte is one character and ASCII stays ASCII. */
const latin1 = new TextDecoder('latin1');

/** The charset a page declares in its first bytes, read byte for byte since the markup is ASCII. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1.decode(bytes.subarray(0, SNIFF_BYTES));
  return META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
};

export interface DecodedPage {
  readonly text: string;
  readonly message?: ExtractMessage;
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  const declared = declaredCharset(bytes);
  const named = normaliseEncoding(declared);
  let hint = declared;
  // A declaration readable as ASCII cannot be true of UTF-16 (WHATWG reads such pages as UTF-8);
  // passing it on would make the strict UTF-16 decode succeed on any even-length file.
  if (named === 'utf-16le' || named === 'utf-16be') hint = 'utf-8';
  // GBK text with any Chinese in it is practically never valid UTF-8, while a UTF-8 page is often
  // valid GB18030 byte by byte (and would decode as mojibake): a valid UTF-8 page under a GBK meta
  // is a copied template whose declaration was never updated.
  else if ((named === 'gb18030' || named === 'big5') && isUtf8(bytes)) hint = 'utf-8';
  const { text, encoding } = decodeText(bytes, hint);
  if (!named || named === encoding) return { text };
  return {
    text,
    message: {
      rule: 'html-charset',
      severity: 'info',
      message: `网页声明的字符编码为 ${declared ?? ''}，与内容不符，已按 ${ENCODING_NAMES[encoding]} 读取`,
    },
  };
}
