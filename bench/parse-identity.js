// Whether a change to the reader kept its results: `node bench/parse-identity.js --against=<dir>`
// (after `npm run build`), where <dir> is a built packages/core/dist of the commit before the change
// (copied aside before building the new one).
//
// Both cores read the same inputs in this process, and the JSON of each whole result (report,
// provenance, document, findings, placements; or the error's code and message) is compared byte
// for byte: every file under fixtures/ the reader takes (seeds, real pages and crawler texts, the
// samples of each format), --reports generated reports as text in the three layouts and as HTML,
// and the same reports under each kind of damage (packages/core/src/parse/align/damage.ts).
// A speed-up of the reader must leave all of them the same. Exits 1 on the first differences.
//
// Options: --against=<dir of core/dist> (required), --reports=<n> (default 300),
//          --damaged=<n per kind of damage> (default 60).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
if (!args.against) {
  console.error('usage: node bench/parse-identity.js --against=<dir of a built packages/core/dist>');
  process.exit(2);
}
const REPORTS = Number(args.reports ?? 300);
const DAMAGED = Number(args.damaged ?? 60);

const root = fileURLToPath(new URL('..', import.meta.url));
const core = await import('../packages/core/dist/index.js');
const against = await import(pathToFileURL(join(args.against, 'index.js')).href);
const { readCMap } = await import('../packages/node/dist/cmaps.js');
const { loadPdfium } = await import('../packages/node/dist/pdfium.js');
const { inflatedSize } = await import('../packages/node/dist/inflate.js');
const AS_CLI = { readCMap, pdfium: loadPdfium, inflate: inflatedSize };

/** Maps and sets as their entries: JSON alone would write them as {}. */
const replacer = (_key, value) =>
  value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value;

async function outcome(reader, bytes, file) {
  try {
    return JSON.stringify(await reader.parseReport(bytes, { ...AS_CLI, file }), replacer);
  } catch (error) {
    return JSON.stringify({ error: error.code ?? 'thrown', message: String(error.message) });
  }
}

/** Files under a folder, recursively, that a reader takes (not the expected results, scripts or notes). */
function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(json|js|mjs|sh)$/.test(name) || name === 'README.md' ? [] : [path];
  });
}

const encoder = new TextEncoder();
const inputs = filesUnder(join(root, 'fixtures')).map((path) => ({
  name: path.slice(root.length),
  bytes: new Uint8Array(readFileSync(path)),
}));
const reports = Array.from({ length: REPORTS }, (_, i) =>
  core.generateReport(core.seededRandom(70_000 + i), { format: i % 2 ? '2021' : '2019' }),
);
reports.forEach((report, i) => {
  const layout = ['lines', 'pipe', 'tab'][i % 3];
  inputs.push({ name: `generated ${i} (${layout})`, bytes: encoder.encode(core.renderText(report, layout)) });
  if (i % 4 === 0) inputs.push({ name: `generated ${i} (html)`, bytes: encoder.encode(core.renderHtml(report)) });
});
for (const kind of core.DAMAGE_KINDS) {
  for (let i = 0; i < DAMAGED; i += 1) {
    const text = core.damageText(reports[i % REPORTS], kind, core.seededRandom(80_000 + i));
    inputs.push({ name: `damaged ${kind} ${i}`, bytes: encoder.encode(text) });
  }
}

const differing = [];
for (const { name, bytes } of inputs) {
  const ours = await outcome(core, bytes.slice(), name);
  const theirs = await outcome(against, bytes.slice(), name);
  if (ours !== theirs) {
    let at = 0;
    while (ours[at] === theirs[at]) at += 1;
    differing.push(name);
    if (differing.length <= 5)
      console.log(
        `${name}: differs at ${at}\n  ours:   ${ours.slice(at - 80, at + 120)}\n  theirs: ${theirs.slice(at - 80, at + 120)}`,
      );
  }
}
console.log(`${inputs.length} inputs, ${inputs.length - differing.length} identical, ${differing.length} differ`);
if (differing.length > 0) {
  console.log(differing.slice(0, 40).join('\n'));
  process.exit(1);
}
