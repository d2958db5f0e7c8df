import { describe, expect, it } from 'vitest';
import { findGrids, gridTable } from './grids.js';
import type { Rule } from './rules.js';
import type { Run } from './text.js';
import { intoFrame, isRotation, turnedMiddle, turnOf, type Turn, type TurnedRun } from './turned.js';

/** A 2 × 2 ruled grid: columns 100–150–200, rows 100–200–220 (a tall header row over a value row). */
const rules = (): { horizontal: Rule[]; vertical: Rule[] } => ({
  horizontal: [100, 200, 220].map((at) => ({ at, from: 100, to: 200 })),
  vertical: [100, 150, 200].map((at) => ({ at, from: 100, to: 220 })),
});

const EM = 10;

/**
 * A column of `text` turned `turn`, one em per character, its baseline at display x `baseline`,
 * starting at display y `start` (the bottom end for `up`, the top end for `down`).
 */
function turnedColumn(turn: Turn, text: string, baseline: number, start: number): TurnedRun {
  const [x, y] = intoFrame(turn, baseline, start);
  return { text, x0: x, x1: x + EM * text.length, y, size: EM, turn };
}

const upright = (text: string, x: number, y: number): Run => ({ text, x0: x, x1: x + 5, y, size: EM });

describe('text turned a quarter turn', () => {
  it('tells a quarter turn either way from a watermark’s slant or a sheared glyph', () => {
    expect(turnOf(0, -1, true)).toBe('up');
    expect(turnOf(0, 1, true)).toBe('down');
    expect(turnOf(0.7, -0.7, true)).toBeUndefined();
    expect(turnOf(0, -1, false)).toBeUndefined();
    expect(isRotation(0, 0.75, -0.75, 0)).toBe(true);
    expect(isRotation(1, 0, 0.3, 1)).toBe(false);
  });

  it('stands where its glyphs are on the page', () => {
    // Read upwards from y 190 with its baseline at x 130: the glyphs lie left of the baseline, above 190.
    const [x, y] = turnedMiddle(turnedColumn('up', '结果维持', 130, 190));
    expect(x).toBeCloseTo(125);
    expect(y).toBeCloseTo(170);
    const [x2, y2] = turnedMiddle(turnedColumn('down', '总计', 120, 110));
    expect(x2).toBeCloseTo(125);
    expect(y2).toBeCloseTo(120);
  });

  it('reads as the text of the ruled cell it stands in, wrapped lines in reading order', () => {
    const { horizontal, vertical } = rules();
    const [grid] = findGrids(horizontal, vertical);
    // Read upwards, a wrapped header's first line is the left one; read downwards, the right one.
    const turned = [
      turnedColumn('up', '维持', 134, 190),
      turnedColumn('up', '结果', 122, 190),
      // A stamp's text turned in the margin is no cell's.
      turnedColumn('up', '内部资料', 60, 190),
    ];
    const runs = [upright('3', 120, 215), upright('0', 170, 215)];
    const table = gridTable(grid as NonNullable<typeof grid>, runs, turned);
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['结果维持', ''],
      ['3', '0'],
    ]);
    expect(turned.map((run) => run.text)).toEqual(['内部资料']);
    const other = [turnedColumn('down', '尚未', 180, 110), turnedColumn('down', '审结', 168, 110)];
    const second = gridTable(grid as NonNullable<typeof grid>, [upright('1', 120, 215)], other);
    expect(second?.rows[0]?.map((cell) => cell.text)).toEqual(['', '尚未审结']);
  });
});
