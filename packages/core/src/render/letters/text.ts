import { textWidth } from './format.js';
import type { LetterInput } from './schema.js';
import type { LetterParagraph } from './model.js';
import { letterParagraphs } from './paragraphs.js';

/** GB/T 9704 sets 28 characters to a line; the plain text is laid out to the same width. */
const LINE_CHARS = 28;
const FULL_WIDTH_SPACE = '\u3000';

const pad = (width: number) => FULL_WIDTH_SPACE.repeat(Math.max(0, Math.round(width)));
const centred = (text: string) => `${pad(Math.floor((LINE_CHARS - textWidth(text)) / 2))}${text}`;
const rightAligned = (text: string, rightIndent: number) => `${pad(LINE_CHARS - rightIndent - textWidth(text))}${text}`;

function lines(paragraph: LetterParagraph): string[] {
  switch (paragraph.kind) {
    case 'title':
      return [centred(paragraph.text)];
    case 'serialNo':
      return [centred(paragraph.text), ''];
    case 'addressee':
      return [paragraph.text];
    case 'body':
      return [`${pad(2)}${paragraph.text}`];
    case 'table':
      // One row a line, cells between tabs: a preview shows them as columns, a test splits them.
      return [paragraph.header, ...paragraph.rows].map((row) => row.join('\t'));
    case 'signature':
      // 正文下空一行 before the signature (GB/T 9704 7.3.5).
      return ['', rightAligned(paragraph.text, paragraph.rightIndent)];
    case 'date':
      return [rightAligned(paragraph.text, paragraph.rightIndent)];
  }
}

/** The letter as plain text, for previews and tests: the same paragraphs as the DOCX. */
export function renderLetterText(input: LetterInput): string {
  return `${letterParagraphs(input).flatMap(lines).join('\n')}\n`;
}
