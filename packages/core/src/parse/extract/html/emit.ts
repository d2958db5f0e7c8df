import { LineSink, BLOCKS, isChromeLine } from './lines.js';
import { cellsOf, isLayout, MAX_SPAN, parseSpan, tableShape } from './shape.js';
import type { ElementNode, TreeNode } from './tree.js';
import type { DocumentNode, TableCell } from '../../document.js';
import { ParseError } from '../../errors.js';

// ---------------------------------------------------------------------------------------------
// The walk

/** Steps the grid placement may take over all tables: only absurd spans on huge tables reach it. */
const MAX_GRID_STEPS = 50_000_000;

export class Emitter {
  readonly nodes: DocumentNode[] = [];
  private tables = 0;
  private gridSteps = 0;
  private readonly page: LineSink;

  constructor(
    private readonly lineOf: (index: number) => number,
    private readonly file: string | undefined,
  ) {
    this.page = new LineSink((text, start) => {
      if (!isChromeLine(text)) this.nodes.push({ kind: 'line', text, at: { line: this.lineOf(start) } });
    });
  }

  run(root: ElementNode): void {
    this.walk(root, this.page, false);
    this.page.end();
  }

  /** Emits the text of an element's children into `sink`; `inCell` when inside a data table's cell. */
  private walk(element: ElementNode, sink: LineSink, inCell: boolean): void {
    for (const child of element.children) {
      if ('text' in child) {
        sink.text(child.text, child.start);
        continue;
      }
      const name = child.name;
      if (name === 'br') {
        sink.end();
        continue;
      }
      if (name === 'table') {
        sink.end();
        if (inCell) this.flatten(child, sink);
        else this.table(child);
        sink.end();
        continue;
      }
      const block = BLOCKS.has(name);
      if (block) sink.end();
      if (name === 'pre') sink.pre += 1;
      this.walk(child, sink, inCell);
      if (name === 'pre') sink.pre -= 1;
      if (block) sink.end();
    }
  }

  private walkAll(nodes: readonly TreeNode[], sink: LineSink, inCell: boolean): void {
    for (const node of nodes) {
      if ('text' in node) sink.text(node.text, node.start);
      else this.walk({ name: '#group', start: node.start, children: [node] }, sink, inCell);
    }
    sink.end();
  }

  /** A table at page level: read through if it is layout, else emitted with its cells. */
  private table(table: ElementNode): void {
    const shape = tableShape(table);
    this.walkAll(shape.stray, this.page, false);
    for (const caption of shape.captions) this.walkAll([caption], this.page, false);
    if (isLayout(shape)) {
      for (const group of shape.groups) {
        for (const row of group) {
          for (const cell of cellsOf(row, [])) this.walkAll([cell], this.page, false);
        }
      }
      return;
    }
    const index = this.tables;
    this.tables += 1;
    const rows: TableCell[][] = [];
    /** Per grid column, the first row no longer covered by a rowspan from above. */
    const covered: number[] = [];
    let r = 0;
    for (const group of shape.groups) {
      // Browsers end a rowspan at the end of its row group (rowspan="0" means "to the end"): the
      // spans reported are the ones drawn, so "rowspan=99999" on a last row reads as 1.
      const groupEnd = r + group.length;
      for (const row of group) {
        const cells: TableCell[] = [];
        let column = 0;
        for (const cell of cellsOf(row, [])) {
          while ((covered[column] ?? 0) > r) {
            column += 1;
            this.step(table);
          }
          const colSpan = Math.max(1, parseSpan(cell.colSpan));
          const asked = parseSpan(cell.rowSpan);
          const rowSpan = Math.min(asked === 0 ? MAX_SPAN : asked, groupEnd - r);
          if (rowSpan > 1) {
            for (let c = column; c < column + colSpan; c += 1) {
              covered[c] = Math.max(covered[c] ?? 0, r + rowSpan);
              this.step(table);
            }
          }
          cells.push({
            text: this.cellText(cell),
            row: r,
            column,
            rowSpan,
            colSpan,
            at: { line: this.lineOf(cell.start), table: index, row: r, column },
          });
          column += colSpan;
        }
        rows.push(cells);
        r += 1;
      }
    }
    this.nodes.push({ kind: 'table', rows, at: { line: this.lineOf(table.start), table: index } });
  }

  private step(table: ElementNode): void {
    this.gridSteps += 1;
    if (this.gridSteps > MAX_GRID_STEPS) {
      throw new ParseError(
        'corrupt',
        `网页第 ${this.lineOf(table.start)} 行的表格合并单元格的行列数异常，无法读取`,
        this.file,
      );
    }
  }

  private cellText(cell: ElementNode): string {
    const lines: string[] = [];
    const sink = new LineSink((text) => lines.push(text));
    this.walk(cell, sink, true);
    sink.end();
    return lines.join('\n');
  }

  /**
   * A table inside a data table's cell. Only small ones get here (a bigger one makes the outer
   * table layout): each of its rows becomes one line of the cell, its cells joined by a space,
   * since the intermediate document has no nested tables and a label pair reads well that way.
   */
  private flatten(table: ElementNode, sink: LineSink): void {
    const shape = tableShape(table);
    this.walkAll([...shape.stray, ...shape.captions], sink, true);
    for (const group of shape.groups) {
      for (const row of group) {
        const texts = cellsOf(row, [])
          .map((cell) => this.cellText(cell))
          .filter((text) => text !== '');
        if (texts.length > 0) sink.text(texts.join(' '), row.start);
        sink.end();
      }
    }
  }
}
