/*
 * Text detection after PaddleOCR's DB detector: the model gives, for each pixel, the chance that
 * it is text; the pixels above a threshold form regions (one per word or run of characters), and
 * each region's bounding box, grown by the margin DB shrinks text by, is a box to recognise.
 * Boxes are upright: scans are read as printed pages, tilted by a degree or two at most.
 */

/** A grey bitmap, one byte a pixel, row by row. */
export interface Bitmap {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A box in pixels of the bitmap, right and bottom edges exclusive. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The detector's input sides must be multiples of 32. */
const STRIDE = 32;
/** PaddleOCR's defaults: a pixel is text above 0.3, a region is kept when its mean is 0.6 or more. */
const PIXEL_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.6;
/** A region narrower than this (in the map's pixels) is no text; a lone "1" is about 3. */
const MIN_SIDE = 2;
/** DB's unclip ratio: the detector marks the text's core, grown back by area × ratio / perimeter. */
const UNCLIP_RATIO = 1.5;
/** ImageNet's mean and deviation per channel, B, G, R as the model takes them (a grey page: all alike). */
const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];

/** The detector's input: the page padded with white to multiples of 32, normalised, NCHW. */
export function detectionInput(bitmap: Bitmap): { data: Float32Array; width: number; height: number } {
  const width = Math.ceil(bitmap.width / STRIDE) * STRIDE;
  const height = Math.ceil(bitmap.height / STRIDE) * STRIDE;
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let c = 0; c < 3; c += 1) {
    const mean = MEAN[c] as number;
    const std = STD[c] as number;
    const white = (1 - mean) / std;
    data.fill(white, c * plane, (c + 1) * plane);
    for (let y = 0; y < bitmap.height; y += 1) {
      const from = y * bitmap.width;
      const to = c * plane + y * width;
      for (let x = 0; x < bitmap.width; x += 1) data[to + x] = ((bitmap.data[from + x] as number) / 255 - mean) / std;
    }
  }
  return { data, width, height };
}

/** The regions of the detector's map above the threshold, as boxes clipped to the page. */
export function textBoxes(map: Float32Array, width: number, height: number, page: Bitmap): PixelBox[] {
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  const boxes: PixelBox[] = [];
  for (let start = 0; start < map.length; start += 1) {
    if (seen[start] || (map[start] as number) <= PIXEL_THRESHOLD) continue;
    let [x0, y0, x1, y1, count, sum] = [width, height, 0, 0, 0, 0];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop() as number;
      const x = at % width;
      const y = (at - x) / width;
      count += 1;
      sum += map[at] as number;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x + 1);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y + 1);
      const around = [x > 0 ? at - 1 : -1, x < width - 1 ? at + 1 : -1, at - width, at + width];
      for (const next of around) {
        if (next < 0 || next >= map.length || seen[next] || (map[next] as number) <= PIXEL_THRESHOLD) continue;
        seen[next] = 1;
        stack.push(next);
      }
    }
    const [w, h] = [x1 - x0, y1 - y0];
    if (Math.min(w, h) < MIN_SIDE || sum / count < BOX_THRESHOLD) continue;
    const grow = (w * h * UNCLIP_RATIO) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, Math.floor(x0 - grow)),
      y0: Math.max(0, Math.floor(y0 - grow)),
      x1: Math.min(page.width, Math.ceil(x1 + grow)),
      y1: Math.min(page.height, Math.ceil(y1 + grow)),
    });
  }
  return boxes.filter((box) => box.x1 - box.x0 > 3 && box.y1 - box.y0 > 3);
}
