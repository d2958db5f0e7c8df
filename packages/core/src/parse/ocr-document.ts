import type { DocumentNode, ExtractedDocument, ExtractMessage, Fragment, TableCell } from './document.js';
import { findGrids, gridTable, type Grid } from './extract/pdf/grids.js';
import type { Rule } from './extract/pdf/rules.js';
import type { Run } from './extract/pdf/text.js';
import { mendOcrLabel } from './ocr-labels.js';
import type { OcrBox, OcrPage } from './ocr-types.js';

export { mendOcrLabel, oneEditApart } from './ocr-labels.js';

/*
 * A scan's OCR boxes as the reader's document. Tables are rebuilt from the ruling lines seen in
 * the bitmap with the PDF reader's own grid code (merged cells from missing rules), the boxes
 * placed in cells by their middle; the other boxes form visual lines, split into fragments at
 * wide gaps. OCR's confusions in figures are mended here, and every cell and fragment keeps the
 * least confidence of the boxes it holds.
 */

/*
 * What the recogniser confuses in figures: a lone zero read as the letter o, a one as l or I,
 * full-width digits. Only text that is a figure but for these is mended; words are left alone.
 */
const AS_ZERO = /[oOQD〇○]/g;
const AS_ONE = /[lI|!丨]/g;
const FULL_WIDTH_DIGIT = /[０-９]/g;
const FIGURE_LIKE = /^[\d,，.oOQD〇○lI|!丨]+$/;
const DIGIT = /\d/;

/*
 * Specks beside a figure read as marks: a point, a colon, a quote, a dash after it ("3.", "0：",
 * "1'", "0-"). A table's figure never carries one at its ends; a minus sign before it stays.
 */
const SPECKS_BEFORE = /^[.,，:：;；'"‘’“”`。、·*＊]+/;
const SPECKS_AFTER = /[.,，:：;；'"‘’“”`。、·*＊\-_~—]+$/;

/** Mends what OCR reads for digits, and the specks it reads beside them, in text that is otherwise a number. */
export function mendOcrFigure(text: string): string {
  const trimmed = text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  const bare = trimmed.replace(SPECKS_BEFORE, '').replace(SPECKS_AFTER, '');
  const [sign, body] = bare.startsWith('-') ? ['-', bare.slice(1)] : ['', bare];
  // Marks are taken for specks only beside a digit read as one: "o" alone is 0, "o." is left alone.
  const figure = FIGURE_LIKE.test(body) && (DIGIT.test(body) || body === trimmed);
  return figure ? sign + body.replace(AS_ZERO, '0').replace(AS_ONE, '1') : text.trim();
}

/**
 * Specks read as marks at either end of a table cell's words ("规章·", "：行政许可", "（七）总计：",
 * "行政强制+"), with the spaces between them: a speck on a line of its own below a "o." joins it as "o. .".
 */
const MARKS_AT_ENDS = /^[\s.,，:：;；'`。、·*＊+＋]+|[\s.,，:：;；'`。、·*＊+＋]+$/g;
/** And after a label's 、 ("二、·上年结转…", "二、、上年结转…"): a numbering's 、 is followed by words. */
const MARKS_AFTER_COMMA = /、[.,，:：;；'`。、·*＊]+/g;
/** And after a numbering's closing bracket ("（二）.部分公开"): no label puts a mark there. */
const MARKS_AFTER_BRACKET = /([)）])[.,，:：;；'`。、·*＊]+(?=[\u3400-\u9fff])/g;

/** A numbering's closing bracket read twice where the detector split the label after it ("(一)" + "）予以公开"). */
const DOUBLED_BRACKET = /([)）])\s*[)）]/g;
/*
 * A decimal point too faint to read, between the figures of one box: the recogniser reads the gap
 * it leaves as a space ("198 7"), or a speck over it as a colon ("7:37"). A cell's figure is printed
 * without gaps or colons, and its decimals are one or two.
 */
const LOST_POINT = /^(\d+)(?: |[:：])(\d{1,2})$/;

/**
 * A table cell's text mended: a figure as `mendOcrFigure` mends it (with a lost decimal point put
 * back), words without marks at their ends (no label has one) or a doubled bracket, and a row's
 * label with one character misread as `mendOcrLabel` mends it.
 */
export function mendOcrCell(text: string): string {
  const trimmed = text.trim().replace(LOST_POINT, '$1.$2');
  const figure = mendOcrFigure(trimmed);
  if (figure !== trimmed) return figure;
  const words = trimmed
    .replace(MARKS_AT_ENDS, '')
    .replace(MARKS_AFTER_COMMA, '、')
    .replace(MARKS_AFTER_BRACKET, '$1')
    .replace(DOUBLED_BRACKET, '$1');
  // "o." in a cell: a zero and a speck (outside a table, "o." is left alone: it may be a word's end).
  const bare = mendOcrFigure(words);
  if (bare !== words && FIGURE.test(bare)) return bare;
  if (LONE_ONE.test(words)) return '1';
  if (ONES_AS_I.test(words)) return words.replace(/[iı]/g, '1');
  return mendOcrLabel(words.replace(MISREAD_NUMBERING, '').replace(BEFORE_NUMBERING, ''));
}

/** A lone "1" read as a small letter ("i", "r": the foot of a serif 1 blurred); no cell of a table holds one. */
const LONE_ONE = /^[irı]$/;
/** And a 1 read so among a figure's digits ("i1" for 11): a cell holding digits and such letters only is a figure. */
const ONES_AS_I = /^(?=.*\d)[\diı]+$/;
/** A character or two of a neighbouring cell before a sub-row's numbering ("部(二)部分公开"): no label starts so. */
const BEFORE_NUMBERING = /^[^（(]{1,2}(?=[（(][一二三四五六七八九十]{1,2}[）)][\u3400-\u9fff])/;

const FIGURE = /^-?[\d,.]+$/;
/*
 * A numbering whose numeral OCR misread as no numeral ("（→）予以公开"): the label's words name the
 * row without it, where the misread numbering would hide them.
 */
const MISREAD_NUMBERING = /^[（(][^\u3400-\u9fff（）()]{1,2}[）)](?=[\u3400-\u9fff])/;

const rounded = (confidence: number): number => Math.round(confidence * 1000) / 1000;

interface Line {
  y0: number;
  y1: number;
  boxes: OcrBox[];
}

/** Boxes into visual lines: a box joins the line its vertical middle falls within. */
function visualLines(boxes: readonly OcrBox[]): Line[] {
  const lines: Line[] = [];
  const byMiddle = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  for (const box of byMiddle) {
    const middle = (box.y0 + box.y1) / 2;
    const line = lines.find((l) => middle > l.y0 && middle < l.y1);
    if (line) {
      line.boxes.push(box);
      line.y0 = Math.min(line.y0, box.y0);
      line.y1 = Math.max(line.y1, box.y1);
    } else lines.push({ y0: box.y0, y1: box.y1, boxes: [box] });
  }
  for (const line of lines) line.boxes.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.y0 - b.y0);
}

/**
 * A line's boxes as fragments: two boxes closer than half the line's height are one run of
 * words (the detector may split a phrase), unless a figure stands at the gap — the columns of
 * a borderless table of small numbers stand that close.
 */
function fragments(line: Line): Fragment[] {
  const height = line.y1 - line.y0;
  const out: { text: string; x0: number; x1: number; confidence: number }[] = [];
  for (const box of line.boxes) {
    const last = out.at(-1);
    const text = box.text.trim();
    const figureAtGap = DIGIT.test(last?.text.slice(-1) ?? '') || DIGIT.test(text.slice(0, 1));
    if (last && box.x0 - last.x1 < height / 2 && !figureAtGap) {
      last.text += text;
      last.x1 = box.x1;
      last.confidence = Math.min(last.confidence, box.confidence);
    } else out.push({ text, x0: box.x0, x1: box.x1, confidence: box.confidence });
  }
  return out.map((f) => ({ ...f, text: mendOcrFigure(f.text), confidence: rounded(f.confidence) }));
}

/** A box as the PDF reader's run: its baseline at the bottom, its em its height, so its middle is the box's. */
function asRun(box: OcrBox): Run {
  return { text: box.text.trim(), x0: box.x0, x1: box.x1, y: box.y1, size: box.y1 - box.y0 };
}

interface PageTableNode {
  readonly y: number;
  readonly rows: TableCell[][];
}

/** The tables of one page from its rules; the boxes they take are removed from `boxes`. */
function pageTables(page: OcrPage, boxes: OcrBox[], pageNumber: number, firstTable: number): PageTableNode[] {
  if (!page.rules) return [];
  const copy = (rules: readonly { at: number; from: number; to: number }[]): Rule[] => rules.map((r) => ({ ...r }));
  const grids: Grid[] = findGrids(copy(page.rules.horizontal), copy(page.rules.vertical));
  const tables: PageTableNode[] = [];
  for (const grid of grids) {
    const specks = specksInCells(boxes, grid);
    if (specks.size > 0) boxes.splice(0, boxes.length, ...boxes.filter((b) => !specks.has(b)));
    const runs = boxes.map(asRun);
    const byRun = new Map(runs.map((run, i) => [run, boxes[i] as OcrBox]));
    const found = gridTable(grid, runs);
    if (!found) continue;
    const left = new Set(runs);
    const taken = [...byRun].filter(([run]) => !left.has(run)).map(([, box]) => box);
    boxes.splice(0, boxes.length, ...runs.map((run) => byRun.get(run) as OcrBox));
    const table = firstTable + tables.length;
    const rows = found.rows.map((cells) =>
      cells.map((cell): TableCell => {
        const [x0, x1] = [grid.xs[cell.column] ?? 0, grid.xs[cell.column + cell.colSpan] ?? Infinity];
        const [y0, y1] = [grid.ys[cell.row] ?? 0, grid.ys[cell.row + cell.rowSpan] ?? Infinity];
        const inside = taken.filter((b) => within((b.x0 + b.x1) / 2, x0, x1) && within((b.y0 + b.y1) / 2, y0, y1));
        const confidence = inside.length > 0 ? rounded(Math.min(...inside.map((b) => b.confidence))) : undefined;
        const at = { page: pageNumber, table, row: cell.row, column: cell.column };
        return { ...cell, text: mendOcrCell(cell.text), at: confidence === undefined ? at : { ...at, confidence } };
      }),
    );
    tables.push({ y: found.y, rows });
  }
  return tables;
}

const within = (value: number, from: number, to: number): boolean => value >= from && value < to;

/** The band between two successive edges that `value` falls in, or −1 outside them all. */
function band(edges: readonly number[], value: number): number {
  return edges.findIndex((at, i) => value >= at && value < (edges[i + 1] ?? -Infinity));
}

/** Below this a box of one character is as likely a speck as a glyph (the bench's speckled scans: 0.34–0.44). */
const UNSURE = 0.5;
/** A figure read with this confidence or more is the cell's figure, beside which such a box is a speck. */
const FIGURE_READ = 0.6;
const CJK = /[\u3400-\u9fff]/;

/*
 * Boxes within a figure's box, and boxes of one character read unsurely in a grid cell that also holds a figure read fairly surely: specks
 * the detector took for text ("1" and "R", "8" far left of "0"), which would join the figure as
 * "1R" or "80". A table's cell holds one figure: a lone unsure mark that is no digit is a speck, and
 * so is a digit standing apart from the figure (a line's height or more away, or on a line of its own: a figure's digits touch).
 */
function specksInCells(boxes: readonly OcrBox[], grid: Grid): Set<OcrBox> {
  const cellOf = (box: OcrBox): string | undefined => {
    const [column, row] = [band(grid.xs, (box.x0 + box.x1) / 2), band(grid.ys, (box.y0 + box.y1) / 2)];
    return column < 0 || row < 0 ? undefined : `${column}:${row}`;
  };
  const specks = new Set<OcrBox>();
  for (const box of boxes) {
    const text = box.text.trim();
    const cell = cellOf(box);
    if (cell === undefined || CJK.test(text)) continue;
    // A sliver inside a figure's box ("7." 2 points wide at the end of "1"): a speck, however surely read.
    // And a digit or letter less than half as tall as a figure beside it (a speck 3 points high
    // read surely as "1" beside a "0" 12 high: "1.0"); a decimal point's box reads as a mark, not so.
    const inside = boxes.some(
      (other) =>
        other !== box &&
        DIGIT.test(other.text) &&
        cellOf(other) === cell &&
        ((other.x1 - other.x0 > 2 * (box.x1 - box.x0) && box.x0 >= other.x0 && box.x1 <= other.x1) ||
          (/^[\da-z]$/i.test(text) && 2 * (box.y1 - box.y0) < other.y1 - other.y0)),
    );
    if (inside) specks.add(box);
    // A lone character read under FIGURE_READ on a line of its own below or above a figure: a
    // speck too ("0" over a "2" read at 0.52 became "0 2", then "0.2"); beside it, only under UNSURE.
    if (inside || box.confidence >= FIGURE_READ || [...text].length !== 1) continue;
    const otherLine = (other: OcrBox): boolean => box.y0 >= other.y1 || other.y0 >= box.y1;
    const apart = (other: OcrBox): boolean =>
      Math.max(other.x0 - box.x1, box.x0 - other.x1) >= Math.min(box.y1 - box.y0, other.y1 - other.y0) ||
      otherLine(other);
    const figure = boxes.find(
      (other) =>
        other !== box &&
        other.confidence >= FIGURE_READ &&
        DIGIT.test(other.text) &&
        cellOf(other) === cell &&
        (box.confidence < UNSURE ? !DIGIT.test(text) || apart(other) : otherLine(other)),
    );
    if (figure) specks.add(box);
  }
  return specks;
}

/** The intermediate document of a scan read by OCR: each page's tables and lines in reading order. */
/**
 * Why a PDF is read from its pages' images, by the extractor's message: as the messages say it
 * after the file's name.
 */
export const READ_AS_IMAGES = {
  'pdf-no-text-layer': '是扫描件（没有文字层）',
  'pdf-text-unreadable': '的文字层是乱码（字体没有给出字形对应的文字）',
} as const;

export type ImageOnlyRule = keyof typeof READ_AS_IMAGES;

export function documentFromOcr(
  pages: readonly OcrPage[],
  file?: string,
  cause: ImageOnlyRule = 'pdf-no-text-layer',
): ExtractedDocument {
  const nodes: DocumentNode[] = [];
  let tableCount = 0;
  pages.forEach((ocrPage, index) => {
    const page = index + 1;
    const boxes = ocrPage.boxes.filter((box) => box.text.trim() !== '');
    const tables = pageTables(ocrPage, boxes, page, tableCount);
    tableCount += tables.length;
    const items = [
      ...visualLines(boxes).map((line) => ({ y: line.y0, line })),
      ...tables.map((table) => ({ y: table.y, table })),
    ].sort((p, q) => p.y - q.y);
    let lineCount = 0;
    for (const item of items) {
      if ('table' in item) {
        const { rows } = item.table;
        nodes.push({ kind: 'table', rows, at: { page, table: rows[0]?.[0]?.at.table ?? 0 } });
        continue;
      }
      lineCount += 1;
      const parts = fragments(item.line);
      nodes.push({
        kind: 'line',
        text: parts.map((part) => part.text).join('\t'),
        fragments: parts,
        at: { page, line: lineCount },
      });
    }
  });
  const name = file ? `${file} ` : '此 PDF ';
  const messages: ExtractMessage[] = [
    {
      rule: 'pdf-ocr',
      severity: 'warning',
      message: `${name}${READ_AS_IMAGES[cause]}，其中的文字由文字识别（OCR）从页面图像读出，共 ${pages.length} 页；数值可能有误，请与原件核对`,
    },
  ];
  return { source: 'pdf', nodes, messages, pages: pages.length };
}
