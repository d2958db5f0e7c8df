import type { Run } from './run.js';

/*
 * Text turned a quarter turn inside a table cell: Word's and WPS's "文字方向" on a narrow column's
 * header, a browser's `writing-mode: sideways-lr`, a spreadsheet's 90° header. Its glyphs are
 * rotated on the page, so they make no line with the upright text; outside a ruled table such
 * text is a stamp or a margin note and is left out, but inside a cell it is the cell's text.
 *
 * A turned run is kept in its own frame, the page turned so that its text stands upright: `x0`,
 * `x1` along its reading direction, `y` its baseline across it, so that the line builder can join
 * its glyphs and wrapped lines as it does upright ones.
 */

/** `up`: read from the bottom of the page to the top (turned left); `down`: top to bottom (turned right). */
export type Turn = 'up' | 'down';

export interface TurnedRun extends Run {
  readonly turn: Turn;
}

/** A display-space point (y downwards) in the frame of `turn`: reading direction along x, lines down y. */
export function intoFrame(turn: Turn, x: number, y: number): [number, number] {
  // Read upwards, a cell's lines follow one another to the right; read downwards, to the left.
  return turn === 'up' ? [-y, x] : [y, -x];
}

/** A frame point of `turn` back in display space. */
function outOfFrame(turn: Turn, x: number, y: number): [number, number] {
  return turn === 'up' ? [y, -x] : [-y, x];
}

/** The display-space middle of a turned run: where it stands on the page (half an em off its baseline, half-way along). */
export function turnedMiddle(run: TurnedRun): [number, number] {
  return outOfFrame(run.turn, (run.x0 + run.x1) / 2, run.y - run.size / 2);
}

/** Whether the matrix `[a b; c d]` turns glyphs (and scales them alike both ways) without slanting them. */
export function isRotation(a: number, b: number, c: number, d: number): boolean {
  const scale = Math.hypot(a, b);
  return Math.abs(a * c + b * d) < 0.01 * scale * scale && Math.abs(Math.hypot(c, d) - scale) < 0.01 * scale;
}

/**
 * Which way a glyph is turned, from its reading direction in display space (`dx`, `dy`: y
 * downwards) and whether its matrix is a rotation without shear; undefined when it is not a quarter turn.
 */
export function turnOf(dx: number, dy: number, rotation: boolean): Turn | undefined {
  if (!rotation || Math.abs(dx) > 0.01 * Math.abs(dy)) return undefined;
  return dy < 0 ? 'up' : 'down';
}
