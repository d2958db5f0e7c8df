import type { DocumentNode, ExtractMessage, ExtractedDocument, Fragment, TableCell } from '../document.js';
import { ParseError } from '../errors.js';
import { checkPdfStreams } from './pdf-streams.js';
import type { ExtractOptions, Extractor } from './types.js';

/*
 * PDF → intermediate document, with pdf.js (its legacy build, which runs in Node ≥ 20 and in
 * browsers). A PDF has no lines or tables, only glyph runs and strokes placed on a page:
 *
 * - tables drawn with ruling lines (as Word, WPS, LibreOffice and pdfmake draw them) are
 *   rebuilt from the rules, with merged cells, and their text assigned to cells by position;
 * - all other text is grouped into visual lines by baseline, each split into fragments with
 *   their horizontal extent where a wide gap leaves a column (a borderless table, a tab stop);
 * - running page numbers and headers are dropped;
 * - a PDF with no text layer (a scan) reads as no nodes and an error message, not an error.
 *
 * The caller's file is never touched: bytes in, document out. pdf.js gets no network, no
 * `eval`, no font loading into a DOM, and only the CMaps the caller's `readCMap` serves.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
type TextContentItem = Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number];

/** Built-in objects whose methods pdf.js's legacy build may overwrite with core-js polyfills. */
const GUARDED_BUILTINS: readonly object[] = [
  Array.prototype,
  JSON,
  Object,
  Promise,
  String.prototype,
  Map.prototype,
  Set.prototype,
  Function.prototype,
  Number,
  Math,
];

/**
 * Loads pdf.js and its worker, and puts back any built-in method their bundled core-js
 * replaced. On Node 20 the legacy build swaps `Array.prototype.push` for a JS version (to fix
 * a V8 edge case with non-writable lengths) and `JSON.parse`/`JSON.stringify` for JS
 * versions with extensions pdf.js does not use; that made every `push` and every JSON call of
 * the whole process several times slower (a quarter of pdf.js's own time went into the
 * replaced `push`). Methods it *adds* (Promise.withResolvers, Set methods…) stay: pdf.js needs
 * them. The `self` global its worker defines is removed again, so that other libraries do not
 * take Node for a web worker.
 */
async function importPdfJs(): Promise<PdfJs> {
  const saved = GUARDED_BUILTINS.map((target) => ({
    target,
    descriptors: new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)])),
  }));
  const hadSelf = Object.getOwnPropertyDescriptor(globalThis, 'self');
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    /*
     * Where there are no real workers (Node), pdf.js runs its worker on this thread and looks
     * for it on globalThis.pdfjsWorker, which importing it sets: done here, inside the window
     * in which replaced built-ins are put back. (A specifier in a variable: the worker ships
     * no type declarations.)
     */
    const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    await import(worker);
    return pdfjs;
  } finally {
    for (const { target, descriptors } of saved) {
      for (const [key, before] of descriptors) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (before && now && (before.value !== now.value || before.get !== now.get)) {
          Object.defineProperty(target, key, before);
        }
      }
    }
    if (!hadSelf) Reflect.deleteProperty(globalThis, 'self');
  }
}

let pdfjsModule: Promise<PdfJs> | undefined;
/** pdf.js is large (its worker too): loaded on the first PDF, not by every user of the core. */
const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjsModule ??= importPdfJs().catch((error: unknown) => {
    pdfjsModule = undefined;
    throw error;
  }));

/** The one kind of outside data pdf.js may ask for here: a CID font's character map. */
type ReadCMap = NonNullable<ExtractOptions['readCMap']>;

/**
 * pdf.js's `BinaryDataFactory`: it asks for CMaps ("UniGB-UCS2-H.bcmap"), standard-font data
 * and WASM decoders through it. Only CMaps are served, from the caller's `readCMap`; the rest is
 * refused, which pdf.js tolerates (it falls back to built-in metrics and JS decoders) and which
 * does not matter for text. Nothing is ever fetched from a URL. CMaps that could not be had
 * are noted in `missing`, for a message: without them a CID font's text reads as nothing.
 */
function binaryDataFactory(readCMap: ReadCMap | undefined, missing: Set<string>): new (options: unknown) => object {
  return class CMapOnlyFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl') throw new Error(`xxgk: no ${kind} data for ${filename}`);
      const name = filename.replace(/\.bcmap$/, '');
      try {
        if (!readCMap) throw new Error('no readCMap');
        return await readCMap(name);
      } catch (error) {
        missing.add(name);
        throw error;
      }
    }
  };
}

/** A glyph run in display space: y grows downwards from the page's top edge, in points. */
interface Run {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline. */
  readonly y: number;
  /** Font size (height of an em). */
  readonly size: number;
}

interface VisualLine {
  readonly text: string;
  readonly fragments: readonly Fragment[];
  /** Mean baseline. */
  readonly y: number;
}

/** A table found from the ruling lines drawn on a page, with its cells' text. */
interface PageTable {
  /** Top edge, for reading order. */
  readonly y: number;
  readonly rows: readonly (readonly {
    text: string;
    row: number;
    column: number;
    rowSpan: number;
    colSpan: number;
  }[])[];
}

interface PageContent {
  readonly lines: VisualLine[];
  readonly tables: readonly PageTable[];
  readonly height: number;
  /** Characters read on the page, in and out of tables. */
  readonly chars: number;
}

/**
 * Word/WPS exports often map common characters to the Kangxi radicals (⼀ U+2F00 for 一, ⽇ for
 * 日…) through their ToUnicode tables: they look the same but match no label. NFKC maps them
 * back; it is applied to them alone, as full NFKC would also rewrite full-width punctuation.
 */
const KANGXI_RADICAL = /[\u2f00-\u2fdf]/;
const KANGXI_RADICALS = /[\u2f00-\u2fdf]/g;
const normalizeText = (text: string): string =>
  KANGXI_RADICAL.test(text) ? text.replace(KANGXI_RADICALS, (c) => c.normalize('NFKC')) : text;

const isTextItem = (item: TextContentItem): item is Extract<TextContentItem, { str: string }> => 'str' in item;

/** Characters that take no space between them and a neighbour (CJK ideographs, kana, full-width forms and punctuation). */
const CJK_CHARS = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const CJK = new RegExp(`[${CJK_CHARS}]`);
/**
 * One space between two CJK characters: pdf.js puts one in where justified or spaced-out
 * Chinese ("本 机 关", "总 计") leaves a gap between glyphs; Chinese text has none.
 */
const SPACE_IN_CJK = new RegExp(`([${CJK_CHARS}]) (?=[${CJK_CHARS}])`, 'g');
/** Two or more spaces inside a run: columns typed with the space bar ("规章      3      0"). */
const TYPED_COLUMN_GAP = /\s{2,}/;

/**
 * Splits a run at runs of typed spaces into runs of its own, placed by their share of the
 * run's width (a CJK character counting as an em, anything else as half of one), so that the
 * gap logic can see the columns.
 */
function splitTypedColumns(run: Run): Run[] {
  const text = run.text.trim();
  if (!TYPED_COLUMN_GAP.test(text)) return [run];
  const weight = (part: string): number => [...part].reduce((sum, c) => sum + (CJK.test(c) ? 1 : 0.5), 0);
  const unit = (run.x1 - run.x0) / Math.max(weight(run.text), 1e-9);
  const runs: Run[] = [];
  let x = run.x0 + weight(run.text.slice(0, run.text.indexOf(text))) * unit;
  for (const part of text.split(/(\s{2,})/)) {
    const width = weight(part) * unit;
    if (part.trim() !== '') runs.push({ ...run, text: part, x0: x, x1: x + width });
    x += width;
  }
  return runs;
}

/*
 * Gaps are measured in ems of the larger of the two fonts. Glyphs of one word or CJK phrase
 * touch (a gap near 0); a Latin word space is about 0.25–0.35 em. Outside ruled tables (which
 * are split at their rules instead) a wider gap is a column boundary of a borderless table or
 * a tab stop: LibreOffice leaves as little as 0.58 em between a full cell and the next.
 */
const WIDE_GAP_EM = 0.5;
/** Below this, two runs are one word, even between Latin letters. */
const TOUCHING_GAP_EM = 0.1;
/** Runs whose baselines differ by less than this (in ems of the smaller font) share a line. */
const SAME_LINE_EM = 0.4;

type Matrix = readonly [number, number, number, number, number, number];

/** `m` then `n`: pdf.js's Util.transform. */
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const asMatrix = (values: ArrayLike<number> | null | undefined): Matrix | undefined =>
  values && values.length === 6
    ? [values[0] ?? 1, values[1] ?? 0, values[2] ?? 0, values[3] ?? 1, values[4] ?? 0, values[5] ?? 0]
    : undefined;

function pageRuns(items: readonly TextContentItem[], viewport: Matrix): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const itemMatrix = asMatrix(item.transform as number[]);
    if (!itemMatrix) continue;
    // The run's matrix in display space (the page's rotation and crop box applied, y downwards).
    const [a, b, c, d, e, f] = multiply(viewport, itemMatrix);
    const size = Math.hypot(c, d);
    // Only upright, left-to-right runs make lines: a rotated run is a watermark ("内部资料"
    // across the page) or a stamp, and would otherwise scatter its glyphs into the body's lines.
    if (a <= 0 || Math.abs(b) > 0.05 * a || Math.abs(c) > 0.05 * Math.abs(d) || size === 0) continue;
    const text = normalizeText(item.str).replace(SPACE_IN_CJK, '$1');
    runs.push(...splitTypedColumns({ text, x0: e, x1: e + Math.max(item.width, 0), y: f, size }));
  }
  return runs;
}

function joiner(left: string, right: string, gap: number, em: number): string {
  if (gap < TOUCHING_GAP_EM * em || /\s$/.test(left) || /^\s/.test(right)) return '';
  if (CJK.test(left.slice(-1)) || CJK.test(right.charAt(0))) return '';
  return ' ';
}

/**
 * One visual line from runs on one baseline: sorted left to right and split into fragments at
 * gaps wider than `wideGap` ems (`Infinity`: one fragment).
 */
function buildLine(runs: Run[], wideGap: number): VisualLine {
  runs.sort((p, q) => p.x0 - q.x0);
  const fragments: Fragment[] = [];
  let text = '';
  let x0 = 0;
  let x1 = 0;
  let last: Run | undefined;
  for (const run of runs) {
    const em = last ? Math.max(last.size, run.size) : run.size;
    // Some producers draw a run twice, slightly offset, to fake bold: keep one copy.
    if (last && run.text === last.text && Math.abs(run.x0 - last.x0) < 0.3 * em) continue;
    const gap = last ? run.x0 - x1 : 0;
    if (last && gap <= wideGap * em) {
      text += joiner(text, run.text, gap, em) + run.text;
      x1 = Math.max(x1, run.x1);
    } else {
      if (last) fragments.push({ text: text.trim(), x0, x1 });
      text = run.text;
      x0 = run.x0;
      x1 = run.x1;
    }
    last = run;
  }
  if (last) fragments.push({ text: text.trim(), x0, x1 });
  const kept = fragments.filter((fragment) => fragment.text !== '');
  const y = runs.reduce((sum, run) => sum + run.y, 0) / Math.max(runs.length, 1);
  return { text: kept.map((fragment) => fragment.text).join('\t'), fragments: kept, y };
}

/** Groups runs into visual lines, top to bottom. */
function visualLines(runs: Run[], wideGap = WIDE_GAP_EM): VisualLine[] {
  runs.sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const lines: VisualLine[] = [];
  let current: Run[] = [];
  let anchor: Run | undefined;
  for (const run of runs) {
    if (anchor && run.y - anchor.y > SAME_LINE_EM * Math.min(anchor.size, run.size)) {
      lines.push(buildLine(current, wideGap));
      current = [];
      anchor = undefined;
    }
    anchor ??= run;
    current.push(run);
  }
  if (current.length > 0) lines.push(buildLine(current, wideGap));
  return lines.filter((line) => line.text !== '');
}

/* ---------------------------------------------------------------------------------------------
 * Ruled tables. Word, WPS, LibreOffice and pdfmake draw a table's borders as stroked lines or
 * thin filled rectangles. The rules, in display space, give the grid; a missing rule between
 * two grid cells is a merged cell. Text inside is assigned to cells by position, so a label
 * wrapped over three lines in its cell, or a row's figures centred beside it, read as the cells
 * they are rather than as interleaved visual lines.
 * ------------------------------------------------------------------------------------------- */

/** A horizontal (`at` = y, from `from` to `to` in x) or vertical (`at` = x, along y) rule. */
interface Rule {
  readonly at: number;
  from: number;
  to: number;
}

/** Rules thicker than this are filled areas (shading), not borders. */
const RULE_MAX_THICKNESS = 3;
/** More horizontal × vertical rules than this on a page, and no tables are looked for. */
const MAX_RULE_PAIRS = 1_000_000;
/** A grid of more cells than this is a drawing (graph paper, a chart), not a table. */
const MAX_GRID_CELLS = 20_000;
/** Rules this close (in points) are one grid line: double borders, or a border drawn per cell. */
const GRID_SNAP = 3;

/** Collects the page's straight horizontal and vertical strokes and hairline fills. */
function pageRules(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS'], viewport: Matrix) {
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
      const [a, b, c, d, e, f] = ctm;
      const point = (x: number, y: number): [number, number] => [a * x + c * y + e, b * x + d * y + f];
      // Split into subpaths of straight segments; a subpath with curves is no rule.
      let xs: number[] = [];
      let ys: number[] = [];
      let curved = false;
      const flush = (closed: boolean): void => {
        if (!curved && xs.length >= 2) {
          if (fills.has(paint)) addBox(xs, ys);
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
  });
  return { horizontal: mergeRules(horizontal), vertical: mergeRules(vertical) };
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

/** Sorted positions with neighbours closer than GRID_SNAP merged. */
function snap(values: number[]): number[] {
  values.sort((p, q) => p - q);
  const out: number[] = [];
  for (const value of values) if (out.length === 0 || value - (out.at(-1) as number) > GRID_SNAP) out.push(value);
  return out;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    this.parent[i] = root;
    return root;
  }
  union(i: number, j: number): void {
    this.parent[this.find(i)] = this.find(j);
  }
}

interface Grid {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly horizontal: readonly Rule[];
  readonly vertical: readonly Rule[];
}

/** Groups crossing rules into tables, each with at least two columns. */
function findGrids(horizontal: Rule[], vertical: Rule[]): Grid[] {
  // Every pair is compared: a page of hatching or a vector drawing is no table worth that.
  if (horizontal.length * vertical.length > MAX_RULE_PAIRS) return [];
  const all = [...horizontal, ...vertical];
  const sets = new UnionFind(all.length);
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (
        v.at >= h.from - GRID_SNAP &&
        v.at <= h.to + GRID_SNAP &&
        h.at >= v.from - GRID_SNAP &&
        h.at <= v.to + GRID_SNAP
      ) {
        sets.union(i, horizontal.length + j);
      }
    });
  });
  const groups = new Map<number, { horizontal: Rule[]; vertical: Rule[] }>();
  all.forEach((rule, i) => {
    const root = sets.find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { horizontal: [], vertical: [] }));
    (i < horizontal.length ? group.horizontal : group.vertical).push(rule);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    if (group.horizontal.length < 2 || group.vertical.length < 2) continue;
    // Open-sided tables: the outermost horizontal rules' ends are edges too, and likewise.
    const xs = snap([...group.vertical.map((v) => v.at), ...group.horizontal.flatMap((h) => [h.from, h.to])]);
    const ys = snap([...group.horizontal.map((h) => h.at), ...group.vertical.flatMap((v) => [v.from, v.to])]);
    const cells = (xs.length - 1) * (ys.length - 1);
    if (xs.length >= 3 && ys.length >= 2 && cells <= MAX_GRID_CELLS) grids.push({ xs, ys, ...group });
  }
  return grids;
}

const covers = (rules: readonly Rule[], at: number, from: number, to: number): boolean => {
  const middle = (from + to) / 2;
  return rules.some((rule) => Math.abs(rule.at - at) <= GRID_SNAP && rule.from <= middle && rule.to >= middle);
};

/** Index of the grid interval holding `value`, or -1 outside. */
function interval(edges: readonly number[], value: number): number {
  if (value < (edges[0] as number) || value > (edges.at(-1) as number)) return -1;
  let i = 0;
  while (i < edges.length - 2 && value > (edges[i + 1] as number)) i += 1;
  return i;
}

/** Joins a cell's visual lines (and the fragments of each) as the wrapped text they are. */
function cellText(runs: Run[]): string {
  const parts = visualLines(runs, Infinity).map((line) => line.text);
  return parts.reduce((text, part) => (text === '' ? part : text + joiner(text, part, Infinity, 1) + part), '');
}

/** Builds the table of one grid, taking the runs that fall in it out of `runs`. */
function gridTable(grid: Grid, runs: Run[]): PageTable | undefined {
  const { xs, ys } = grid;
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  const sets = new UnionFind(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < columns; c += 1) {
      const [left, right, top, bottom] = [xs[c] as number, xs[c + 1] as number, ys[r] as number, ys[r + 1] as number];
      if (c + 1 < columns && !covers(grid.vertical, right, top, bottom))
        sets.union(r * columns + c, r * columns + c + 1);
      if (r + 1 < rows && !covers(grid.horizontal, bottom, left, right))
        sets.union(r * columns + c, (r + 1) * columns + c);
    }
  }
  const cells = new Map<number, { row: number; column: number; rowEnd: number; columnEnd: number; runs: Run[] }>();
  for (let i = 0; i < rows * columns; i += 1) {
    const root = sets.find(i);
    const [row, column] = [Math.floor(i / columns), i % columns];
    const cell = cells.get(root);
    if (!cell) cells.set(root, { row, column, rowEnd: row, columnEnd: column, runs: [] });
    else {
      cell.row = Math.min(cell.row, row);
      cell.column = Math.min(cell.column, column);
      cell.rowEnd = Math.max(cell.rowEnd, row);
      cell.columnEnd = Math.max(cell.columnEnd, column);
    }
  }
  const outside: Run[] = [];
  let taken = 0;
  for (const run of runs) {
    // A run belongs where its middle is: half an em above the baseline, half-way across.
    const column = interval(xs, (run.x0 + run.x1) / 2);
    const row = interval(ys, run.y - run.size / 2);
    const cell = column < 0 || row < 0 ? undefined : cells.get(sets.find(row * columns + column));
    if (!cell) {
      outside.push(run);
      continue;
    }
    cell.runs.push(run);
    taken += 1;
  }
  if (taken === 0) return undefined;
  runs.splice(0, runs.length, ...outside);
  const table: PageTable['rows'][number][number][][] = Array.from({ length: rows }, () => []);
  for (const cell of cells.values()) {
    table[cell.row]?.push({
      text: cellText(cell.runs),
      row: cell.row,
      column: cell.column,
      rowSpan: cell.rowEnd - cell.row + 1,
      colSpan: cell.columnEnd - cell.column + 1,
    });
  }
  for (const row of table) row.sort((p, q) => p.column - q.column);
  return { y: ys[0] as number, rows: table };
}

/* ------------------------------------------------------------------------------------------- */

/** "— 2 / 4 —", "- 2 -", "2", "第 2 页", "第2页 共4页", "2/4", "Page 2 of 4". */
const PAGE_NUMBER =
  /^[\s\-—–－―~·•]*(?:(?:第\s*)?(\d{1,4})\s*页?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?|page\s*(\d{1,4})(?:\s*of\s*\d{1,4})?)[\s\-—–－―~·•]*$/i;
/** How far from the top or bottom edge a running header or footer may stand, as a share of the page height. */
const MARGIN_BAND = 0.15;

const masked = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * Drops running page headers and footers: page numbers ("— 2 / 4 —", a bare "2") and a header
 * text repeated at the top or bottom of every page. They are not part of the report, and a
 * number left between a table's last row on one page and its next row on the next would be
 * read as a value of the table. Only the first or last line of a page, within the top or bottom
 * band of the page, is a candidate; a page number must match its page or recur on other pages,
 * and a running text must recur on every page after the first (Word's "different first page")
 * of a document of at least three pages.
 */
function dropRunningHeaders(pages: readonly PageContent[]): void {
  const edges = pages.map(({ lines, height }) => {
    const first = lines[0];
    const last = lines.at(-1);
    return {
      top: first && first.y < MARGIN_BAND * height ? first : undefined,
      bottom: last && last !== first && last.y > (1 - MARGIN_BAND) * height ? last : undefined,
    };
  });
  const pageNumberOf = (line: VisualLine | undefined): number | undefined => {
    const match = line ? PAGE_NUMBER.exec(line.text) : null;
    return match ? Number(match[1] ?? match[2]) : undefined;
  };
  const drop = new Set<VisualLine>();
  for (const side of ['top', 'bottom'] as const) {
    const numbered = edges.filter((edge) => pageNumberOf(edge[side]) !== undefined).length;
    edges.forEach((edge, index) => {
      const line = edge[side];
      const number = pageNumberOf(line);
      if (line && number !== undefined && (number === index + 1 || numbered >= 2)) drop.add(line);
    });
    const rest = edges.slice(1).map((edge) => edge[side]);
    const text = rest[0] ? masked(rest[0].text) : undefined;
    if (text && rest.length >= 2 && rest.every((line) => line && !drop.has(line) && masked(line.text) === text)) {
      for (const line of rest) if (line) drop.add(line);
      const first = edges[0]?.[side];
      if (first && masked(first.text) === text) drop.add(first);
    }
  }
  for (const page of pages) {
    const kept = page.lines.filter((line) => !drop.has(line));
    page.lines.splice(0, page.lines.length, ...kept);
  }
}

/** Fewer visible characters than this per page, on average, means the pages are pictures of text. */
const SCAN_CHARS_PER_PAGE = 20;
/** A page of a text PDF with fewer characters than this is probably a scanned page among text pages. */
const PAGE_MIN_CHARS = 5;

const visibleLength = (text: string): number => text.replace(/\s/g, '').length;

async function readPage(doc: PdfDocument, number: number, pdfjs: PdfJs): Promise<PageContent> {
  const page = await doc.getPage(number);
  const viewport = page.getViewport({ scale: 1 });
  const viewportMatrix = asMatrix(viewport.transform) ?? [1, 0, 0, -1, 0, viewport.height];
  const runs = pageRuns((await page.getTextContent()).items, viewportMatrix);
  const chars = runs.reduce((sum, run) => sum + visibleLength(run.text), 0);
  let lines = visualLines([...runs]);
  const tables: PageTable[] = [];
  /*
   * The drawing operators (for the rules) cost pdf.js about as much again as the text, mostly
   * in handing over fonts and glyph outlines: they are read only where a table may be, a page
   * with a line of two or more columns, and never for a page of pictures (a scan).
   */
  if (lines.some((line) => line.fragments.length >= 2)) {
    const { horizontal, vertical } = pageRules(await page.getOperatorList(), pdfjs.OPS, viewportMatrix);
    for (const grid of findGrids(horizontal, vertical)) {
      const table = gridTable(grid, runs);
      if (table) tables.push(table);
    }
    if (tables.length > 0) lines = visualLines(runs);
  }
  // Frees the page's parsed resources (fonts stay cached for the next page).
  page.cleanup();
  return { lines, tables, height: viewport.height, chars };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function loadError(error: unknown, file: string | undefined): ParseError {
  if (error instanceof ParseError) return error;
  if (errorName(error) === 'PasswordException') {
    return new ParseError('encrypted', 'PDF 已加密，需要密码才能打开；请提供未加密的文件', file);
  }
  // pdf.js's own words, for whoever looks into it, unless they say no more than the message.
  const said = error instanceof Error && errorName(error) !== 'InvalidPDFException' ? error.message : '';
  return new ParseError('corrupt', `PDF 文件已损坏或不完整，无法读取${said ? `（pdf.js：${said}）` : ''}`, file);
}

function documentFrom(
  pages: readonly PageContent[],
  missingCMaps: ReadonlySet<string>,
  options: ExtractOptions,
): ExtractedDocument {
  const name = options.file ? `${options.file} ` : '此 PDF ';
  const total = pages.reduce((sum, page) => sum + page.chars, 0);
  const noText = total < SCAN_CHARS_PER_PAGE * pages.length;
  const messages: ExtractMessage[] = [];
  if (missingCMaps.size > 0) {
    // Not a scan: the text is there, in fonts whose character maps could not be loaded.
    messages.push({
      rule: 'pdf-cmap-unavailable',
      severity: noText ? 'error' : 'warning',
      message: `${name}的字体需要字符映射表（CMap）${[...missingCMaps].join('、')}，但无法载入，其中的文字${noText ? '读不出来' : '可能缺失'}`,
    });
  } else if (noText) {
    messages.push({
      rule: 'pdf-no-text-layer',
      severity: 'error',
      message: `${name}是扫描件（没有文字层），无法读取其中的数字；请提供带文字层的 PDF 或原始 Word 文件`,
    });
  }
  if (noText) return { source: 'pdf', nodes: [], messages, pages: pages.length };
  dropRunningHeaders(pages);
  const nodes: DocumentNode[] = [];
  let tableCount = 0;
  pages.forEach(({ lines, tables, chars }, index) => {
    const page = index + 1;
    if (chars < PAGE_MIN_CHARS) {
      messages.push({
        rule: 'pdf-page-no-text',
        severity: 'warning',
        message: `${name}第 ${page} 页几乎没有文字层（可能是扫描页或图片），其中的内容无法读取`,
        at: { page },
      });
    }
    // Lines and tables in reading order: top to bottom by a line's baseline or a table's top.
    const items = [
      ...lines.map((line) => ({ y: line.y, line })),
      ...tables.map((table) => ({ y: table.y, table })),
    ].sort((p, q) => p.y - q.y);
    let lineCount = 0;
    for (const item of items) {
      if ('line' in item) {
        lineCount += 1;
        const { text, fragments } = item.line;
        nodes.push({ kind: 'line', text, fragments, at: { page, line: lineCount } });
        continue;
      }
      const table = tableCount;
      tableCount += 1;
      const rows: TableCell[][] = item.table.rows.map((cells) =>
        cells.map((cell) => ({ ...cell, at: { page, table, row: cell.row, column: cell.column } })),
      );
      nodes.push({ kind: 'table', rows, at: { page, table } });
    }
  });
  return { source: 'pdf', nodes, messages, pages: pages.length };
}

/**
 * Reads a PDF's text layer: ruled tables become tables (merged cells found from missing
 * rules), all other text becomes visual lines split into fragments at wide gaps. A PDF without
 * a text layer (a scan) reads as no nodes and a `pdf-no-text-layer` error message.
 */
export const extractPdf: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new ParseError(
      'too-large',
      `文件过大（${mb(bytes.length)} MB），超过 ${mb(limits.maxBytes)} MB 的上限`,
      file,
    );
  }
  // Before pdf.js, which inflates a stream whole and unbounded.
  checkPdfStreams(bytes, limits, file);
  const pdfjs = await loadPdfJs();
  const missingCMaps = new Set<string>();
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      /*
       * pdf.js takes over (detaches) the buffer it is given, and refuses a Node Buffer: hand it
       * a plain copy, never the caller's bytes.
       */
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWasm: false,
      useWorkerFetch: false,
      enableXfa: false,
      // Images are never decoded: only text and ruling lines are read.
      maxImageSize: 1,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      BinaryDataFactory: binaryDataFactory(options.readCMap, missingCMaps),
    });
  } catch (error) {
    throw loadError(error, file);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(limits.timeoutMs / 100) / 10;
      reject(new ParseError('timeout', `读取 PDF 超过 ${seconds} 秒仍未完成，文件可能已损坏或过于复杂`, file));
    }, limits.timeoutMs);
  });
  const work = (async () => {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      throw loadError(error, file);
    }
    if (doc.numPages > limits.maxPages) {
      throw new ParseError('too-many-pages', `PDF 有 ${doc.numPages} 页，超过 ${limits.maxPages} 页的上限`, file);
    }
    const pages: PageContent[] = [];
    try {
      for (let number = 1; number <= doc.numPages && !settled; number += 1) {
        pages.push(await readPage(doc, number, pdfjs));
      }
    } catch (error) {
      throw loadError(error, file);
    }
    return documentFrom(pages, missingCMaps, options);
  })();
  // The loser of the race must not surface as an unhandled rejection.
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    settled = true;
    clearTimeout(timer);
    // Destroying the loading task destroys its document and worker, and aborts pending work.
    await task.destroy().catch(() => {});
  }
};
