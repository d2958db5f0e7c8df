import type { TextLine } from '../document.js';
import { decodeText } from '../encoding.js';
import { ParseError } from '../errors.js';
import { isTrimmed } from '../normalise.js';
import { hasCellSeparators, joinCellLines } from './cell-lines.js';
import type { Extractor } from './types.js';

/**
 * Plain text: one TextLine per line, kept as it is (tabs and pipes included), since the
 * layouts of published text — one cell per line, pipe tables, tab tables — are told apart by
 * the reader, not here. Blank lines are dropped: they only separate — except in a browser's text of a
 * table whose cells hold paragraphs, where lone tabs separate cells and an empty cell is a line of
 * a no-break space (`cell-lines.ts` puts each such row back on one line).
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
  // Nearly all text has neither a control character nor a column rule other than "|": one scan
  // tells so for both tests below, which look again only where it finds one.
  const plain = text.length <= BINARY_SAMPLE && !ODD_OR_RULE.test(text);
  if (!plain && isBinary(text)) {
    throw new ParseError('unsupported', '内容是二进制数据，不是文本、网页、Word 或 PDF 文件', options.file);
  }
  const nodes: TextLine[] = [];
  const ruled = plain ? text : withPipes(text);
  // Most text breaks lines with \n alone: split on the character then, not by a pattern.
  const lines = ruled.includes('\r') ? ruled.split(/\r\n|\r|\n/) : ruled.split('\n');
  if (hasCellSeparators(lines)) {
    for (const { text: joined, line, cells } of joinCellLines(lines)) {
      // A browser's text has no positions: each cell stands at its column's index.
      const fragments =
        cells && cells.length > 1 ? cells.map((cell, i) => ({ text: cell, x0: i, x1: i + 1 })) : undefined;
      nodes.push({ kind: 'line', text: joined, at: { line }, ...(fragments ? { fragments } : {}) });
    }
  } else {
    lines.forEach((line, index) => {
      if (!isBlank(line)) nodes.push({ kind: 'line', text: line, at: { line: index + 1 } });
    });
  }
  const messages =
    encoding === 'utf-8'
      ? []
      : [{ rule: 'text-encoding', severity: 'info' as const, message: `文本按 ${encoding.toUpperCase()} 编码读取` }];
  return { source: 'text', nodes, messages };
};

/**
 * Column rules other than "|": the full-width "｜" of Chinese input and of OCR or LLM transcriptions, and
 * the box-drawing verticals a text browser draws round table cells (w3m's "│ 规章 │ 0 │"). Each is one
 * character for one, so positions stay.
 */
const OTHER_RULE = /[｜│┃║]/;
const OTHER_RULES = /[｜│┃║]/g;
/** A border a text browser draws between table rows ("├──┼──┤"): box-drawing characters and spaces only. */
const BOX_BORDER = /^[ \t\u2500-\u257f]*[\u2500-\u257f][ \t\u2500-\u257f]*$/gm;

/** The text with its column rules written "|" and its box borders blank, as a pipe table reads. */
function withPipes(text: string): string {
  if (!OTHER_RULE.test(text)) return text;
  return text.replace(BOX_BORDER, '').replace(OTHER_RULES, '|');
}

/** How much of a text is looked at to tell whether it is binary. */
const BINARY_SAMPLE = 65_536;
/** A control character other than tab and line breaks, or an undecodable byte (U+FFFD). */
const ODD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/; // eslint-disable-line no-control-regex

/** A character either test looks for: ODD_CHARACTER's or OTHER_RULE's. */
const ODD_OR_RULE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd｜│┃║]/; // eslint-disable-line no-control-regex

/** Whether decoded "text" is really binary data: more than one character in ten is a control character (other than tab and line breaks) or undecodable (U+FFFD). */
function isBinary(text: string): boolean {
  // Nearly all text has no such character: a regular expression finds that faster than a loop.
  if (text.length <= BINARY_SAMPLE && !ODD_CHARACTER.test(text)) return false;
  const length = Math.min(text.length, BINARY_SAMPLE);
  let odd = 0;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) odd += 1;
  }
  return odd > length / 10;
}

/** Whether a line is empty once trimmed, without making the trimmed string (every line is asked). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i += 1) if (!isTrimmed(line.charCodeAt(i))) return false;
  return true;
}
