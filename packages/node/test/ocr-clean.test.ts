import { describe, expect, it } from 'vitest';
import { despeckle } from '../src/ocr/clean.js';

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
