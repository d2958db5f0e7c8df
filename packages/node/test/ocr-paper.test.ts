import { describe, expect, it } from 'vitest';
import { flattenPaper, pageGrey } from '../src/ocr/paper.js';

/*
 * A scanned page made grey before OCR (src/ocr/paper.ts): a colour scan's red seal dropped, a
 * photocopy's grey paper made white. Pages drawn here pixel by pixel at 150 dpi.
 */
const PER_MM = 150 / 25.4;
/** A seal's red ink (B, G, R as PDFium gives it) and black print. */
const SEAL: readonly [number, number, number] = [46, 38, 215];
const BLACK: readonly [number, number, number] = [0, 0, 0];

/** A white BGRx page `side` pixels square. */
function colourPage(side: number): Uint8Array {
  return new Uint8Array(side * side * 4).fill(255);
}

/** Pixel (x, y) of a BGRx page set to `bgr`, as ink multiplied over what is there. */
function ink(page: Uint8Array, side: number, x: number, y: number, bgr: readonly [number, number, number]): void {
  const p = (y * side + x) * 4;
  for (let c = 0; c < 3; c += 1) page[p + c] = Math.round(((page[p + c] as number) * (bgr[c] as number)) / 255);
}

const grey = (page: { data: Uint8Array; width: number }, x: number, y: number): number =>
  page.data[y * page.width + x] as number;

describe('a colour scan made grey', () => {
  const side = 400;
  const page = colourPage(side);
  // A seal's ring, 42 mm across and 1 mm wide, about (200, 220).
  const radius = 21 * PER_MM;
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const d = Math.hypot(x - 200, y - 220);
      if (d <= radius && d >= radius - PER_MM) ink(page, side, x, y, SEAL);
    }
  }
  // A figure's stroke of black print across the ring's left edge, and another outside the seal.
  const ringLeft = Math.round(200 - radius + 2);
  for (let y = 210; y < 230; y += 1) for (let x = ringLeft - 4; x < ringLeft + 4; x += 1) ink(page, side, x, y, BLACK);
  for (let y = 20; y < 30; y += 1) for (let x = 10; x < 14; x += 1) ink(page, side, x, y, BLACK);
  // A red heading: a band of red 50 mm long and 4 mm high, no seal's shape.
  for (let y = 5; y < 5 + 4 * PER_MM; y += 1)
    for (let x = 60; x < 60 + 50 * PER_MM; x += 1) ink(page, side, x, y, SEAL);
  const out = pageGrey(page, side, side, PER_MM);

  it("drops a seal's red ring and keeps the black print under it", () => {
    expect(grey(out, 200, Math.round(220 - radius + 3))).toBe(255);
    expect(grey(out, Math.round(200 + radius - 3), 220)).toBe(255);
    expect(grey(out, ringLeft, 220)).toBe(0);
    expect(grey(out, ringLeft - 3, 215)).toBe(0);
    expect(grey(out, 12, 25)).toBe(0);
  });

  it('keeps red that is no seal (a heading) as print, grey as PDFium weighs it', () => {
    expect(grey(out, 100, 10)).toBe(Math.floor((46 * 11 + 38 * 59 + 215 * 30) / 100));
    expect(grey(out, 300, 100)).toBe(255);
  });

  it('makes a grey page grey as it is, a pixel for a pixel', () => {
    const plain = colourPage(50);
    for (let i = 0; i < plain.length; i += 4) plain.fill(i % 7 === 0 ? 90 : 250, i, i + 3);
    const made = pageGrey(plain, 50, 50, PER_MM);
    expect(made.data.every((g, i) => g === plain[i * 4])).toBe(true);
  });
});

describe("a photocopy's paper made white", () => {
  it('leaves a page on white paper as it is', () => {
    const data = new Uint8Array(200 * 200).fill(255);
    data.fill(0, 200 * 50, 200 * 52);
    const page = { data, width: 200, height: 200 };
    expect(flattenPaper(page)).toBe(page);
  });

  it('turns grey paper, darker towards one side, white and keeps the ink dark', () => {
    const [width, height] = [256, 160];
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = 170 + (50 * x) / width;
    // Print: a rule across and a stroke, as dark as a copier leaves them on its paper.
    for (let x = 10; x < width - 10; x += 1) data[80 * width + x] = 30;
    for (let y = 20; y < 40; y += 1) data[y * width + 200] = 20;
    const flat = flattenPaper({ data, width, height });
    for (const x of [5, 60, 128, 250]) expect(grey(flat, x, 120)).toBeGreaterThanOrEqual(245);
    expect(grey(flat, 20, 80)).toBeLessThan(50);
    expect(grey(flat, 240, 80)).toBeLessThan(50);
    expect(grey(flat, 200, 30)).toBeLessThan(30);
  });
});
