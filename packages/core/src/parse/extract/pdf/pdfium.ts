import { ParseError, type ParseLimits } from '../../errors.js';
import { multiply, type Matrix } from './matrix.js';
import { pageContent, type PageContent } from './pages.js';
import { ruleSink } from './rules.js';
import { cleanRun, type Run } from './text.js';
import type { Handle, Pdfium, Ptr } from './pdfium-api.js';
import { intoFrame, isRotation, turnOf, type Turn, type TurnedRun } from './turned.js';

export type { Pdfium } from './pdfium-api.js';

/*
 * PDF through PDFium compiled to WebAssembly (@embedpdf/pdfium, MIT; the engine of Chrome's PDF
 * viewer). It reads the text layer and the paths of a page without converting any font to an
 * outline or a web font, which is where pdf.js spent most of its time (see docs/pdf-engines.md):
 * about seven times faster than pdf.js and within reach of `pdftotext`. Its CMaps are built in,
 * so CID fonts need no `readCMap`.
 *
 * The core loads no WebAssembly itself (loading it reads a file): the caller hands in the
 * initialised module (`@xxgk/node`'s `loadPdfium`). All of a read is synchronous, so one module
 * serves every read of a thread without locking.
 */

/** FPDF_GetLastError's codes. */
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;
/** FPDFPageObj_GetType's codes. */
const OBJ_PATH = 2;
const OBJ_FORM = 5;
const OBJ_IMAGE = 3;
/** A picture at least this share of the page wide may be a table. */
const TABLE_WIDTH_SHARE = 0.4;
/** FPDFPathSegment_GetType's codes. */
const SEGMENT_LINETO = 0;
const SEGMENT_MOVETO = 2;
/** Within one text object, glyphs further apart than this (in ems) start a new run. */
const RUN_BREAK_EM = 3;
/** Bytes of scratch memory for out-parameters (a box, an origin and a matrix at once). */
const SCRATCH = 64;

/** Out-parameter memory, read back after each call (the heap views change when memory grows). */
class Scratch {
  readonly at: Ptr;
  constructor(private readonly engine: Pdfium) {
    this.at = engine.pdfium.wasmExports.malloc(SCRATCH);
  }
  f32(index: number): number {
    return this.engine.pdfium.HEAPF32[(this.at >> 2) + index] as number;
  }
  f64(index: number): number {
    return this.engine.pdfium.HEAPF64[(this.at >> 3) + index] as number;
  }
  i32(index: number): number {
    return this.engine.pdfium.HEAP32[(this.at >> 2) + index] as number;
  }
  free(): void {
    this.engine.pdfium.wasmExports.free(this.at);
  }
}

/** Is the character a space of some kind (a run may hold spaces: typed columns are split later). */
const isSpace = (code: number): boolean => code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x09;

/** Is the glyph upright once the page is turned by its /Rotate (quarter turns)? */
function upright(angle: number, quarterTurns: number): boolean {
  const turned = (angle + (quarterTurns * Math.PI) / 2) % (2 * Math.PI);
  return turned < 0.01 || turned > 2 * Math.PI - 0.01;
}

/**
 * FPDFText_GetCharAngle's value computed from the matrix already read, as PDFium computes it (in
 * single precision, `atan2f(c, a)` turned into [0, 2π)): one call fewer per text object.
 */
function charAngle(a: number, c: number): number {
  const angle = Math.fround(Math.atan2(c, a));
  return angle < 0 ? Math.fround(Math.fround(2 * Math.PI) + angle) : angle;
}

/**
 * What PDFium holds per text object rather than per glyph (a glyph's matrix, and so its angle, is
 * its text object's; its font size is the object's): asked once per object, not once per glyph.
 */
interface TextObjectInfo {
  readonly upright: boolean;
  /** Which way a glyph turned a quarter turn reads on the page (turned.ts); undefined if upright or otherwise turned. */
  readonly turn: Turn | undefined;
  /** The font size through the object's matrix: the em of its glyphs. */
  readonly em: number;
}

function textObjectInfo(
  engine: Pdfium,
  textPage: Handle,
  index: number,
  view: Matrix,
  quarterTurns: number,
  scratch: Scratch,
): TextObjectInfo {
  engine.FPDFText_GetMatrix(textPage, index, scratch.at + 32);
  const [a, b, c, d] = [scratch.f32(8), scratch.f32(9), scratch.f32(10), scratch.f32(11)];
  const em = engine.FPDFText_GetFontSize(textPage, index) * Math.hypot(c, d);
  const isUpright = upright(charAngle(a, c), quarterTurns);
  if (isUpright) return { upright: true, turn: undefined, em };
  // The reading direction on the display, and whether the matrix turns glyphs without slanting them.
  const turn = turnOf(view[0] * a + view[2] * b, view[1] * a + view[3] * b, isRotation(a, b, c, d));
  return { upright: false, turn, em };
}

/**
 * Glyphs gathered into runs, in a frame where they stand upright (the page's, or a turned run's
 * own): a run is one text object's glyphs on one baseline, close after one another.
 */
class RunBuilder {
  private text = '';
  private x0 = 0;
  private x1 = 0;
  private y = 0;
  private size = 0;
  private object: Handle = 0;
  constructor(private readonly emit: (run: Run) => void) {}

  flush(): void {
    const { text, x0, x1, y, size } = this;
    if (text.trim() !== '') for (const run of cleanRun({ text, x0, x1, y, size })) this.emit(run);
    this.text = '';
  }

  space(): void {
    if (this.text !== '') this.text += ' ';
  }

  /** A glyph of `owner` spanning `left`–`right` along its baseline `baseline`. */
  add(owner: Handle, left: number, right: number, baseline: number, em: number, code: number): void {
    const sameRun =
      this.text !== '' &&
      owner === this.object &&
      Math.abs(baseline - this.y) < 0.2 * em &&
      left - this.x1 < RUN_BREAK_EM * em &&
      left > this.x0 - 0.1 * em;
    if (sameRun) this.x1 = Math.max(this.x1, right);
    else {
      this.flush();
      [this.x0, this.x1, this.y, this.size, this.object] = [left, right, baseline, em, owner];
    }
    this.text += String.fromCodePoint(code);
  }
}

/** A glyph's box (PDFium's loose box, user space) in the frame of `turn`: its extent along the reading direction. */
function turnedExtent(view: Matrix, turn: Turn, [left, top, right, bottom]: readonly number[]): [number, number] {
  const [a, b, c, d, e, f] = view;
  const along = [
    [left, top],
    [right, top],
    [left, bottom],
    [right, bottom],
  ].map(([x = 0, y = 0]) => intoFrame(turn, a * x + c * y + e, b * x + d * y + f)[0]);
  return [Math.min(...along), Math.max(...along)];
}

interface PageRuns {
  readonly runs: Run[];
  /** Runs turned a quarter turn, each in its own frame (turned.ts). */
  readonly turned: TurnedRun[];
}

/** The page's glyph runs in display space (through `view`): one per text object and baseline. */
function pageRunsOf(engine: Pdfium, textPage: Handle, view: Matrix, quarterTurns: number, scratch: Scratch): PageRuns {
  const [a, b, c, d, e, f] = view;
  const runs: Run[] = [];
  const turned: TurnedRun[] = [];
  const upright = new RunBuilder((run) => runs.push(run));
  const builders: Record<Turn, RunBuilder> = {
    up: new RunBuilder((run) => turned.push({ ...run, turn: 'up' })),
    down: new RunBuilder((run) => turned.push({ ...run, turn: 'down' })),
  };
  let builder: RunBuilder | undefined;
  let known: Handle = 0;
  let info: TextObjectInfo = { upright: false, turn: undefined, em: 0 };
  const count = engine.FPDFText_CountChars(textPage);
  for (let i = 0; i < count; i += 1) {
    const code = engine.FPDFText_GetUnicode(textPage, i);
    /*
     * PDFium's own line breaks and guessed spaces end a run: whether a gap is a space, a column
     * or nothing (between Chinese characters) is for the line builder to judge, as with pdf.js.
     */
    if (
      code === 0x0d ||
      code === 0x0a ||
      code === 0xfffe ||
      // PDFium generates only spaces and line breaks (CPDF_TextPage): no other glyph need be asked.
      (code === 0x20 && engine.FPDFText_IsGenerated(textPage, i) === 1)
    ) {
      builder?.flush();
      continue;
    }
    const owner = engine.FPDFText_GetTextObject(textPage, i);
    if (owner !== known || owner === 0) {
      info = textObjectInfo(engine, textPage, i, view, quarterTurns, scratch);
      known = owner;
    }
    // Only upright glyphs make lines, and glyphs turned a quarter turn may make a cell's text:
    // other turned text is a watermark or a stamp (as with pdf.js).
    const own = info.upright ? upright : info.turn ? builders[info.turn] : undefined;
    if (own !== builder) builder?.flush();
    builder = own;
    if (!builder) continue;
    if (isSpace(code)) {
      builder.space();
      continue;
    }
    engine.FPDFText_GetLooseCharBox(textPage, i, scratch.at);
    engine.FPDFText_GetCharOrigin(textPage, i, scratch.at + 16, scratch.at + 24);
    const [ox, oy] = [scratch.f64(2), scratch.f64(3)];
    if (info.turn) {
      const box = [0, 1, 2, 3].map((n) => scratch.f32(n));
      const [from, to] = turnedExtent(view, info.turn, box);
      const baseline = intoFrame(info.turn, a * ox + c * oy + e, b * ox + d * oy + f)[1];
      builder.add(owner, from, to, baseline, info.em, code);
      continue;
    }
    const [left, right, boxTop, boxBottom] = [scratch.f32(0), scratch.f32(2), scratch.f32(1), scratch.f32(3)];
    // The advance's ends and the origin in display space.
    const [bottomLeft, topRight, topLeft] = [
      a * left + c * boxBottom + e,
      a * right + c * boxTop + e,
      a * left + c * boxTop + e,
    ];
    const boxLeft = Math.min(bottomLeft, topRight, topLeft);
    const boxRight = Math.max(bottomLeft, topRight, topLeft);
    builder.add(owner, boxLeft, boxRight, b * ox + d * oy + f, info.em, code);
  }
  builder?.flush();
  return { runs, turned };
}

/** PDF user space to display space (y downwards from the top), the page turned by its /Rotate. */
function viewOf(quarterTurns: number, [left, bottom, right, top]: readonly number[]): Matrix {
  const turns: Record<number, Matrix> = {
    1: [0, 1, 1, 0, -(bottom as number), -(left as number)],
    2: [-1, 0, 0, 1, right as number, -(bottom as number)],
    3: [0, -1, -1, 0, top as number, right as number],
  };
  return turns[quarterTurns] ?? [1, 0, 0, -1, -(left as number), top as number];
}

/** Adds the rules of the page objects (forms entered, their matrices applied) to `sink`. */
function addObjectRules(
  engine: Pdfium,
  objects: { count: number; get: (index: number) => Handle },
  outer: Matrix,
  sink: ReturnType<typeof ruleSink>,
  scratch: Scratch,
): void {
  for (let k = 0; k < objects.count; k += 1) {
    const object = objects.get(k);
    const type = engine.FPDFPageObj_GetType(object);
    if (type !== OBJ_PATH && type !== OBJ_FORM) continue;
    if (!engine.FPDFPageObj_GetMatrix(object, scratch.at)) continue;
    const own: Matrix = [
      scratch.f32(0),
      scratch.f32(1),
      scratch.f32(2),
      scratch.f32(3),
      scratch.f32(4),
      scratch.f32(5),
    ];
    const ctm = multiply(outer, own);
    if (type === OBJ_FORM) {
      const count = engine.FPDFFormObj_CountObjects(object);
      const get = (index: number): Handle => engine.FPDFFormObj_GetObject(object, index);
      addObjectRules(engine, { count, get }, ctm, sink, scratch);
      continue;
    }
    if (!engine.FPDFPath_GetDrawMode(object, scratch.at, scratch.at + 4)) continue;
    const [filled, stroked] = [scratch.i32(0) !== 0, scratch.i32(1) !== 0];
    if (!filled && !stroked) continue;
    // In pdf.js's encoding, which the rule finder reads: 0 moveTo, 1 lineTo, 3 a curve, 4 close.
    const path: number[] = [];
    const segments = engine.FPDFPath_CountSegments(object);
    for (let s = 0; s < segments; s += 1) {
      const segment = engine.FPDFPath_GetPathSegment(object, s);
      engine.FPDFPathSegment_GetPoint(segment, scratch.at, scratch.at + 4);
      const [x, y] = [scratch.f32(0), scratch.f32(1)];
      const kind = engine.FPDFPathSegment_GetType(segment);
      if (kind === SEGMENT_MOVETO) path.push(0, x, y);
      else if (kind === SEGMENT_LINETO) path.push(1, x, y);
      else path.push(3, x, y, x, y);
      if (engine.FPDFPathSegment_GetClose(segment)) path.push(4);
    }
    sink.add(path, filled && !stroked, ctm);
  }
}

/**
 * The share of the page that its pictures as wide as a table cover (their bounding boxes, overlaps
 * counted twice, at most 1): a table pasted as a picture has its figures only there; a seal or a
 * logo is narrower. Pictures inside forms are left out: office suites place a picture on the page.
 */
function picturedShare(engine: Pdfium, page: Handle, [width, height]: readonly number[], scratch: Scratch): number {
  let area = 0;
  const count = engine.FPDFPage_CountObjects(page);
  for (let k = 0; k < count; k += 1) {
    const object = engine.FPDFPage_GetObject(page, k);
    if (engine.FPDFPageObj_GetType(object) !== OBJ_IMAGE) continue;
    if (!engine.FPDFPageObj_GetBounds(object, scratch.at, scratch.at + 4, scratch.at + 8, scratch.at + 12)) continue;
    const [across, down] = [scratch.f32(2) - scratch.f32(0), scratch.f32(3) - scratch.f32(1)];
    if (across >= TABLE_WIDTH_SHARE * (width as number) && down > 0) area += across * down;
  }
  const pageArea = (width as number) * (height as number);
  return pageArea > 0 ? Math.min(1, area / pageArea) : 0;
}

function readPdfiumPage(engine: Pdfium, page: Handle, scratch: Scratch): PageContent {
  engine.FPDFPage_GetMediaBox(page, scratch.at, scratch.at + 4, scratch.at + 8, scratch.at + 12);
  const box = [0, 1, 2, 3].map((n) => scratch.f32(n));
  const quarterTurns = engine.FPDFPage_GetRotation(page) & 3;
  const view = viewOf(quarterTurns, box);
  const textPage = engine.FPDFText_LoadPage(page);
  const { runs, turned } = textPage
    ? pageRunsOf(engine, textPage, view, quarterTurns, scratch)
    : { runs: [], turned: [] };
  if (textPage) engine.FPDFText_ClosePage(textPage);
  const rulesOf = (): ReturnType<ReturnType<typeof ruleSink>['rules']> => {
    const sink = ruleSink();
    const count = engine.FPDFPage_CountObjects(page);
    addObjectRules(engine, { count, get: (index) => engine.FPDFPage_GetObject(page, index) }, view, sink, scratch);
    return sink.rules();
  };
  const [left, bottom, right, top] = box as [number, number, number, number];
  const pictured = picturedShare(engine, page, [right - left, top - bottom], scratch);
  return pageContent(runs, rulesOf, quarterTurns % 2 ? right - left : top - bottom, turned, pictured);
}

/**
 * Reads every page of a PDF with PDFium: its lines and ruled tables, as the pdf.js path does.
 * Throws ParseError for an encrypted, damaged or oversized file.
 */
export function readWithPdfium(
  engine: Pdfium,
  bytes: Uint8Array,
  limits: ParseLimits,
  file: string | undefined,
): PageContent[] {
  const { malloc, free } = engine.pdfium.wasmExports;
  const data = malloc(bytes.length);
  engine.pdfium.HEAPU8.set(bytes, data);
  const scratch = new Scratch(engine);
  const deadline = Date.now() + limits.timeoutMs;
  try {
    const doc = engine.FPDF_LoadMemDocument(data, bytes.length, '');
    if (!doc) {
      const error = engine.FPDF_GetLastError();
      if (error === ERR_PASSWORD || error === ERR_SECURITY)
        throw new ParseError('encrypted', 'PDF 已加密，需要密码才能打开；请提供未加密的文件', file);
      throw new ParseError('corrupt', `PDF 文件已损坏或不完整，无法读取（PDFium 错误 ${error}）`, file);
    }
    try {
      const count = engine.FPDF_GetPageCount(doc);
      if (count > limits.maxPages)
        throw new ParseError('too-many-pages', `PDF 有 ${count} 页，超过 ${limits.maxPages} 页的上限`, file);
      const pages: PageContent[] = [];
      for (let index = 0; index < count; index += 1) {
        if (Date.now() > deadline) {
          const seconds = Math.round(limits.timeoutMs / 100) / 10;
          throw new ParseError('timeout', `读取 PDF 超过 ${seconds} 秒仍未完成，文件可能已损坏或过于复杂`, file);
        }
        const page = engine.FPDF_LoadPage(doc, index);
        if (!page) throw new ParseError('corrupt', `PDF 第 ${index + 1} 页已损坏，无法读取`, file);
        try {
          pages.push(readPdfiumPage(engine, page, scratch));
        } finally {
          engine.FPDF_ClosePage(page);
        }
      }
      return pages;
    } finally {
      engine.FPDF_CloseDocument(doc);
    }
  } finally {
    scratch.free();
    free(data);
  }
}
