import { asMatrix, multiply, type Matrix } from './matrix.js';
import type { PdfJs } from './pdfjs.js';

/* ---------------------------------------------------------------------------------------------
 * Ruled tables. Word, WPS, LibreOffice and pdfmake draw a table's borders as stroked lines or
 * thin filled rectangles. The rules, in display space, give the grid; a missing rule between
 * two grid cells is a merged cell. Text inside is assigned to cells by position, so a label
 * wrapped over three lines in its cell, or a row's figures centred beside it, read as the cells
 * they are rather than as interleaved visual lines.
 * ------------------------------------------------------------------------------------------- */

/** A horizontal (`at` = y, from `from` to `to` in x) or vertical (`at` = x, along y) rule. */
export interface Rule {
  readonly at: number;
  from: number;
  to: number;
}

/** Rules thicker than this are filled areas (shading), not borders. */
const RULE_MAX_THICKNESS = 3;

/** Collects straight horizontal and vertical strokes and hairline fills, from any engine's paths. */
export function ruleSink() {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const addSegment = (x0: number, y0: number, x1: number, y1: number): void => {
    if (Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) > 1) {
      horizontal.push({ at: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
    } else if (Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) > 1) {
      vertical.push({ at: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
    }
  };
  const addBox = (xs: number[], ys: number[]): void => {
    // A filled rule is a rectangle: four corners, perhaps the first repeated.
    if (xs.length > 5) return;
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (bottom - top <= RULE_MAX_THICKNESS && right - left > bottom - top)
      addSegment(left, (top + bottom) / 2, right, (top + bottom) / 2);
    else if (right - left <= RULE_MAX_THICKNESS && bottom - top > right - left)
      addSegment((left + right) / 2, top, (left + right) / 2, bottom);
  };
  return {
    /** One path in pdf.js's encoding (see addPath), placed through `ctm`. */
    add: (path: ArrayLike<number>, filled: boolean, ctm: Matrix): void =>
      addPath(path, filled, ctm, addSegment, addBox),
    rules: () => ({ horizontal: mergeRules(horizontal), vertical: mergeRules(vertical) }),
  };
}

/** Collects the page's straight horizontal and vertical strokes and hairline fills from pdf.js's operators. */
export function pageRules(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS'], viewport: Matrix) {
  const sink = ruleSink();
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  let ctm = viewport;
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, asMatrix(args as number[]) ?? [1, 0, 0, 1, 0, 0]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const matrix = asMatrix(args?.[0] as Float32Array | null);
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const path = (args[1] as (Float32Array | null)[] | undefined)?.[0];
      if (!path || !(strokes.has(paint) || fills.has(paint))) return;
      sink.add(path, fills.has(paint), ctm);
    }
  });
  return sink.rules();
}

type AddSegment = (x0: number, y0: number, x1: number, y1: number) => void;

/**
 * Adds the straight subpaths of one constructPath in display space (through `ctm`): a filled
 * one as a box (which is a rule when thin), a stroked one as its segments. A subpath with curves
 * is no rule.
 */
function addPath(
  path: ArrayLike<number>,
  filled: boolean,
  ctm: Matrix,
  addSegment: AddSegment,
  addBox: (xs: number[], ys: number[]) => void,
): void {
  const [a, b, c, d, e, f] = ctm;
  const point = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
  // Split into subpaths of straight segments; a subpath with curves is no rule.
  let xs: number[] = [];
  let ys: number[] = [];
  let curved = false;
  const flush = (closed: boolean): void => {
    if (!curved && xs.length >= 2) {
      if (filled) addBox(xs, ys);
      else {
        for (let k = 1; k < xs.length; k += 1)
          addSegment(xs[k - 1] as number, ys[k - 1] as number, xs[k] as number, ys[k] as number);
        if (closed) addSegment(xs.at(-1) as number, ys.at(-1) as number, xs[0] as number, ys[0] as number);
      }
    }
    xs = [];
    ys = [];
    curved = false;
  };
  for (let k = 0; k < path.length;) {
    const op = path[k];
    if (op === 0 || op === 1) {
      if (op === 0) flush(false);
      const [x, y] = point(path[k + 1] as number, path[k + 2] as number);
      xs.push(x);
      ys.push(y);
      k += 3;
    } else if (op === 2) {
      curved = true;
      k += 7;
    } else if (op === 3) {
      curved = true;
      k += 5;
    } else {
      // closePath: the next segment starts again from the subpath's first point.
      const [x0, y0] = [xs[0], ys[0]];
      flush(true);
      if (x0 !== undefined && y0 !== undefined) {
        xs.push(x0);
        ys.push(y0);
      }
      k += 1;
    }
  }
  flush(false);
}

/** Joins rules on one line (within a point) that touch or overlap. */
function mergeRules(rules: Rule[]): Rule[] {
  rules.sort((p, q) => p.at - q.at);
  const merged: Rule[] = [];
  for (let start = 0; start < rules.length;) {
    let end = start + 1;
    while (end < rules.length && (rules[end] as Rule).at - (rules[start] as Rule).at <= 1) end += 1;
    const line = rules.slice(start, end).sort((p, q) => p.from - q.from);
    let current: Rule | undefined;
    for (const rule of line) {
      if (current && rule.from <= current.to + 2) current.to = Math.max(current.to, rule.to);
      else merged.push((current = { ...rule }));
    }
    start = end;
  }
  return merged;
}
