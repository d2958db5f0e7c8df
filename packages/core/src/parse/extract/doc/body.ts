import { cellText, type CellBuild, type Item, type RowBuild } from './cells.js';
import type { ParagraphProps } from './properties.js';

/**
 * Builds the body from the text's paragraphs as they end: a paragraph mark (0x0D) or a cell
 * mark (0x07) with the paragraph's properties says whether the text was body text, a cell's
 * paragraph, the end of a cell, the end of a row, or the same one table deeper.
 */
export class BodyReader {
  readonly body: Item[] = [];
  tablesWithoutRows = 0;
  private text: string[] = [];
  /** Text boxes anchored in the current paragraph, read after it. */
  private anchored: string[] = [];
  private rows: RowBuild[] = [];
  private row: CellBuild[] = [];
  private cell: CellBuild = { items: [] };
  private nestedRows: RowBuild[] = [];
  private nestedRow: CellBuild[] = [];
  private nestedCell: string[] = [];

  /** A character of the current paragraph, and the lines of any text box anchored at it. */
  char(text: string, box: readonly string[] | undefined): void {
    if (box) this.anchored.push(...box);
    this.text.push(text);
  }

  /** Whether the last paragraph has no mark: text or anchored boxes are pending. */
  get pending(): boolean {
    return this.text.length > 0 || this.anchored.length > 0;
  }

  private closeNested(): void {
    if (this.nestedCell.length > 0) this.nestedRow.push({ items: this.nestedCell });
    if (this.nestedRow.length > 0) this.nestedRows.push({ cells: this.nestedRow, def: undefined });
    if (this.nestedRows.length > 0) this.cell.items.push({ rows: this.nestedRows });
    this.nestedRows = [];
    this.nestedRow = [];
    this.nestedCell = [];
  }

  closeTable(): void {
    this.closeNested();
    if (this.cell.items.length > 0) this.row.push(this.cell);
    this.cell = { items: [] };
    if (this.rows.length > 0) this.body.push({ rows: this.rows });
    this.rows = [];
    if (this.row.length > 0) {
      // Cells with no row end (their row marks could not be read): one tab-separated line,
      // which the reader reads as table rows are.
      this.body.push(this.row.map(cellText).join('\t'));
      this.tablesWithoutRows += 1;
    }
    this.row = [];
  }

  /** Ends the current paragraph with mark `code` (0x0D, 0x07 or 0x0C) and the properties at its mark. */
  paragraphEnd(code: number, props: ParagraphProps | undefined): void {
    const content = this.text.join('');
    const boxed = this.anchored;
    this.text = [];
    this.anchored = [];
    const depth = props ? Math.max(props.depth, props.inTable ? 1 : 0) : 0;
    if (depth === 0 && code !== 0x07) {
      this.closeTable();
      this.body.push(content, ...boxed);
      return;
    }
    if (depth > 1 && props) {
      this.nestedParagraph(content, boxed, props, depth);
      return;
    }
    this.closeNested();
    if (code === 0x07 && props?.ttp) {
      this.rows.push({ cells: this.row, def: props.row });
      this.row = [];
      return;
    }
    this.cell.items.push(content, ...boxed);
    if (code === 0x07) {
      this.row.push(this.cell);
      this.cell = { items: [] };
    }
  }

  /** A paragraph of a table inside a cell: its rows are kept to be flattened into the cell's text. */
  private nestedParagraph(content: string, boxed: string[], props: ParagraphProps, depth: number): void {
    if (props.innerTtp) {
      if (this.nestedCell.length > 0) this.nestedRow.push({ items: this.nestedCell });
      this.nestedRows.push({ cells: this.nestedRow, def: props.row });
      this.nestedRow = [];
      this.nestedCell = [];
    } else {
      this.nestedCell.push(content, ...boxed);
      if (props.innerCell && depth === 2) {
        this.nestedRow.push({ items: this.nestedCell });
        this.nestedCell = [];
      }
    }
  }
}
