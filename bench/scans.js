// Scans made from generated reports, shared by `npm run bench:ocr` and fixtures/parse/scan/make.js:
// a report rendered to PDF by the core, rasterised by poppler's `pdftoppm` (grey, at 150 dpi),
// optionally spoiled (speckle noise, a small rotation) with sharp, and wrapped again as an
// image-only PDF by pdfkit, one JPEG per A4 page. Needs `npm run build` first.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';

const A4 = { width: 595.28, height: 841.89 };

/** Salt-and-pepper speckles over `share` of the pixels, in a seeded pattern. */
function speckle(raw, share, seed) {
  let state = seed >>> 0 || 1;
  const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const out = Buffer.from(raw);
  for (let i = 0; i < out.length; i += 1) if (next() < share) out[i] = next() < 0.5 ? 0 : 255;
  return out;
}

/** One page image as a JPEG, spoiled as `variant` says: 'clean', 'noise' or 'skew'. */
async function pageJpeg(png, variant, seed) {
  let image = sharp(png).greyscale();
  if (variant === 'noise') {
    const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
    image = sharp(speckle(data, 0.01, seed), { raw: info }).blur(0.6);
  }
  if (variant === 'skew') {
    const { width, height } = await sharp(png).metadata();
    image = image.rotate(seed % 2 ? 0.8 : -0.8, { background: '#ffffff' }).resize(width, height, { fit: 'cover' });
  }
  return image.jpeg({ quality: 80 }).toBuffer();
}

/** The image-only PDF of a text PDF, each page rasterised at 150 dpi. */
export async function scanOf(pdfBytes, variant = 'clean', seed = 1) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdfBytes);
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'p')]);
    const pages = readdirSync(dir)
      .filter((f) => f.startsWith('p') && f.endsWith('.png'))
      .sort();
    const doc = new PDFDocument({ autoFirstPage: false, info: { Producer: 'xxgk bench/scans.js' } });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    for (const [i, page] of pages.entries()) {
      doc.addPage({ size: 'A4', margin: 0 });
      doc.image(await pageJpeg(readFileSync(join(dir, page)), variant, seed + i), 0, 0, A4);
    }
    doc.end();
    await ended;
    return { bytes: Buffer.concat(chunks), pages: pages.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
