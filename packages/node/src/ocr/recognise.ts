import type { Bitmap, PixelBox } from './detect.js';

/*
 * Text recognition after PaddleOCR's CRNN recogniser: a box is cropped from the page, scaled to
 * the model's height of 48 pixels, its width in proportion, and padded on the right to at least
 * MIN_WIDTH with zeros (mid-grey once normalised), as PaddleOCR feeds it: a lone digit cropped
 * tight reads as nothing or "o", padded with white as nothing at all. The model's output — a distribution over the
 * dictionary at each step — is decoded greedily (CTC: blanks and repeats dropped).
 */

const HEIGHT = 48;
/** PaddleOCR pads to 320 (a ratio of 10:1 to the height); half that reads lone digits as well, at half the cost. */
const MIN_WIDTH = 160;

/** The recogniser's input for one box: grey to three equal channels, normalised to −1…1, NCHW, padded with 0. */
export function recognitionInput(page: Bitmap, box: PixelBox): { data: Float32Array; width: number } {
  const boxWidth = box.x1 - box.x0;
  const boxHeight = box.y1 - box.y0;
  const inner = Math.max(8, Math.round((boxWidth * HEIGHT) / boxHeight));
  const width = Math.max(inner, MIN_WIDTH);
  const plane = width * HEIGHT;
  const data = new Float32Array(3 * plane);
  for (let y = 0; y < HEIGHT; y += 1) {
    const sy = Math.min(page.height - 1, box.y0 + ((y + 0.5) * boxHeight) / HEIGHT - 0.5);
    const iy = Math.max(0, Math.floor(sy));
    const fy = Math.max(0, sy - iy);
    const iy1 = Math.min(page.height - 1, iy + 1);
    for (let x = 0; x < inner; x += 1) {
      const sx = Math.min(page.width - 1, box.x0 + ((x + 0.5) * boxWidth) / inner - 0.5);
      const ix = Math.max(0, Math.floor(sx));
      const fx = Math.max(0, sx - ix);
      const ix1 = Math.min(page.width - 1, ix + 1);
      const at = (row: number, column: number): number => page.data[row * page.width + column] as number;
      const top = at(iy, ix) * (1 - fx) + at(iy, ix1) * fx;
      const bottom = at(iy1, ix) * (1 - fx) + at(iy1, ix1) * fx;
      const value = ((top * (1 - fy) + bottom * fy) / 255 - 0.5) / 0.5;
      const to = y * width + x;
      data[to] = value;
      data[plane + to] = value;
      data[2 * plane + to] = value;
    }
  }
  return { data, width };
}

/** Greedy CTC decoding of the output [1, steps, classes]; class 0 is the blank, class i the dictionary's (i − 1)th. */
export function decode(
  output: Float32Array,
  steps: number,
  classes: number,
  dictionary: readonly string[],
): { text: string; confidence: number } {
  let text = '';
  let confidence = 1;
  let previous = -1;
  for (let step = 0; step < steps; step += 1) {
    let best = 0;
    let chance = -1;
    for (let c = 0; c < classes; c += 1) {
      const value = output[step * classes + c] as number;
      if (value > chance) [best, chance] = [c, value];
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best - 1] ?? '';
      confidence = Math.min(confidence, chance);
    }
    previous = best;
  }
  return { text, confidence: text === '' ? 0 : confidence };
}
