// The reader on the text real tools print from real producers' files: `npm run bench:tool-text`
// (after `npm run build`; needs poppler-utils, LibreOffice and chromium).
//
// A user who copies a published report into text uses a tool: pdftotext (its default reading
// order, -raw, -layout) on a PDF, LibreOffice's plain-text export (txt:Text) of a DOCX. For
// --reports generated reports per format (non-zero figures, 2019 and 2021 alternating), each
// producer makes its file: the core's PDF (renderPdf), LibreOffice's PDF of the core's DOCX,
// chromium's print of the core's HTML, plain and with each damaged layout of
// bench/support/pdf-damage.js (stackedHeaders, rotatedHeaders, pageBreaks). Each tool's text is
// read by parseReport (the text path) and every cell scored against the truth as
// bench/damage.js scores (right, open, wrong, wrong with high confidence: must be 0); organ and
// year too. Texts are cached under bench/.corpus/tool-text-<n>/ so re-runs only read.
// Figures go to the console and to bench/tool-text-results.json.
//
// Options: --reports=<n per format> (default 40), --from=<first seed> (default 70000),
//          --core=<dir of a built packages/core/dist>: the reader to measure (default this
//          checkout's), --only=<producer,...>, --show (print each report that is not wholly right).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const PER_FORMAT = Number(args.reports ?? 40);
const FROM = Number(args.from ?? 70_000);
const FORMATS = ['2021', '2019'];
const PDF_TOOLS = { pdftotext: [], 'pdftotext -raw': ['-raw'], 'pdftotext -layout': ['-layout'] };
const PRODUCERS = [
  'core',
  'libreoffice',
  'chromium',
  'chromium-stackedHeaders',
  'chromium-rotatedHeaders',
  'chromium-pageBreaks',
  'docx',
];
const ONLY = args.only ? args.only.split(',') : PRODUCERS;

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, `bench/.corpus/tool-text-${PER_FORMAT}-${FROM}`);
const core = await import('../packages/core/dist/index.js');
const reader = args.core ? await import(pathToFileURL(join(args.core, 'index.js')).href) : core;

const truths = Array.from({ length: PER_FORMAT * 2 }, (_, i) => {
  const seed = FROM + i;
  return { seed, format: FORMATS[i % 2], random: core.seededRandom(seed) };
}).map((r) => ({ ...r, truth: core.generateReport(r.random, { format: r.format }) }));

const soffice = (to, outdir, files) =>
  execFileSync(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--convert-to',
      to,
      '--outdir',
      outdir,
      ...files,
    ],
    { stdio: 'ignore', timeout: 1_800_000 },
  );

/** Makes every producer's files once (DOCX, PDFs) and every tool's text of them; cached. */
async function makeCorpus() {
  if (existsSync(join(dir, '.complete'))) return;
  mkdirSync(join(dir, 'files'), { recursive: true });
  const files = join(dir, 'files');
  const { loadFonts } = await import('../packages/node/dist/fonts.js');
  const fonts = await loadFonts();
  const { damagedHtml, openPrinter } = await import('./support/pdf-damage.js');
  const printer = await openPrinter();
  try {
    for (const { seed, truth } of truths) {
      writeFileSync(join(files, `r${seed}.docx`), await core.renderDocx(truth));
      writeFileSync(join(files, `r${seed}.core.pdf`), await core.renderPdf(truth, fonts));
      const html = core.renderHtml(truth);
      writeFileSync(join(files, `r${seed}.chromium.pdf`), await printer.print(html));
      for (const kind of ['stackedHeaders', 'rotatedHeaders', 'pageBreaks']) {
        // Seeded by the report, as bench/pdf-damage.js: one seed makes one PDF.
        const pdf = await printer.print(damagedHtml(html, kind, core.seededRandom(seed * 7 + kind.length)));
        writeFileSync(join(files, `r${seed}.chromium-${kind}.pdf`), pdf);
      }
    }
  } finally {
    await printer.close();
  }
  const docx = truths.map(({ seed }) => join(files, `r${seed}.docx`));
  const lo = join(dir, 'lo');
  mkdirSync(lo, { recursive: true });
  soffice('pdf:writer_pdf_Export', lo, docx);
  soffice('txt:Text', lo, docx);
  for (const { seed } of truths) {
    renameSync(join(lo, `r${seed}.pdf`), join(files, `r${seed}.libreoffice.pdf`));
    renameSync(join(lo, `r${seed}.txt`), join(dir, `r${seed}.docx.soffice.txt`));
  }
  for (const file of readdirSync(files).filter((f) => f.endsWith('.pdf'))) {
    const [, seed, producer] = /^r(\d+)\.(.+)\.pdf$/.exec(file);
    for (const [tool, flags] of Object.entries(PDF_TOOLS)) {
      const out = join(dir, `r${seed}.${producer}.${tool.replace(/ -/, '-')}.txt`);
      execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', join(files, file), out]);
    }
  }
  writeFileSync(join(dir, '.complete'), '');
}

const pct = (part, whole) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)}%`);

await makeCorpus();
const rows = {};
for (const producer of ONLY) {
  const tools = producer === 'docx' ? ['soffice'] : Object.keys(PDF_TOOLS).map((t) => t.replace(/ -/, '-'));
  for (const tool of tools) {
    for (const format of FORMATS) {
      const s = { reports: 0, whole: 0, organ: 0, year: 0, ...core.emptyScore() };
      for (const { seed, truth } of truths.filter((t) => t.format === format)) {
        const text = readFileSync(join(dir, `r${seed}.${producer}.${tool}.txt`));
        const parsed = await reader.parseReport(new Uint8Array(text));
        const before = { wrong: s.wrong, open: s.open, sure: s.wrongSure };
        core.scoreCells(s, truth, parsed);
        s.reports += 1;
        if (parsed.report.meta.agency === truth.meta.agency) s.organ += 1;
        if (parsed.report.meta.year === truth.meta.year) s.year += 1;
        if (s.wrong === before.wrong && s.open === before.open) s.whole += 1;
        else if (args.show)
          console.log(
            `  ${producer} ${tool} r${seed} (${format}): ${s.wrong - before.wrong} wrong (${s.wrongSure - before.sure} sure), ${s.open - before.open} open`,
          );
      }
      const cells = s.right + s.open + s.wrong;
      rows[`${tool} · ${producer} · ${format}`] = {
        reports: s.reports,
        right: pct(s.right, cells),
        open: s.open,
        wrong: s.wrong,
        wrongSure: s.wrongSure,
        openUnnamed: s.openUnnamed,
        whole: s.whole,
        organ: s.organ,
        year: s.year,
      };
    }
  }
}
console.table(rows);
writeFileSync(
  join(root, 'bench/tool-text-results.json'),
  `${JSON.stringify({ perFormat: PER_FORMAT, from: FROM, core: args.core ?? 'this checkout', rows }, null, 2)}\n`,
);
