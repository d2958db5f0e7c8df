import type { OcrRule } from '@xxgk/core';
import type { Bitmap } from './detect.js';

/*
 * A scanned table's ruling lines, found in the bitmap: long straight runs of dark pixels, across
 * for horizontal rules and down for vertical ones. Core rebuilds the table from them as it does
 * from the strokes of a PDF with a text layer (merged cells from missing rules).
 */

/** Darker than this (of 255) is ink. */
const INK = 160;
/** Shortest rule, in points: longer than any stroke of a character at report sizes. */
const MIN_ACROSS_PT = 28;
const MIN_DOWN_PT = 16;
/**
 * A rule seen in several adjacent pixel rows is one rule; a band thicker than this is a fill, or a
 * stroke of something else: a seal's ring (1 mm, 3 pt, and more where it curves across pixel rows),
 * a bold title's downstrokes. A table's rules print at 0.5–1.5 pt.
 */
const MAX_THICKNESS_PT = 2;
/** How near (in points) a rule's end or line must come to another's to meet it. */
const MEET_PT = 2;
/** Specks of white in a scanned rule (noise, a worn print) up to this many pixels do not break it. */
const MAX_GAP_PX = 4;

interface Segment {
  at: number;
  from: number;
  to: number;
  last: number;
  first: number;
}

/** Runs of ink at least `min` long along each line of pixels (`lines` × `length`, `ink` line after line). */
function segments(lines: number, length: number, ink: Uint8Array, min: number, maxThickness: number): Segment[] {
  const open: Segment[] = [];
  const done: Segment[] = [];
  for (let line = 0; line < lines; line += 1) {
    let start = -1;
    let end = -1;
    const found: [number, number][] = [];
    for (let along = 0; along <= length; along += 1) {
      const dark = along < length && ink[line * length + along] === 1;
      if (dark) {
        if (start < 0) start = along;
        end = along + 1;
      } else if (start >= 0 && along - end >= MAX_GAP_PX) {
        if (end - start >= min) found.push([start, end]);
        start = -1;
      }
    }
    if (start >= 0 && end - start >= min) found.push([start, end]);
    for (const [from, to] of found) {
      const joined = open.find((s) => s.last === line - 1 && from < s.to && to > s.from);
      if (joined) {
        joined.last = line;
        joined.from = Math.min(joined.from, from);
        joined.to = Math.max(joined.to, to);
      } else open.push({ at: 0, from, to, first: line, last: line });
    }
    for (let i = open.length - 1; i >= 0; i -= 1) {
      const segment = open[i] as Segment;
      if (segment.last < line) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);
  const rules = done
    .filter((s) => s.last - s.first + 1 <= maxThickness)
    .map((s) => ({ ...s, at: (s.first + s.last + 1) / 2 }));
  return collinear(rules);
}

/** Pieces of one rule (split where noise thinned it to another pixel row) joined again. */
function collinear(rules: Segment[]): Segment[] {
  rules.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Segment[] = [];
  for (const rule of rules) {
    const same = out.find(
      (o) => Math.abs(o.at - rule.at) <= 2 && rule.from <= o.to + MAX_GAP_PX && rule.to >= o.from - MAX_GAP_PX,
    );
    if (same) {
      same.from = Math.min(same.from, rule.from);
      same.to = Math.max(same.to, rule.to);
    } else out.push(rule);
  }
  return out;
}

/** The page's horizontal and vertical rules, in points from its top-left corner. */
export function pageRules(page: Bitmap, pixelsPerPoint: number): { horizontal: OcrRule[]; vertical: OcrRule[] } {
  const { data, width, height } = page;
  const toPoints = (s: Segment): OcrRule => ({
    at: s.at / pixelsPerPoint,
    from: s.from / pixelsPerPoint,
    to: s.to / pixelsPerPoint,
  });
  const thickness = Math.max(2, Math.round(MAX_THICKNESS_PT * pixelsPerPoint));
  // Ink marked once, and turned for the vertical rules: the runs down a column are then read
  // along memory, as those across a row are.
  const across = new Uint8Array(width * height);
  const down = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if ((data[y * width + x] as number) >= INK) continue;
      across[y * width + x] = 1;
      down[x * height + y] = 1;
    }
  }
  const horizontal = segments(height, width, across, MIN_ACROSS_PT * pixelsPerPoint, thickness);
  const vertical = segments(width, height, down, MIN_DOWN_PT * pixelsPerPoint, thickness);
  return connected(horizontal.map(toPoints), vertical.map(toPoints));
}

/** Whether a horizontal rule and a vertical one meet (cross, or one ends on the other). */
function meet(h: OcrRule, v: OcrRule): boolean {
  return v.at >= h.from - MEET_PT && v.at <= h.to + MEET_PT && h.at >= v.from - MEET_PT && h.at <= v.to + MEET_PT;
}

/**
 * Only rules of a table: each meets a rule across it. A table's rules all do; a short straight run
 * of a seal's ring, a star's edge or a character's stroke in a grey scan stands alone, and would
 * split a cell of the grid in two (section 四's values then stand in other columns).
 */
function connected(horizontal: OcrRule[], vertical: OcrRule[]): { horizontal: OcrRule[]; vertical: OcrRule[] } {
  let [h, v] = [horizontal, vertical];
  for (;;) {
    const keptH = h.filter((rule) => v.some((other) => meet(rule, other)));
    const keptV = v.filter((rule) => keptH.some((other) => meet(other, rule)));
    if (keptH.length === h.length && keptV.length === v.length) return { horizontal: h, vertical: v };
    [h, v] = [keptH, keptV];
  }
}
