import type { TextLine } from '../document.js';
import { decodeText } from '../encoding.js';
import { ParseError } from '../errors.js';
import type { Extractor } from './types.js';

/**
 * Plain text: one TextLine per line, kept as it is (tabs and pipes included), since the
 * layouts of published text — one cell per line, pipe tables, tab tables — are told apart by
 * the reader, not here. Blank lines are dropped: in every layout seen they only separate.
 */
export const extractText: Extractor = async (bytes, options) => {
  if (bytes.length === 0) throw new ParseError('empty', '文件为空', options.file);
  if (bytes.length > options.limits.maxBytes) {
    throw new ParseError(
      'too-large',
      `文件大小 ${bytes.length} 字节，超过上限 ${options.limits.maxBytes} 字节`,
      options.file,
    );
  }
  const { text, encoding } = decodeText(bytes);
  if (isBinary(text)) {
    throw new ParseError('unsupported', '内容是二进制数据，不是文本、网页、Word 或 PDF 文件', options.file);
  }
  const nodes: TextLine[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (line.trim() !== '') nodes.push({ kind: 'line', text: line, at: { line: index + 1 } });
  });
  const messages =
    encoding === 'utf-8'
      ? []
      : [{ rule: 'text-encoding', severity: 'info' as const, message: `文本按 ${encoding.toUpperCase()} 编码读取` }];
  return { source: 'text', nodes, messages };
};

/** Control characters other than tab and line breaks, and U+FFFD from undecodable bytes: none in real text. */
const BINARY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/g;

/** Whether decoded "text" is really binary data: more than one character in ten is a control character or undecodable. */
function isBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  return (sample.match(BINARY)?.length ?? 0) > sample.length / 10;
}
