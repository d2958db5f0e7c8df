import type { DocumentNode, ExtractMessage, ExtractedDocument, TableCell } from '../../document.js';
import type { ExtractOptions } from '../types.js';
import { bandGrids } from './bands.js';
import { joinStackedHeaders } from './stacked.js';
import { findGrids, gridTable, type PageTable } from './grids.js';
import { visualLines, type VisualLine } from './lines.js';
import { asMatrix } from './matrix.js';
import type { PdfDocument, PdfJs } from './pdfjs.js';
import { pageRules } from './rules.js';
import { pageRuns, type Run } from './text.js';
import type { TurnedRun } from './turned.js';

export interface PageContent {
  readonly lines: VisualLine[];
  readonly tables: readonly PageTable[];
  readonly height: number;
  /** Characters read on the page, in and out of tables. */
  readonly chars: number;
  /** Of them, Chinese characters: few among many means fonts that map their glyphs to no text. */
  readonly hanzi: number;
  /** The share of the page its pictures cover, where the engine tells (PDFium). */
  readonly pictured?: number;
}

/** A page this much covered by pictures as wide as a table may hold a table pasted as a picture. */
const PICTURED_SHARE = 0.02;

/** "— 2 / 4 —", "- 2 -", "2", "第 2 页", "第2页 共4页", "2/4", "Page 2 of 4". */
const PAGE_NUMBER =
  /^[\s\-—–－―~·•]*(?:(?:第\s*)?(\d{1,4})\s*页?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?|page\s*(\d{1,4})(?:\s*of\s*\d{1,4})?)[\s\-—–－―~·•]*$/i;
/** How far from the top or bottom edge a running header or footer may stand, as a share of the page height. */
const MARGIN_BAND = 0.15;

const masked = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Drops running page headers and footers: page numbers ("— 2 / 4 —", a bare "2") and a header
 * text repeated at the top or bottom of every page. They are not part of the report, and a
 * number left between a table's last row on one page and its next row on the next would be
 * read as a value of the table. Only the first or last line of a page, within the top or bottom
 * band of the page, is a candidate; a page number must match its page or recur on other pages,
 * and a running text must recur on every page after the first (Word's "different first page")
 * of a document of at least three pages.
 */
function dropRunningHeaders(pages: readonly PageContent[]): void {
  const edges = pages.map(({ lines, height }) => {
    const first = lines[0];
    const last = lines.at(-1);
    return {
      top: first && first.y < MARGIN_BAND * height ? first : undefined,
      bottom: last && last !== first && last.y > (1 - MARGIN_BAND) * height ? last : undefined,
    };
  });
  const pageNumberOf = (line: VisualLine | undefined): number | undefined => {
    const match = line ? PAGE_NUMBER.exec(line.text) : null;
    return match ? Number(match[1] ?? match[2]) : undefined;
  };
  const drop = new Set<VisualLine>();
  for (const side of ['top', 'bottom'] as const) {
    const numbered = edges.filter((edge) => pageNumberOf(edge[side]) !== undefined).length;
    edges.forEach((edge, index) => {
      const line = edge[side];
      const number = pageNumberOf(line);
      if (line && number !== undefined && (number === index + 1 || numbered >= 2)) drop.add(line);
    });
    const rest = edges.slice(1).map((edge) => edge[side]);
    const text = rest[0] ? masked(rest[0].text) : undefined;
    if (text && rest.length >= 2 && rest.every((line) => line && !drop.has(line) && masked(line.text) === text)) {
      for (const line of rest) if (line) drop.add(line);
      const first = edges[0]?.[side];
      if (first && masked(first.text) === text) drop.add(first);
    }
  }
  for (const page of pages) {
    const kept = page.lines.filter((line) => !drop.has(line));
    page.lines.splice(0, page.lines.length, ...kept);
  }
}

/** Fewer visible characters than this per page, on average, means the pages are pictures of text. */
const SCAN_CHARS_PER_PAGE = 20;
/** A page of a text PDF with fewer characters than this is probably a scanned page among text pages. */
const PAGE_MIN_CHARS = 5;

/**
 * A page of this many characters of which fewer than this share are Chinese has a text layer that
 * does not say what it shows: fonts without a ToUnicode map give their glyph numbers ("#$%&'("), and
 * a report in Chinese is never so.
 */
const UNREADABLE_HANZI_SHARE = 0.05;

const visibleLength = (text: string): number => text.replace(/\s/g, '').length;

/** Chinese characters in `text`: the unified ideographs, their extension A and compatibility block. */
function hanziIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) count += 1;
  }
  return count;
}

/** The characters of all pages, counted as one page's. */
const whole = (pages: readonly PageContent[]): Pick<PageContent, 'chars' | 'hanzi'> => ({
  chars: pages.reduce((sum, page) => sum + page.chars, 0),
  hanzi: pages.reduce((sum, page) => sum + page.hanzi, 0),
});

/** Whether pages have text, but too little of it Chinese for a report in Chinese. */
const unreadable = ({ chars, hanzi }: Pick<PageContent, 'chars' | 'hanzi'>): boolean =>
  chars >= PAGE_MIN_CHARS && hanzi < UNREADABLE_HANZI_SHARE * chars;

export async function readPage(doc: PdfDocument, number: number, pdfjs: PdfJs): Promise<PageContent> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const viewportMatrix = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  const turned: TurnedRun[] = [];
  const runs = pageRuns((await page.getTextContent()).items, viewportMatrix, turned);
  let ops: Parameters<typeof pageRules>[0] | undefined;
  // The drawing operators cost pdf.js about as much again as the text: fetched only when asked for.
  if (mayHoldTable(runs)) ops = await page.getOperatorList();
  const content = pageContent(
    runs,
    () => (ops ? pageRules(ops, pdfjs.OPS, viewportMatrix) : NO_RULES),
    viewport.height,
    turned,
  );
  // Frees the page's parsed resources (fonts stay cached for the next page).
  page.cleanup();
  return content;
}

const NO_RULES: PageRules = { horizontal: [], vertical: [] };
type PageRules = ReturnType<typeof pageRules>;

/** Whether a page's text has a line of two or more columns, where a ruled table may be. */
export function mayHoldTable(runs: readonly Run[]): boolean {
  return visualLines([...runs]).some((line) => line.fragments.length >= 2);
}

/**
 * A page's lines and ruled tables from its glyph runs (display space) and, asked for only where a
 * table may be (a line of two or more columns; never on a page of pictures), its rules. Runs
 * turned a quarter turn (`turned`) are read only inside a table's cells.
 */
export function pageContent(
  runs: Run[],
  rulesOf: () => PageRules,
  height: number,
  turned: TurnedRun[] = [],
  pictured?: number,
): PageContent {
  let chars = 0;
  let hanzi = 0;
  for (const run of runs) {
    chars += visibleLength(run.text);
    hanzi += hanziIn(run.text);
  }
  let lines = visualLines([...runs]);
  const tables: PageTable[] = [];
  if (lines.some((line) => line.fragments.length >= 2)) {
    const { horizontal, vertical } = rulesOf();
    const grids = findGrids(horizontal, vertical);
    // Rules that make no grid may still rule a table's rows.
    const gridded = new Set(grids.flatMap((grid) => grid.horizontal));
    const loose = horizontal.filter((rule) => !gridded.has(rule));
    for (const grid of [...grids, ...bandGrids(loose, vertical, runs)]) {
      const table = gridTable(grid, runs, turned);
      if (table) tables.push(table);
    }
    if (tables.length > 0) lines = visualLines(runs);
  }
  const content = { lines: joinStackedHeaders(lines), tables, height, chars, hanzi };
  return pictured === undefined ? content : { ...content, pictured };
}

export function documentFrom(
  pages: readonly PageContent[],
  missingCMaps: ReadonlySet<string>,
  options: ExtractOptions,
): ExtractedDocument {
  const name = options.file ? `${options.file} ` : '此 PDF ';
  const all = whole(pages);
  const noText = all.chars < SCAN_CHARS_PER_PAGE * pages.length;
  const messages: ExtractMessage[] = [];
  if (!noText && missingCMaps.size === 0 && unreadable(all)) {
    // Pictures of text as far as reading goes: what the glyphs show is in no character map.
    messages.push({
      rule: 'pdf-text-unreadable',
      severity: 'error',
      message: `${name}有文字层，但其中的字体没有给出字形对应的文字（缺少 ToUnicode 等映射），读出的是乱码，无法读取其中的数字；请提供原始 Word 文件或能复制出文字的 PDF`,
    });
    return { source: 'pdf', nodes: [], messages, pages: pages.length };
  }
  if (missingCMaps.size > 0) {
    // Not a scan: the text is there, in fonts whose character maps could not be loaded.
    messages.push({
      rule: 'pdf-cmap-unavailable',
      severity: noText ? 'error' : 'warning',
      message: `${name}的字体需要字符映射表（CMap）${[...missingCMaps].join('、')}，但无法载入，其中的文字${noText ? '读不出来' : '可能缺失'}`,
    });
  } else if (noText) {
    messages.push({
      rule: 'pdf-no-text-layer',
      severity: 'error',
      message: `${name}是扫描件（没有文字层），无法读取其中的数字；请提供带文字层的 PDF 或原始 Word 文件`,
    });
  }
  if (noText) return { source: 'pdf', nodes: [], messages, pages: pages.length };
  dropRunningHeaders(pages);
  const nodes: DocumentNode[] = [];
  let tableCount = 0;
  pages.forEach(({ lines, tables, chars }, index) => {
    const page = index + 1;
    if (chars < PAGE_MIN_CHARS) {
      messages.push({
        rule: 'pdf-page-no-text',
        severity: 'warning',
        message: `${name}第 ${page} 页几乎没有文字层（可能是扫描页或图片），其中的内容无法读取`,
        at: { page },
      });
    }
    // Lines and tables in reading order: top to bottom by a line's baseline or a table's top.
    const items = [
      ...lines.map((line) => ({ y: line.y, line })),
      ...tables.map((table) => ({ y: table.y, table })),
    ].sort((p, q) => p.y - q.y);
    let lineCount = 0;
    for (const item of items) {
      if ('line' in item) {
        lineCount += 1;
        const { text, fragments } = item.line;
        nodes.push({ kind: 'line', text, fragments, at: { page, line: lineCount } });
        continue;
      }
      const table = tableCount;
      tableCount += 1;
      const rows: TableCell[][] = item.table.rows.map((cells) =>
        cells.map((cell) => ({ ...cell, at: { page, table, row: cell.row, column: cell.column } })),
      );
      nodes.push({ kind: 'table', rows, at: { page, table } });
    }
  });
  // A page of pictures (a table pasted as one, a scanned page among text pages) or of no text at all
  // (text drawn as outlines).
  const pictures = pages.flatMap(({ pictured = 0, chars }, index) =>
    pictured >= PICTURED_SHARE || chars < PAGE_MIN_CHARS ? [index + 1] : [],
  );
  return { source: 'pdf', nodes, messages, pages: pages.length, ...(pictures.length > 0 ? { pictures } : {}) };
}
