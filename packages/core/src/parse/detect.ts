import type { SourceKind } from './document.js';

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0): boolean =>
  magic.every((byte, i) => bytes[offset + i] === byte);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PERCENT = 0x25;

/** Markup that only HTML has, looked for near the start of the decoded text. */
const HTML_MARKERS = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|table[\s>]|div[\s>]|p[\s>]|br\s*\/?>)/i;

/**
 * What kind of file this is, from its content and never its name: sites serve DOCX as .doc,
 * PDFs without extension, and HTML saved as .txt.
 */
export function detectKind(bytes: Uint8Array, head: string): SourceKind | 'zip' | 'ole' {
  if (startsWith(bytes, ZIP)) return 'zip';
  if (startsWith(bytes, OLE)) return 'ole';
  // A PDF header may follow some junk bytes (allowed within the first 1024 by readers).
  const limit = Math.min(bytes.length, 1024);
  // Only where a "%" stands: a byte search, not a comparison at every offset.
  const window = bytes.subarray(0, limit);
  for (let i = window.indexOf(PERCENT); i !== -1 && i + PDF.length <= limit; i = window.indexOf(PERCENT, i + 1))
    if (startsWith(bytes, PDF, i)) return 'pdf';
  if (HTML_MARKERS.test(head.slice(0, 4096))) return 'html';
  return 'text';
}
