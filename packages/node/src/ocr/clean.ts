import sharp from 'sharp';
import type { Bitmap, PixelBox } from './detect.js';

/*
 * A scanned page cleaned before recognition. Scanner dust and salt-and-pepper noise, once the
 * scan is blurred and JPEG-compressed, are small grey blots: the detector reads a run of them as
 * text and the recogniser reads one beside a figure as a point, a colon or a quote ("0：", "1'"),
 * so the figure no longer reads as a number. A blot is told from ink by its size and its depth:
 * at 150 dpi the smallest mark of print — a decimal point, the dot of 、 — covers 5 pixels or
 * more, and its core is dark; a speck covers 1–4 and its core stays mid-grey after the blur.
 * (Measured on the bench's scans: real marks of 5–12 pixels are 0–100 at their darkest on clean
 * pages, and 80–120 on blurred ones; specks are 100–200, and 120–200 unless two touch.)
 */

/** Greys darker than this are ink (or a speck's core); lighter ones are paper or a blot's halo. */
const INK = 200;
/** A blot of at most this many pixels of ink is a speck, however dark. */
const SPECK_AREA = 4;
/** A blot of at most this many pixels whose darkest pixel is no darker than SPECK_GREY is a speck too. */
const FAINT_AREA = 7;
const SPECK_GREY = 110;

/**
 * The page without specks: every blot of ink (8-connected pixels darker than INK) that is a speck
 * by the measures above turns white, with the halo around it; all other pixels are kept as they
 * were, so the strokes of characters and the table's rules keep their greys.
 */
export function despeckle(page: Bitmap): Bitmap {
  const { data, width, height } = page;
  const out = new Uint8Array(data);
  const seen = new Uint8Array(data.length);
  const blot = new Int32Array(FAINT_AREA + 1);
  const stack = new Int32Array(data.length);
  for (let start = 0; start < data.length; start += 1) {
    if (seen[start] || (data[start] as number) >= INK) continue;
    // Flood the blot, remembering its first pixels: only a small one will be whitened.
    let [top, area, darkest] = [0, 0, 255];
    seen[start] = 1;
    stack[top++] = start;
    while (top > 0) {
      const at = stack[--top] as number;
      if (area <= FAINT_AREA) blot[area] = at;
      area += 1;
      darkest = Math.min(darkest, data[at] as number);
      const x = at % width;
      for (let dy = -width; dy <= width; dy += width) {
        for (let dx = x > 0 ? -1 : 0; dx <= (x < width - 1 ? 1 : 0); dx += 1) {
          const next = at + dy + dx;
          if (next < 0 || next >= data.length || seen[next] || (data[next] as number) >= INK) continue;
          seen[next] = 1;
          stack[top++] = next;
        }
      }
    }
    if (area > FAINT_AREA || (area > SPECK_AREA && darkest < SPECK_GREY)) continue;
    for (let i = 0; i < area; i += 1) whiten(out, blot[i] as number, width, height);
  }
  return { data: thinTails(out, width, height), width, height };
}

/**
 * A speck that touches a character is part of its blot and stays: its pixel of ink with at most
 * one neighbour of ink is no part of a stroke (strokes are two pixels wide or more at 150 dpi) and
 * turns white, which parts it from the character.
 */
function thinTails(data: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(data);
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const at = y * width + x;
      if ((data[at] as number) >= INK) continue;
      let dark = 0;
      for (let dy = -width; dy <= width; dy += width) {
        for (let dx = -1; dx <= 1; dx += 1) if ((data[at + dy + dx] as number) < INK) dark += 1;
      }
      // The pixel itself is one of the nine.
      if (dark <= 2) out[at] = 255;
    }
  }
  return out;
}

/** A speck's pixel and its halo (the lighter greys around it, not another blot's ink) turned white. */
function whiten(out: Uint8Array, at: number, width: number, height: number): void {
  const [x, y] = [at % width, Math.floor(at / width)];
  out[at] = 255;
  for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny += 1) {
    for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx += 1) {
      const near = ny * width + nx;
      if ((out[near] as number) >= INK) out[near] = 255;
    }
  }
}

/** Pixels of the page kept around a box cut out for `medianAround`. */
const MEDIAN_MARGIN = 4;

/**
 * The page around a box with a 3×3 median filter run over it, and the box within that cut. A speck
 * touching a lone figure survives `despeckle` as part of the figure's blot and the recogniser then
 * reads marks only ("..." for "0"); the median takes away what is a pixel or two wide, and keeps
 * strokes, which are wider. Only such boxes are filtered: over the whole page it thins small print.
 */
export async function medianAround(page: Bitmap, box: PixelBox): Promise<{ bitmap: Bitmap; box: PixelBox }> {
  const left = Math.max(0, box.x0 - MEDIAN_MARGIN);
  const top = Math.max(0, box.y0 - MEDIAN_MARGIN);
  const width = Math.min(page.width, box.x1 + MEDIAN_MARGIN) - left;
  const height = Math.min(page.height, box.y1 + MEDIAN_MARGIN) - top;
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 1 } })
    .extract({ left, top, width, height })
    .median(3)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const inner = { x0: box.x0 - left, y0: box.y0 - top, x1: box.x1 - left, y1: box.y1 - top };
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = data.data[i * data.info.channels] as number;
  return { bitmap: { data: grey, width, height }, box: inner };
}
