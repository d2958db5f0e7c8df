import { createHash } from 'node:crypto';
import { tooLarge, unprocessable } from '../../errors.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * The kinds of file a case may hold (the application, proof of identity, the answer, delivery
 * receipts), known by their first bytes rather than by a name anyone can type.
 */
const SIGNATURES: readonly { mediaType: string; matches: (b: Uint8Array) => boolean }[] = [
  { mediaType: 'application/pdf', matches: (b) => ascii(b, 0, 5) === '%PDF-' },
  { mediaType: 'image/png', matches: (b) => b[0] === 0x89 && ascii(b, 1, 4) === 'PNG' },
  { mediaType: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  // DOCX, XLSX and OFD (GB/T 33190, China's fixed-layout format) are ZIP packages.
  { mediaType: 'application/zip', matches: (b) => ascii(b, 0, 4) === 'PK\x03\x04' },
  { mediaType: 'application/msword', matches: (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 },
];

function ascii(bytes: Uint8Array, from: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(from, from + length));
}

const ZIP_KINDS: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
};

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

export interface CheckedAttachment {
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

/** Checks size and kind; the error names the file. */
export function checkAttachment(fileName: string, bytes: Uint8Array): CheckedAttachment {
  if (bytes.length === 0) throw unprocessable('attachment-empty', `附件“${fileName}”是空文件`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw tooLarge(`附件“${fileName}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  }
  let mediaType = SIGNATURES.find((s) => s.matches(bytes))?.mediaType;
  if (mediaType === 'application/zip') {
    const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
    mediaType = ZIP_KINDS[extension];
  } else if (!mediaType && isUtf8Text(bytes)) {
    mediaType = 'text/plain; charset=utf-8';
  }
  if (!mediaType) {
    throw unprocessable(
      'attachment-type',
      `附件“${fileName}”的类型不受支持：只接受 PDF、OFD、Word（DOC/DOCX）、Excel（XLSX）、JPEG、PNG 和文本文件`,
    );
  }
  return { fileName, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
