// Official seals (公章) for bench/scans.js: where a report's pages are stamped, and the stamps drawn.
// A seal is a red ring 42 mm across with the organ's name along its top, a five-pointed star in the
// middle and, on some, a line below the star; the ink is uneven (pressed harder on one side, worn in
// patches), and the page shows through it (multiplied). One goes over the 落款 signature — the organ's
// name and the date, added below the report's last line of text, as organs sign — and on every other
// report (odd seeds) a second one over the last table's last rows, as a stamp carried onto the table.

import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { seeded } from './scans.js';

/** Points of an A4 page; a seal's radius in points (21 mm). */
const PAGE_HEIGHT = 841.89;
const RADIUS = 59.5;
/** Text below this (the page number in the footer) is not the report's last line. */
const FOOTER_TOP = 730;

/** The words of a PDF with their page and box in points, from poppler's `pdftotext -bbox`. */
function words(pdfPath) {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = [];
  let page = -1;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (m) out.push({ page, x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] });
  }
  return out;
}

/** Where the seals go: `{ page, x, y, signature?, organ }` in points, centre of the ring. */
export function sealMarks(pdfPath, pages, seed, organ) {
  const next = seeded(seed * 13 + 5);
  const all = words(pdfPath);
  const last = pages - 1;
  const body = all.filter((w) => w.page === last && w.y1 < FOOTER_TOP);
  const bottom = Math.max(100, ...body.map((w) => w.y1));
  // The signature two lines below the text, the seal over it (clamped to the page: a full last page).
  const signatureY = Math.min(bottom + 30, FOOTER_TOP - 40);
  const marks = [
    {
      page: last,
      x: 430 + next() * 30,
      y: Math.min(signatureY + 10 + next() * 10, PAGE_HEIGHT - RADIUS - 20),
      signature: { y: signatureY, date: `${2022 + (seed % 3)}年${1 + (seed % 3)}月${10 + (seed % 18)}日` },
      organ,
    },
  ];
  // The last table: 行政诉讼 heads section 四's; its first row of figures is the table's last row.
  const head = all.findIndex((w) => w.text === '行政诉讼');
  if (seed % 2 === 1 && head >= 0) {
    const figure = all.slice(head).find((w) => /^-?\d/.test(w.text));
    if (figure) marks.push({ page: figure.page, x: 360 + next() * 130, y: figure.y0 - 10 + next() * 30, organ });
  }
  return marks;
}

/** The SVG of one seal of radius `r` (in pixels) at the origin, its text in the bundled system CJK font. */
function sealSvg(organ, r, next) {
  const chars = [...organ];
  const span = Math.min(250, 24 * chars.length);
  const size = r * 0.2;
  const letters = chars
    .map((ch, i) => {
      const angle = -span / 2 + (span * (i + 0.5)) / chars.length;
      return `<text transform="rotate(${angle.toFixed(1)}) translate(0 ${(-r * 0.7).toFixed(1)})" font-size="${size.toFixed(1)}" text-anchor="middle" dominant-baseline="middle">${ch}</text>`;
    })
    .join('');
  const star = Array.from({ length: 10 }, (_, i) => {
    const [a, d] = [(Math.PI * i) / 5 - Math.PI / 2, i % 2 ? r * 0.12 : r * 0.3];
    return `${(d * Math.cos(a)).toFixed(1)},${(d * Math.sin(a)).toFixed(1)}`;
  }).join(' ');
  const below =
    next() < 0.5
      ? `<text y="${(r * 0.52).toFixed(1)}" font-size="${(size * 0.8).toFixed(1)}" text-anchor="middle">政务公开专用章</text>`
      : '';
  return `<g font-family="Noto Serif CJK SC" font-weight="bold" fill="#d7262e"><circle r="${(r * 0.95).toFixed(1)}" fill="none" stroke="#d7262e" stroke-width="${(r * 0.05).toFixed(1)}"/>${letters}<polygon points="${star}"/>${below}</g>`;
}

/**
 * The overlays of one page (`width` × `height` pixels) for sharp's composite: the signature's text
 * in black, then each seal's red, its ink made uneven by a seeded field, multiplied over the page.
 */
export async function sealOverlay(seals, width, height, seed) {
  const next = seeded(seed * 31 + 7);
  const scale = width / 595.28;
  const layers = [];
  const signatures = seals
    .filter((s) => s.signature)
    .map(({ organ, signature }) => {
      const [x, y, size] = [516 * scale, signature.y * scale, 15 * scale];
      return `<g font-family="Noto Serif CJK SC" font-size="${size}" text-anchor="end" fill="#000"><text x="${x}" y="${y}">${organ}</text><text x="${x}" y="${y + size * 1.8}">${signature.date}</text></g>`;
    });
  if (signatures.length > 0) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${signatures.join('')}</svg>`;
    layers.push({ input: Buffer.from(svg), blend: 'multiply' });
  }
  for (const seal of seals) {
    const r = Math.round(RADIUS * scale);
    const side = 2 * r + 4;
    const turn = (next() - 0.5) * 40;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}"><g transform="translate(${side / 2} ${side / 2}) rotate(${turn.toFixed(1)})">${sealSvg(seal.organ, r, next)}</g></svg>`;
    const { data, info } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    // Ink pressed harder on one side, thinner in patches: the alpha scaled by a tilt and a coarse field.
    const [tilt, angle] = [0.35 + next() * 0.3, next() * 2 * Math.PI];
    const cell = Math.max(4, Math.round(r / 10));
    const field = Array.from({ length: Math.ceil(side / cell) ** 2 }, () => 0.6 + 0.4 * next());
    for (let y = 0; y < info.height; y += 1) {
      for (let x = 0; x < info.width; x += 1) {
        const at = (y * info.width + x) * 4 + 3;
        const along = ((x - side / 2) * Math.cos(angle) + (y - side / 2) * Math.sin(angle)) / side;
        const patch = field[Math.floor(y / cell) * Math.ceil(side / cell) + Math.floor(x / cell)];
        data[at] = Math.round(data[at] * Math.min(1, (1 - tilt / 2 + tilt * (along + 0.5)) * patch));
      }
    }
    const stamp = await sharp(data, { raw: info }).png().toBuffer();
    const [left, top] = [Math.round(seal.x * scale - side / 2), Math.round(seal.y * scale - side / 2)];
    layers.push({
      input: stamp,
      left: Math.max(0, left),
      top: Math.max(0, Math.min(height - side, top)),
      blend: 'multiply',
    });
  }
  return layers;
}
