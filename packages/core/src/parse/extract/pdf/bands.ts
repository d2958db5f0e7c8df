import type { Grid } from './grids.js';
import { visualLines } from './lines.js';
import type { Rule } from './rules.js';
import type { Run } from './text.js';

/*
 * Tables ruled only horizontally: a rule under every row and none between the columns (a style
 * WPS and Word users pick, and sites' PDF printers). With no vertical rules there is no grid, and
 * read as lines a label wrapped in its row ("行政规范性" / "文件") splits around the row's figures.
 * Three or more rules of one extent, one above the other, with text between them in two or more
 * columns, are taken as such a table: its rows are the bands between the rules, its columns the
 * gaps that the text of every band leaves open, and it is handed on as a grid whose column rules
 * are those gaps. A band holding two or more lines of columns is several rows under one rule (a
 * three-line table's body): then no table is made, and the lines stay lines, as before.
 */

/** Rules this close (in points) at their ends are of one extent. */
const SAME_EXTENT = 3;
/** A gap between columns is at least this wide (points): wider than a space between words. */
const MIN_COLUMN_GAP = 6;

/** Groups rules of the same extent (from, to), three or more, top to bottom. */
function ruleStacks(horizontal: readonly Rule[]): Rule[][] {
  const stacks: Rule[][] = [];
  for (const rule of [...horizontal].sort((p, q) => p.at - q.at)) {
    const stack = stacks.find(
      (s) =>
        Math.abs((s[0] as Rule).from - rule.from) <= SAME_EXTENT &&
        Math.abs((s[0] as Rule).to - rule.to) <= SAME_EXTENT,
    );
    if (stack) stack.push(rule);
    else stacks.push([rule]);
  }
  return stacks.filter((stack) => stack.length >= 3);
}

/** The column gaps (their middles) that the runs leave open across [from, to]. */
function columnGaps(runs: readonly Run[], from: number, to: number): number[] {
  const spans = runs.map((run) => [run.x0, run.x1] as const).sort((p, q) => p[0] - q[0]);
  const gaps: number[] = [];
  let end = from;
  for (const [x0, x1] of spans) {
    if (x0 - end >= MIN_COLUMN_GAP && end > from) gaps.push((end + x0) / 2);
    end = Math.max(end, x1);
  }
  return gaps.filter((x) => x > from && x < to);
}

/** Horizontally ruled tables among rules that make no grid, as grids with their columns found from the text. */
export function bandGrids(horizontal: readonly Rule[], vertical: readonly Rule[], runs: readonly Run[]): Grid[] {
  if (vertical.length > 0 && horizontal.length > 200) return [];
  const grids: Grid[] = [];
  for (const stack of ruleStacks(horizontal)) {
    const from = Math.min(...stack.map((rule) => rule.from));
    const to = Math.max(...stack.map((rule) => rule.to));
    const ys = stack.map((rule) => rule.at);
    const top = ys[0] as number;
    const bottom = ys.at(-1) as number;
    // A run is in the table where its middle (half an em above the baseline) is.
    const inside = runs.filter((run) => {
      const middle = run.y - run.size / 2;
      return middle > top && middle < bottom && run.x0 >= from - SAME_EXTENT && run.x1 <= to + SAME_EXTENT;
    });
    const gaps = columnGaps(inside, from, to);
    if (gaps.length === 0) continue;
    const severalRows = ys.slice(1).some((y, i) => {
      const band = inside.filter((run) => run.y - run.size / 2 > (ys[i] as number) && run.y - run.size / 2 < y);
      return visualLines([...band]).filter((line) => line.fragments.length >= 2).length >= 2;
    });
    if (severalRows) continue;
    const xs = [from, ...gaps, to];
    grids.push({ xs, ys, horizontal: stack, vertical: gaps.map((at) => ({ at, from: top, to: bottom })) });
  }
  return grids;
}
