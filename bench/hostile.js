// Hostile uploads, made in a few tens of milliseconds: the files of issue 11 (item 4.2) that
// stalled the server on the request thread. Shared by the tests (core readers, server uploads)
// and `npm run bench:abuse`, so that all of them attack with the same files.
//
// Both hold a DEFLATE stream written bit by bit rather than compressed: one period of the
// content as literals, then back-references of 258 bytes to it (13 to 21 bits each, the densest
// DEFLATE allows), so a stream inflating to hundreds of MB is made without ever holding them.

import { crc32 } from 'node:zlib';

const encoder = new TextEncoder();

/** DEFLATE's distance codes: the first distance of each and its number of extra bits. */
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];

/**
 * A raw DEFLATE stream (one block, fixed Huffman codes) of `head`, then `unit` repeated `times`
 * times, then `tail`.
 * @param {Uint8Array} unit at most 32 KiB
 * @param {number} times
 * @returns {Uint8Array}
 */
export function deflatedRepeat(unit, times, head = new Uint8Array(0), tail = new Uint8Array(0)) {
  const size = unit.length * times;
  const out = new Uint8Array(Math.ceil(size / 258) * 3 + (unit.length + head.length + tail.length) * 2 + 64);
  let bit = 0;
  /** Extra bits and block header: least significant bit first. */
  const put = (value, bits) => {
    for (let i = 0; i < bits; i += 1, bit += 1) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  /** Huffman codes: most significant bit first. */
  const code = (value, bits) => {
    for (let i = bits - 1; i >= 0; i -= 1, bit += 1) if ((value >> i) & 1) out[bit >> 3] |= 1 << (bit & 7);
  };
  const literal = (byte) => (byte < 144 ? code(0x30 + byte, 8) : code(0x190 + byte - 144, 9));
  put(1, 1); // the final block
  put(1, 2); // fixed Huffman codes
  for (const byte of head) literal(byte);
  for (const byte of unit) literal(byte);
  const distance = unit.length;
  let d = DISTANCE_BASE.length - 1;
  while (DISTANCE_BASE[d] > distance) d -= 1;
  const extraBits = d < 4 ? 0 : (d >> 1) - 1;
  const match = () => {
    code(0xc5, 8); // length 258 (code 285)
    code(d, 5);
    put(distance - DISTANCE_BASE[d], extraBits);
  };
  const matches = Math.floor((size - unit.length) / 258);
  const m = 13 + extraBits; // bits per match: every 8 matches repeat byte for byte, m bytes on
  if (matches < 16) for (let i = 0; i < matches; i += 1) match();
  else {
    const start = bit;
    for (let i = 0; i < 16; i += 1) match();
    const from = (start >> 3) + 1;
    const end = (start + matches * m) >> 3;
    for (let at = from + m; at <= end;) {
      const length = Math.min(at - from, end + 1 - at);
      out.copyWithin(at, from, from + length);
      at += length;
    }
    bit = start + matches * m;
    out[bit >> 3] &= (1 << (bit & 7)) - 1;
  }
  let done = unit.length + matches * 258;
  for (; done < size; done += 1) literal(unit[done % unit.length]);
  for (const byte of tail) literal(byte);
  code(0, 7); // end of block
  return out.slice(0, (bit >> 3) + 1);
}

/** A one-entry ZIP holding `data`, DEFLATE-compressed, with the true size and CRC. */
function zipOf(name, data, size, crc) {
  const nameBytes = encoder.encode(name);
  const header = (signature, length) => {
    const bytes = new Uint8Array(length + nameBytes.length);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, signature, true);
    return { bytes, view };
  };
  const local = header(0x04034b50, 30);
  local.view.setUint16(4, 20, true);
  local.view.setUint16(8, 8, true);
  local.view.setUint32(14, crc >>> 0, true);
  local.view.setUint32(18, data.length, true);
  local.view.setUint32(22, size, true);
  local.view.setUint16(26, nameBytes.length, true);
  local.bytes.set(nameBytes, 30);
  const central = header(0x02014b50, 46);
  central.view.setUint16(4, 20, true);
  central.view.setUint16(6, 20, true);
  central.view.setUint16(10, 8, true);
  central.view.setUint32(16, crc >>> 0, true);
  central.view.setUint32(20, data.length, true);
  central.view.setUint32(24, size, true);
  central.view.setUint16(28, nameBytes.length, true);
  central.bytes.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, 1, true);
  view.setUint16(10, 1, true);
  view.setUint32(12, central.bytes.length, true);
  view.setUint32(16, local.bytes.length + data.length, true);
  return concat([local.bytes, data, central.bytes, end]);
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * A DOCX of about 0.6 MB whose word/document.xml is well-formed WordprocessingML of `megabytes`
 * MB (default 190): paragraphs of text, which a reader without limits turns into hundreds of MB
 * of lines. Sizes and CRC are true, so only a limit on the inflated size stops it.
 */
export function hostileDocx(megabytes = 190) {
  const head = encoder.encode(
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  );
  const tail = encoder.encode('</w:body></w:document>');
  const unit = encoder.encode('<w:p><w:r><w:t>本机关收到政府信息公开申请</w:t></w:r></w:p>');
  const times = Math.ceil((megabytes * 1024 * 1024) / unit.length);
  const data = deflatedRepeat(unit, times, head, tail);
  let crc = crc32(head);
  crc = repeatedCrc(crc, unit, times);
  crc = crc32(tail, crc);
  return zipOf('word/document.xml', data, head.length + unit.length * times + tail.length, crc);
}

/** The CRC-32 of `unit` repeated `times` times after data whose CRC-32 is `initial`. */
function repeatedCrc(initial, unit, times) {
  const chunk = new Uint8Array(unit.length * Math.max(1, Math.floor((1 << 20) / unit.length)));
  for (let i = 0; i < chunk.length; i += unit.length) chunk.set(unit, i);
  const perChunk = chunk.length / unit.length;
  let crc = initial;
  let left = times;
  for (; left >= perChunk; left -= perChunk) crc = crc32(chunk, crc);
  return crc32(chunk.subarray(0, left * unit.length), crc);
}

/**
 * A one-page PDF of about 0.25 MB whose page content is a FlateDecode stream of `megabytes` MB
 * (default 256) of zero bytes, with a true /Length and cross-reference table.
 */
export function hostilePdf(megabytes = 256) {
  const size = megabytes * 1024 * 1024;
  // zlib wrapping (header 78 01, Adler-32 of the zeros at the end), as PDF's FlateDecode has it.
  const raw = deflatedRepeat(new Uint8Array(1), size);
  const adler = adler32Zeros(size);
  const trailer = new Uint8Array(4);
  new DataView(trailer.buffer).setUint32(0, adler, false);
  const stream = concat([new Uint8Array([0x78, 0x01]), raw, trailer]);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
  ];
  const parts = [encoder.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  const offsets = [];
  let at = parts[0].length;
  const add = (bytes) => {
    parts.push(bytes);
    at += bytes.length;
  };
  objects.forEach((body, i) => {
    offsets.push(at);
    add(encoder.encode(`${i + 1} 0 obj\n${body}\nendobj\n`));
  });
  offsets.push(at);
  add(encoder.encode(`4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`));
  add(stream);
  add(encoder.encode('\nendstream\nendobj\n'));
  const xref = at;
  const entries = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  add(
    encoder.encode(
      `xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return concat(parts);
}

/** Adler-32 of `size` zero bytes: the sum of bytes stays 1, the sum of sums grows by 1 a byte. */
function adler32Zeros(size) {
  const a = 1;
  const b = size % 65521;
  return ((b << 16) | a) >>> 0;
}
