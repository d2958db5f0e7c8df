// Scans' cached OCR results (bench/ocr-cache.js) with each page's ruling lines found again by this
// build's rule finder (packages/node/src/ocr/rules.ts), the recognised boxes kept: a change to how
// rules are found is measured without OCR's seconds a page (then `bench/ocr-replay.js` on the output).
// Valid only where the two builds make the same page bitmap (render, paper, deskew): the boxes were
// recognised on it. Needs `npm run build` first.
//
// Options: --dir=<cache folder> (default /tmp/xxgk-ocr-cache), --out=<folder> (required),
// --node=<node dist folder> (default this checkout's packages/node/dist).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const DIR = args.dir ?? '/tmp/xxgk-ocr-cache';
if (!args.out) throw new Error('--out=<folder> is required');
const NODE = resolve(args.node ?? fileURLToPath(new URL('../packages/node/dist', import.meta.url)));
const load = (file) => import(pathToFileURL(join(NODE, 'ocr', file)).href);
const [{ renderPages }, { flattenPaper }, { deskew }, { pageRules }] = await Promise.all(
  ['raster.js', 'paper.js', 'deskew.js', 'rules.js'].map(load),
);
mkdirSync(args.out, { recursive: true });

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
  const record = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  const rules = [];
  // As ocr/index.ts prepares a page for recognition, and finds its rules.
  await renderPages(new Uint8Array(Buffer.from(record.scan, 'base64')), 20, async ({ bitmap, width }) => {
    const page = await deskew(flattenPaper(bitmap));
    rules.push(pageRules(page, page.width / width));
  });
  if (rules.length !== record.pages.length)
    throw new Error(`${file}: ${rules.length} pages, cached ${record.pages.length}`);
  const pages = record.pages.map((page, i) => ({ ...page, rules: rules[i] }));
  writeFileSync(join(args.out, file), JSON.stringify({ ...record, pages }));
}
