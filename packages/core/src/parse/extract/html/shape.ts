import { BLOCKS, TITLE_HEADINGS } from './lines.js';
import type { ElementNode, TreeNode } from './tree.js';
import { SECTIONS } from './tree.js';
import type { Measure, TableShape } from './tree.js';

export type { Measure, TableShape } from './tree.js';

// ---------------------------------------------------------------------------------------------
// Tables

/** Largest rowspan or colspan honoured (the HTML standard clamps colspan to 1000 too). */
export const MAX_SPAN = 1000;

/** A nested table this small (a label pair, a diagonal header) reads as text of its cell. */
const SMALL_TABLE_CELLS = 6;
const SMALL_TABLE_CHARS = 100;
/**
 * A cell with more text or lines than this holds an article, not a value or a label: the longest
 * labels of the statutory tables are under 40 characters.
 */
const LAYOUT_CELL_CHARS = 300;
const LAYOUT_CELL_BLOCKS = 12;
/** Every row of the statutory tables has at least four cells; a lone row with fewer is a page bar. */
const LAYOUT_SINGLE_ROW_CELLS = 3;

export function cellsOf(row: ElementNode, stray: TreeNode[]): ElementNode[] {
  const cells: ElementNode[] = [];
  for (const child of row.children) {
    if ('text' in child || (child.name !== 'td' && child.name !== 'th')) stray.push(child);
    else cells.push(child);
  }
  return cells;
}

export function tableShape(table: ElementNode): TableShape {
  if (table.shape) return table.shape;
  const groups: ElementNode[][] = [];
  const stray: TreeNode[] = [];
  const captions: ElementNode[] = [];
  let bare: ElementNode[] | undefined;
  let cells = 0;
  for (const child of table.children) {
    if ('text' in child) {
      stray.push(child);
      continue;
    }
    if (child.name === 'tr') {
      if (!bare) groups.push((bare = []));
      bare.push(child);
      cells += cellsOf(child, stray).length;
    } else if (SECTIONS.has(child.name)) {
      bare = undefined;
      const group: ElementNode[] = [];
      for (const row of child.children) {
        if ('text' in row || row.name !== 'tr') stray.push(row);
        else {
          group.push(row);
          cells += cellsOf(row, stray).length;
        }
      }
      groups.push(group);
    } else if (child.name === 'caption') captions.push(child);
    else if (child.name !== 'colgroup' && child.name !== 'col') stray.push(child);
  }
  table.shape = { groups, cells, stray, captions };
  return table.shape;
}

function visibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 0xa0) n += 1;
  return n;
}

export function measure(element: ElementNode): Measure {
  if (element.measured) return element.measured;
  let chars = 0;
  let blocks = 0;
  let heading = false;
  let tables = 0;
  let bigTable = false;
  for (const child of element.children) {
    if ('text' in child) {
      chars += visibleChars(child.text);
      continue;
    }
    const inner = measure(child);
    chars += inner.chars;
    blocks += inner.blocks + (BLOCKS.has(child.name) || child.name === 'br' ? 1 : 0);
    heading ||= inner.heading || TITLE_HEADINGS.has(child.name);
    tables += inner.tables;
    bigTable ||= inner.bigTable;
    if (child.name === 'table') {
      tables += 1;
      const small =
        inner.tables === 0 && inner.chars <= SMALL_TABLE_CHARS && tableShape(child).cells <= SMALL_TABLE_CELLS;
      if (!small) bigTable = true;
    }
  }
  element.measured = { chars, blocks, heading, tables, bigTable };
  return element.measured;
}

/**
 * A layout table positions the page (a frame around the article, a menu beside it) rather than
 * holding data. Such tables are read through as text and not emitted, so the test leans towards
 * "layout" only on evidence a statutory table never shows: a single column, a lone short row, a
 * cell holding a page title (<h1>, <h2>), an article's worth of text, or a table too big to flatten into it. A
 * cell with a paragraph or two (Word's export wraps every cell in <p>) is still data.
 */
export function isLayout(shape: TableShape): boolean {
  if (shape.cells === 0) return true;
  let rowsWithCells = 0;
  let widest = 0;
  for (const group of shape.groups) {
    for (const row of group) {
      const cells = cellsOf(row, []);
      if (cells.length > 0) rowsWithCells += 1;
      widest = Math.max(widest, cells.length);
      for (const cell of cells) {
        const m = measure(cell);
        if (m.bigTable || m.heading || m.chars > LAYOUT_CELL_CHARS || m.blocks > LAYOUT_CELL_BLOCKS) return true;
      }
    }
  }
  return widest <= 1 || (rowsWithCells === 1 && widest <= LAYOUT_SINGLE_ROW_CELLS);
}

/** A span attribute as the HTML standard parses it: leading digits; absent, junk or negative is 1. */
export function parseSpan(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) || n < 0 ? 1 : Math.min(n, MAX_SPAN);
}
