/*
 * The glyph run, in a file of its own: text items (text.ts) and turned text (turned.ts) are both
 * runs, and text.ts imports turned.ts, so turned.ts cannot take the type from text.ts (a circle).
 */

/** A glyph run in display space: y grows downwards from the page's top edge, in points. */
export interface Run {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline. */
  readonly y: number;
  /** Font size (height of an em). */
  readonly size: number;
}
