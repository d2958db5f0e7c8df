import sharp from 'sharp';
import type { Bitmap } from './detect.js';

/*
 * A page scanned askew, turned straight before it is read. Tilted by under a degree, a table's
 * rules no longer run along one row of pixels: the rule finder sees them broken, the table's rows
 * are read as lines of text, and the boxes of a row drift up or down across the page. The tilt is
 * found by a projection profile: the page's ink summed along lines at each candidate angle piles up
 * in the fewest, fullest rows when the angle is the page's (the rules and the lines of text then
 * lie along them); the page is turned back by that angle with sharp.
 */

/** Darker than this (of 255) is ink for measuring the tilt. */
const INK = 128;
/** The tilts looked for, in degrees either way: a scanner's feeder or a hand on the glass. */
const MAX_DEGREES = 3;
const COARSE_STEP = 0.2;
const FINE_STEP = 0.02;
/** Tilts under this are left alone: turning resamples the page and blurs it a little. */
const MIN_DEGREES = 0.1;
/** One pixel in this many is measured (every row, every other column): enough ink for a sharp profile. */
const COLUMN_STEP = 2;

/** The page's tilt in degrees, clockwise positive (the angle sharp's rotate takes to straighten it, negated). */
export function pageTilt(page: Bitmap): number {
  const { data, width, height } = page;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += COLUMN_STEP) {
      if ((data[y * width + x] as number) < INK) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return 0;
  const rows = new Float64Array(height + width);
  const offset = width / 2;
  // The sharper the profile (the more ink in fewer rows), the larger the sum of squares.
  const sharpness = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    rows.fill(0);
    for (let i = 0; i < xs.length; i += 1) {
      const row = Math.round((ys[i] as number) - (xs[i] as number) * slope + offset);
      if (row >= 0 && row < rows.length) rows[row] = (rows[row] as number) + 1;
    }
    let sum = 0;
    for (const count of rows) sum += count * count;
    return sum;
  };
  const best = (from: number, to: number, step: number): number => {
    let [angle, score] = [0, -1];
    for (let i = Math.round(from / step); i <= Math.round(to / step); i += 1) {
      const degrees = i * step;
      const s = sharpness(degrees);
      // Ties go to the angle nearest upright: a blank or uniform page is not turned.
      if (s > score || (s === score && Math.abs(degrees) < Math.abs(angle))) [angle, score] = [degrees, s];
    }
    return angle;
  };
  const coarse = best(-MAX_DEGREES, MAX_DEGREES, COARSE_STEP);
  return Math.round(best(coarse - COARSE_STEP, coarse + COARSE_STEP, FINE_STEP) * 100) / 100;
}

/**
 * The page turned upright when it is tilted by MIN_DEGREES or more, cropped about its middle to
 * its own size (so points on the page keep their scale), corners filled white; else the page itself.
 */
export async function deskew(page: Bitmap): Promise<Bitmap> {
  const tilt = pageTilt(page);
  if (Math.abs(tilt) < MIN_DEGREES) return page;
  const { width, height } = page;
  const turned = await sharp(page.data, { raw: { width, height, channels: 1 } })
    .rotate(-tilt, { background: { r: 255, g: 255, b: 255 } })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = turned;
  const [left, top] = [Math.floor((info.width - width) / 2), Math.floor((info.height - height) / 2)];
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const from = ((y + top) * info.width + left) * info.channels;
    for (let x = 0; x < width; x += 1) out[y * width + x] = data[from + x * info.channels] as number;
  }
  return { data: out, width, height };
}
