import type { Bitmap } from './detect.js';

/*
 * A scanned page made grey, as the recogniser reads it, without what is not the report's print.
 *
 * Seals: an organ's red seal (公章) is stamped over its 落款 signature and often over a table's last
 * rows. Read in grey, its ring, its star and the organ's name along it are dark like print: the
 * detector finds text in them and the figures under the seal read as other figures. Where the page
 * is in colour the seal is told by its colour, as a scanner's red drop-out does: in the red channel
 * red ink is as light as paper and black print stays black. Only a seal's red is dropped — a region
 * of red the size and shape of a seal (a ring 38–45 mm across, or half of one at the page's edge) —
 * so a red heading (a 红头 organ name, a red rule) is read as print.
 *
 * Paper: a photocopy's paper is grey, darker towards one side, and the lid beyond the page darker
 * still; the thresholds of ink (despeckle, the rule finder, the detector's training) assume white
 * paper. The page is divided by its paper's level, found block by block, so the paper turns white
 * and the ink keeps its depth. A page on white paper is left as it is.
 */

/**
 * A pixel is red ink when its red exceeds both its green and its blue by this (of 255); within a
 * seal's region, by the lesser measure (the ink's thin edges, its colour smeared by JPEG); its
 * fullest ink, whose red sets the ink's level, by the greater.
 */
const RED_OVER = 40;
const RED_EDGE = 16;
const RED_FULL = 100;
/** Pixels of the page per cell of the grid red regions are found on; a cell is red with this many red pixels. */
const CELL = 4;
const CELL_RED = 2;
/** A seal's region: its longer side at least, its shorter side at least, neither longer than (mm). */
const SEAL_LONG_MM = 25;
const SEAL_SHORT_MM = 15;
const SEAL_MAX_MM = 70;

/** A rectangle of pixels, right and bottom exclusive. */
interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The grey page of a rendered colour page (`bgrx`: PDFium's 4 bytes a pixel, blue first), with the
 * red of seals dropped. Elsewhere grey is PDFium's own weighting (30 % red, 59 % green, 11 % blue),
 * so a grey scan comes out as PDFium rendered it grey.
 */
export function pageGrey(bgrx: Uint8Array, width: number, height: number, pixelsPerMm: number): Bitmap {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i += 1, p += 4) {
    data[i] = Math.floor(
      ((bgrx[p] as number) * 11 + (bgrx[p + 1] as number) * 59 + (bgrx[p + 2] as number) * 30) / 100,
    );
  }
  for (const seal of sealRegions(bgrx, width, height, pixelsPerMm)) dropRed(bgrx, data, width, seal);
  return { data, width, height };
}

/** Red ink by the measure above, at pixel `p` (its first byte) of a BGRx page. */
function red(bgrx: Uint8Array, p: number): number {
  const r = bgrx[p + 2] as number;
  return r - Math.max(bgrx[p] as number, bgrx[p + 1] as number);
}

/** The regions of the page whose red has a seal's size and shape (cells of red joined across one blank cell). */
function sealRegions(bgrx: Uint8Array, width: number, height: number, pixelsPerMm: number): Region[] {
  const [cols, rows] = [Math.ceil(width / CELL), Math.ceil(height / CELL)];
  const count = new Uint16Array(cols * rows);
  let any = false;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (red(bgrx, (y * width + x) * 4) < RED_OVER) continue;
      const cell = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
      count[cell] = (count[cell] as number) + 1;
      any = true;
    }
  }
  if (!any) return [];
  const seen = new Uint8Array(cols * rows);
  const regions: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < count.length; start += 1) {
    if (seen[start] || (count[start] as number) < CELL_RED) continue;
    const box = { x0: cols, y0: rows, x1: 0, y1: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const [cx, cy] = [at % cols, Math.floor(at / cols)];
      [box.x0, box.y0, box.x1, box.y1] = [
        Math.min(box.x0, cx),
        Math.min(box.y0, cy),
        Math.max(box.x1, cx + 1),
        Math.max(box.y1, cy + 1),
      ];
      for (let ny = Math.max(0, cy - 2); ny <= Math.min(rows - 1, cy + 2); ny += 1) {
        for (let nx = Math.max(0, cx - 2); nx <= Math.min(cols - 1, cx + 2); nx += 1) {
          const next = ny * cols + nx;
          if (seen[next] || (count[next] as number) < CELL_RED) continue;
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const [w, h] = [((box.x1 - box.x0) * CELL) / pixelsPerMm, ((box.y1 - box.y0) * CELL) / pixelsPerMm];
    if (Math.max(w, h) < SEAL_LONG_MM || Math.min(w, h) < SEAL_SHORT_MM || Math.max(w, h) > SEAL_MAX_MM) continue;
    regions.push({
      x0: box.x0 * CELL,
      y0: box.y0 * CELL,
      x1: Math.min(width, box.x1 * CELL),
      y1: Math.min(height, box.y1 * CELL),
    });
  }
  return regions;
}

/**
 * A seal's red dropped: the region is grey from its red channel alone (black print is as dark in
 * red light as in white), and its red pixels scaled so that the seal's ink over paper (the median
 * red of its fullest ink) is white.
 */
function dropRed(bgrx: Uint8Array, grey: Uint8Array, width: number, seal: Region): void {
  const full: number[] = [];
  for (let y = seal.y0; y < seal.y1; y += 1) {
    for (let x = seal.x0; x < seal.x1; x += 1) {
      const p = (y * width + x) * 4;
      if (red(bgrx, p) >= RED_FULL) full.push(bgrx[p + 2] as number);
    }
  }
  full.sort((a, b) => a - b);
  const ink = Math.max(128, full[Math.floor(full.length / 2)] ?? 255);
  for (let y = seal.y0; y < seal.y1; y += 1) {
    for (let x = seal.x0; x < seal.x1; x += 1) {
      const p = (y * width + x) * 4;
      const r = bgrx[p + 2] as number;
      // Elsewhere in the region too, red light: at a stroke's edge JPEG keeps less of the colour than of the ink.
      grey[y * width + x] = red(bgrx, p) >= RED_EDGE ? Math.min(255, Math.round((r * 255) / ink)) : r;
    }
  }
}

/** Pixels a side of the blocks paper is measured in; the share of a block's pixels at or below its paper's level. */
const BLOCK = 32;
const PAPER_SHARE = 0.9;
/** Paper at least this light everywhere is white paper: the page is left as it is. */
const WHITE_PAPER = 235;
/** A block's paper darker than its lightest neighbour's by more than this is print, not paper. */
const PAPER_DRIFT = 16;
/** Paper is never taken for darker than this. */
const DARKEST_PAPER = 96;

/** The page with its paper made white (see the header): each pixel divided by its paper's level. */
export function flattenPaper(page: Bitmap): Bitmap {
  const { data, width, height } = page;
  const [cols, rows] = [Math.ceil(width / BLOCK), Math.ceil(height / BLOCK)];
  const level = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let by = 0; by < rows; by += 1) {
    for (let bx = 0; bx < cols; bx += 1) {
      histogram.fill(0);
      const [x1, y1] = [Math.min(width, (bx + 1) * BLOCK), Math.min(height, (by + 1) * BLOCK)];
      for (let y = by * BLOCK; y < y1; y += 1) {
        for (let x = bx * BLOCK; x < x1; x += 1) {
          const g = data[y * width + x] as number;
          histogram[g] = (histogram[g] as number) + 1;
        }
      }
      const wanted = PAPER_SHARE * (x1 - bx * BLOCK) * (y1 - by * BLOCK);
      let [grey, seen] = [0, 0];
      while (grey < 255 && (seen += histogram[grey] as number) < wanted) grey += 1;
      level[by * cols + bx] = grey;
    }
  }
  // A block of print (a filled cell, a run of bold figures) has little paper: when its level is well
  // below its neighbours' lightest, theirs is its paper; else its own (the paper's grey drifts).
  const paper = new Float32Array(level.length);
  for (let by = 0; by < rows; by += 1) {
    for (let bx = 0; bx < cols; bx += 1) {
      let light = 0;
      for (let ny = Math.max(0, by - 1); ny <= Math.min(rows - 1, by + 1); ny += 1)
        for (let nx = Math.max(0, bx - 1); nx <= Math.min(cols - 1, bx + 1); nx += 1)
          light = Math.max(light, level[ny * cols + nx] as number);
      const own = level[by * cols + bx] as number;
      paper[by * cols + bx] = Math.max(DARKEST_PAPER, own >= light - PAPER_DRIFT ? own : light);
    }
  }
  if (paper.every((p) => p >= WHITE_PAPER)) return page;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y += 1) {
    // Between the blocks' centres the paper's level is interpolated: no seams at the blocks' edges.
    const fy = Math.min(rows - 1, Math.max(0, (y + 0.5) / BLOCK - 0.5));
    const [r0, r1, ty] = [Math.floor(fy), Math.min(rows - 1, Math.floor(fy) + 1), fy - Math.floor(fy)];
    for (let x = 0; x < width; x += 1) {
      const fx = Math.min(cols - 1, Math.max(0, (x + 0.5) / BLOCK - 0.5));
      const [c0, c1, tx] = [Math.floor(fx), Math.min(cols - 1, Math.floor(fx) + 1), fx - Math.floor(fx)];
      const top = (paper[r0 * cols + c0] as number) * (1 - tx) + (paper[r0 * cols + c1] as number) * tx;
      const bottom = (paper[r1 * cols + c0] as number) * (1 - tx) + (paper[r1 * cols + c1] as number) * tx;
      const level = top * (1 - ty) + bottom * ty;
      out[y * width + x] = Math.min(255, Math.round(((data[y * width + x] as number) * 255) / level));
    }
  }
  return { data: out, width, height };
}
