import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, tableCellIds } from '../model/cells.js';
import { layoutTables, type LayoutTable } from './tables.js';

/** Places every cell on a grid, failing on overlaps, and returns the occupied grid. */
function occupy(table: LayoutTable): (string | undefined)[][] {
  const width = table.widths.length;
  const grid: (string | undefined)[][] = table.rows.map(() => new Array<string | undefined>(width).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c += 1;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc += 1) {
          const target = grid[r + dr];
          if (!target) throw new Error(`row span past the table at row ${r}`);
          if (target[c + dc] !== undefined || c + dc >= width)
            throw new Error(`overlap or overflow at ${r + dr},${c + dc}`);
          target[c + dc] = cell.cellId ?? cell.text ?? '';
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid;
}

describe.each(
  REPORT_FORMATS.flatMap((format) => (['subRows', 'single'] as const).map((other) => [format, other] as const)),
)('layout %s, (六) as %s', (format, other) => {
  it('fills a rectangular grid with no overlaps', () => {
    for (const table of layoutTables(format, other)) {
      const grid = occupy(table);
      for (const row of grid) expect(row.every((slot) => slot !== undefined)).toBe(true);
    }
  });

  it('shows every cell of the format exactly once, in table order', () => {
    for (const table of layoutTables(format, other)) {
      const shown = table.rows.flatMap((row) => row.flatMap((cell) => (cell.cellId ? [cell.cellId] : [])));
      expect(shown).toEqual(tableCellIds(table.id, format, format === '2019' ? 'single' : other));
    }
  });
});

describe('section 三 layout', () => {
  it('spans 三、本年度办理结果 over every outcome row and (七)总计', () => {
    const s3 = layoutTables('2021', 'subRows')[1] as LayoutTable;
    const heading = s3.rows.flat().find((cell) => cell.text === '三、本年度办理结果');
    // 予以公开, 部分公开, 8 不予公开, 3 无法提供, 5 不予处理, 3 其他处理, (七)总计.
    expect(heading?.rowSpan).toBe(22);
    expect(s3.rows.flat().find((cell) => cell.text === '（三）不予公开')?.rowSpan).toBe(8);
  });
});
