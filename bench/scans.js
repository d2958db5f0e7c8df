// Scans made from generated reports, shared by `npm run bench:ocr` and fixtures/parse/scan/make.js:
// a report rendered to PDF by the core, rasterised by poppler's `pdftoppm` (grey, at 150 dpi unless
// the variant says otherwise), optionally spoiled with sharp, and wrapped again as an image-only PDF
// by pdfkit, one JPEG per A4 page. Needs `npm run build` first. Variants, all seeded:
//
// - clean, noise (speckles and blur), skew (±0.8°): the first benches' pages;
// - seal: a colour scan with a red official seal (公章: a ring, the organ's name along it, a star) over
//   the 落款 signature, and every other report a second one over the last rows of the last table;
// - greyseal: the same seals on a greyscale scan, as a grey scanner sees red ink;
// - lowres: scanned at 100–120 dpi; jpeg: at 200 dpi, JPEG quality 30–50;
// - photocopy: a copy of a copy — grey and uneven paper, faint rules, tilted by 0.4–1.2° and shifted
//   so that one margin is cropped.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { sealMarks, sealOverlay } from './scan-seal.js';

const A4 = { width: 595.28, height: 841.89 };
export const VARIANTS = ['clean', 'noise', 'skew', 'seal', 'greyseal', 'lowres', 'jpeg', 'photocopy'];

/** A seeded generator of numbers in [0, 1). */
export function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Salt-and-pepper speckles over `share` of the pixels, in a seeded pattern. */
function speckle(raw, share, seed) {
  const next = seeded(seed);
  const out = Buffer.from(raw);
  for (let i = 0; i < out.length; i += 1) if (next() < share) out[i] = next() < 0.5 ? 0 : 255;
  return out;
}

/** The resolution a variant is scanned at, and whether its pages are kept in colour. */
function scanning(variant, seed) {
  if (variant === 'lowres') return { dpi: 100 + (seed % 21), colour: false };
  if (variant === 'jpeg') return { dpi: 200, colour: false };
  return { dpi: 150, colour: variant === 'seal' || variant === 'greyseal' };
}

/**
 * A photocopy: the page's ink lightened and spread a little (a thin rule comes out faint, strokes
 * stay dark), on paper that is grey and darker towards one corner, with toner grain.
 */
async function photocopy(image, seed) {
  const next = seeded(seed * 7 + 3);
  const { data, info } = await image.blur(0.7).raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const [paper, fall] = [205 + next() * 20, 25 + next() * 20];
  const [cx, cy] = [next() < 0.5 ? 0 : width, next() < 0.5 ? 0 : height];
  const out = Buffer.alloc(width * height);
  const reach = Math.hypot(width, height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const background = paper - fall * (1 - Math.hypot(x - cx, y - cy) / reach);
      const ink = 1 - (data[y * width + x] * 1) / 255;
      const grain = (next() - 0.5) * 16;
      out[y * width + x] = Math.max(0, Math.min(255, background * (1 - 0.92 * ink ** 1.5) + grain));
    }
  }
  // Tilted and laid on the glass off-centre: the page shifted, one margin cut off, the other grown.
  const degrees = (0.4 + next() * 0.8) * (next() < 0.5 ? -1 : 1);
  const [dx, dy] = [Math.round((next() - 0.5) * 0.06 * width), Math.round((next() - 0.5) * 0.04 * height)];
  const turned = await sharp(out, { raw: { width, height, channels: 1 } })
    .rotate(degrees, { background: '#d0d0d0' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const [tw, th] = [turned.info.width, turned.info.height];
  const [left, top] = [Math.floor((tw - width) / 2) - dx, Math.floor((th - height) / 2) - dy];
  // Beyond the page, the copier's grey lid (sharp extends and extracts in two passes).
  const lid = await sharp(turned.data, { raw: { width: tw, height: th, channels: turned.info.channels } })
    .extend({ top: 80, bottom: 80, left: 80, right: 80, background: '#c8c8c8' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(lid.data, { raw: lid.info }).extract({ left: left + 80, top: top + 80, width, height });
}

/** One page image as a JPEG, spoiled as `variant` says (see the header). */
async function pageJpeg(png, variant, seed, seals) {
  const { width, height } = await sharp(png).metadata();
  let image = sharp(png);
  if (seals.length > 0) image = sharp(await image.composite(await sealOverlay(seals, width, height, seed)).toBuffer());
  if (variant !== 'seal') image = image.greyscale();
  if (variant === 'noise') {
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    image = sharp(speckle(data, 0.01, seed), { raw: info }).blur(0.6);
  }
  if (variant === 'skew') {
    image = image.rotate(seed % 2 ? 0.8 : -0.8, { background: '#ffffff' }).resize(width, height, { fit: 'cover' });
  }
  if (variant === 'photocopy') image = await photocopy(image, seed);
  const quality = variant === 'jpeg' ? 30 + (seed % 21) : variant === 'lowres' ? 70 : 80;
  return image.jpeg({ quality }).toBuffer();
}

/**
 * The image-only PDF of a text PDF, each page rasterised (150 dpi unless the variant says otherwise).
 * `organ` is the name a seal bears.
 */
export async function scanOf(pdfBytes, variant = 'clean', seed = 1, { organ = '某某县人民政府办公室' } = {}) {
  if (!VARIANTS.includes(variant)) throw new Error(`unknown scan variant ${variant}`);
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdfBytes);
    const { dpi, colour } = scanning(variant, seed);
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      ...(colour ? [] : ['-gray']),
      '-png',
      join(dir, 'in.pdf'),
      join(dir, 'p'),
    ]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('p') && f.endsWith('.png'))
      .sort();
    const marks = variant.endsWith('seal') ? sealMarks(join(dir, 'in.pdf'), pages.length, seed, organ) : [];
    const doc = new PDFDocument({ autoFirstPage: false, info: { Producer: 'xxgk bench/scans.js' } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    for (const [i, page] of pages.entries()) {
      doc.addPage({ size: 'A4', margin: 0 });
      const seals = marks.filter((m) => m.page === i);
      doc.image(await pageJpeg(readFileSync(join(dir, page)), variant, seed + i, seals), 0, 0, A4);
    }
    doc.end();
    await ended;
    return { bytes: Buffer.concat(chunks), pages: pages.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
