import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import { BODY, FIXED_LINE, MARGIN, PAGE, TABLE_TEXT, TEXT_WIDTH, TITLE } from '../docx.js';
import type { LetterParagraph, LetterTable } from './model.js';
import { letterParagraphs } from './paragraphs.js';
import type { LetterInput } from './schema.js';

/*
 * A letter is laid out as the annual report is (GB/T 9704: A4, its margins, 三号 仿宋_GB2312
 * on a fixed 28 pt line, the title in 二号 方正小标宋), with the constants of the report's
 * renderer so the two never drift apart.
 */

/** One character of the body type (三号, 16 pt) in twips: the unit of GB/T 9704's indents. */
const CHARACTER = BODY.size * 10;

const run = (text: string, style: typeof BODY | typeof TITLE | typeof TABLE_TEXT = BODY) =>
  new TextRun({ text, ...style });

/** The fee breakdown as a real table: equal columns but a wider first one for the tier's name. */
function table({ header, rows }: LetterTable): Table {
  const shares = header.map((_, index) => (index === 0 ? 2 : 1));
  const total = shares.reduce((a, b) => a + b, 0);
  const cell = (text: string) =>
    new TableCell({
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, TABLE_TEXT)] })],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: shares.map((share) => Math.floor((share / total) * TEXT_WIDTH)),
    rows: [header, ...rows].map(
      (row, index) => new TableRow({ tableHeader: index === 0, cantSplit: true, children: row.map(cell) }),
    ),
  });
}

function element(paragraph: LetterParagraph): FileChild {
  switch (paragraph.kind) {
    case 'title':
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [run(paragraph.text, TITLE)],
      });
    case 'serialNo':
      // The 文号 is followed by one empty line of the body's height before the addressee.
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...FIXED_LINE, after: FIXED_LINE.line },
        children: [run(paragraph.text)],
      });
    case 'addressee':
      return new Paragraph({ spacing: FIXED_LINE, children: [run(paragraph.text)] });
    case 'body':
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 2 * CHARACTER },
        spacing: FIXED_LINE,
        children: [run(paragraph.text)],
      });
    case 'table':
      return table(paragraph);
    case 'signature':
    case 'date':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(paragraph.rightIndent * CHARACTER) },
        // 正文下空一行 before the signature (GB/T 9704 7.3.5).
        spacing: { ...FIXED_LINE, ...(paragraph.kind === 'signature' ? { before: FIXED_LINE.line } : {}) },
        children: [run(paragraph.text)],
      });
  }
}

/** The letter as a Word document (DOCX), A4, ready to print, seal and send. */
export async function renderLetterDocx(input: LetterInput): Promise<Uint8Array> {
  const paragraphs = letterParagraphs(input);
  const title = paragraphs[0]?.kind === 'title' ? paragraphs[0].text : '';
  const doc = new Document({
    creator: 'xxgk',
    title,
    styles: { default: { document: { run: BODY } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: paragraphs.map(element) }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
