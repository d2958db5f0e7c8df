import { describe, expect, it } from 'vitest';
import { despeckle } from '../src/ocr/clean.js';
import { deskew, pageTilt } from '../src/ocr/deskew.js';

/** A white page `width` × `height` with `marks` drawn: [x, y, grey] for each pixel. */
function page(width: number, height: number, marks: readonly (readonly [number, number, number])[]) {
  const data = new Uint8Array(width * height).fill(255);
  for (const [x, y, grey] of marks) data[y * width + x] = grey;
  return { data, width, height };
}

const at = (p: { data: Uint8Array; width: number }, x: number, y: number): number => p.data[y * p.width + x] as number;

describe('a scanned page cleaned before OCR', () => {
  it('whitens specks (a lone grey pixel, two touching) with their halo', () => {
    const spoiled = page(20, 20, [
      [5, 5, 140],
      [4, 5, 225],
      [6, 5, 225],
      [12, 12, 120],
      [13, 12, 150],
    ]);
    const clean = despeckle(spoiled);
    expect(clean.data.every((grey) => grey === 255)).toBe(true);
    // The page given is left as it was: the rules are found in it.
    expect(at(spoiled, 5, 5)).toBe(140);
  });

  it('keeps a decimal point (a dark blot of 2 × 3 pixels) and a one-pixel rule', () => {
    const point = [3, 4].flatMap((x) => [10, 11, 12].map((y) => [x, y, 40] as const));
    const rule = Array.from({ length: 30 }, (_, x) => [x + 5, 2, 60] as const);
    const clean = despeckle(page(40, 20, [...point, ...rule]));
    expect(at(clean, 3, 11)).toBe(40);
    expect(at(clean, 4, 11)).toBe(40);
    // The rule's ends lose a pixel each (a tail has one neighbour of ink); the rest stays.
    for (let x = 6; x < 34; x += 1) expect(at(clean, x, 2)).toBe(60);
  });

  it('parts a speck from the stroke it touches by a pixel', () => {
    const stroke = [10, 11].flatMap((x) => Array.from({ length: 12 }, (_, y) => [x, y + 4, 30] as const));
    // The stroke ends at y 15; the speck runs on diagonally from its corner, one blot with it.
    const clean = despeckle(page(30, 30, [...stroke, [12, 16, 130], [13, 17, 130]]));
    // The speck's last pixel had one neighbour of ink: gone, and the stroke is whole.
    expect(at(clean, 13, 17)).toBe(255);
    expect(at(clean, 10, 8)).toBe(30);
    expect(at(clean, 11, 8)).toBe(30);
  });
});

/** A page of rules 2 pixels thick, 40 pixels apart, drawn tilted by `degrees` (clockwise: falling to the right). */
function ruledPage(degrees: number) {
  const [width, height] = [400, 300];
  const data = new Uint8Array(width * height).fill(255);
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (let rule = 40; rule < height - 40; rule += 40) {
    for (let x = 20; x < width - 20; x += 1) {
      const y = Math.round(rule + (x - width / 2) * slope);
      data[y * width + x] = 0;
      data[(y + 1) * width + x] = 0;
    }
  }
  return { data, width, height };
}

describe('a scanned page turned upright before OCR', () => {
  it('finds the tilt of the rules either way, and none on an upright page', () => {
    expect(pageTilt(ruledPage(0.8))).toBeCloseTo(0.8, 1);
    expect(pageTilt(ruledPage(-1.5))).toBeCloseTo(-1.5, 1);
    expect(pageTilt(ruledPage(0))).toBe(0);
    expect(pageTilt(page(50, 50, []))).toBe(0);
  });

  it('turns a tilted page upright at its own size, and leaves an upright one as it is', async () => {
    const tilted = ruledPage(0.8);
    const upright = await deskew(tilted);
    expect([upright.width, upright.height]).toEqual([tilted.width, tilted.height]);
    expect(Math.abs(pageTilt(upright))).toBeLessThan(0.1);
    // Each rule lies along one or two rows of pixels again: the row through its middle is ink end to end.
    const row = (y: number) => Array.from({ length: 300 }, (_, x) => at(upright, x + 50, y));
    const inkRows = Array.from({ length: upright.height }, (_, y) => y).filter((y) => row(y).every((g) => g < 160));
    expect(inkRows.length).toBeGreaterThanOrEqual(5);
    const straight = ruledPage(0);
    expect(await deskew(straight)).toBe(straight);
  });
});
