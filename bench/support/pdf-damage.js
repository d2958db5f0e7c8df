// PDFs with damaged table layouts, made from a report's HTML (the core's renderHtml) printed by
// Debian's chromium through playwright-core: the "print to PDF" of many sites and of every
// browser. Each kind is one way a real PDF's table loses the layout a reader expects; its CSS is
// seeded, so one seed makes one PDF. Shared by `npm run bench:pdf-damage` and the node tests.
//
// - `stackedHeaders`: section 三's and/or 四's column headers so narrow that each prints one
//   character per line (narrow columns with break-all, or upright vertical text), the tables
//   ruled or (a third of them) not: unruled, the header rows' text comes out as characters
//   interleaved across columns, the value rows as bare runs of figures;
// - `rotatedHeaders`: the same headers turned 90° (sideways writing, either way round), so
//   their glyphs are rotated in the PDF;
// - `pageBreaks`: pages short enough that the tables break across them, header rows not
//   repeated, a row (or a label spanning rows) cut by the break.

export const PDF_DAMAGE_KINDS = ['stackedHeaders', 'rotatedHeaders', 'pageBreaks'];

const CHROMIUM = process.env.XXGK_CHROMIUM ?? '/usr/bin/chromium';

/** One of `items`, chosen by `random`. */
const pick = (random, items) => items[Math.floor(random() * items.length)];

/** Which of the request tables (三, 四) get the damage: both more often than one. */
function tablesOf(random) {
  return pick(random, [['s3', 's4'], ['s3', 's4'], ['s3'], ['s4']]);
}

/** A selector for the column header cells of `tables`, followed by `tail`. */
function headers(tables, tail = '') {
  return tables.map((id) => `table.xxgk[data-table="${id}"] th[scope="col"]${tail}`).join(', ');
}

function stackedCss(random) {
  const tables = tablesOf(random);
  const size = pick(random, ['9pt', '10.5pt', '12pt']);
  // A third of the tables without rules: then the headers come out as lines of single characters
  // interleaved across the columns, and the value rows as bare runs of figures.
  const unruled =
    random() < 1 / 3
      ? `\n${tables.map((id) => `table.xxgk[data-table="${id}"] :is(th, td)`).join(', ')} { border: none; }`
      : '';
  if (random() < 0.5) {
    // Upright vertical writing: one character under the other, each glyph as it stands.
    return `${headers(tables)} { writing-mode: vertical-rl; text-orientation: upright; font-size: ${size}; }${unruled}`;
  }
  // Columns only as wide as their figures: a header wraps after every character.
  const own = (tail) => tables.map((id) => `table.xxgk[data-table="${id}"]${tail}`).join(', ');
  return `${own('')} { width: auto; }
${own(' col')} { width: auto !important; }
${headers(tables)} { width: 1em; word-break: break-all; font-size: ${size}; padding: 2px 1px; }${unruled}`;
}

function rotatedCss(random) {
  const tables = tablesOf(random);
  // sideways-lr reads bottom to top (glyphs turned left), sideways-rl top to bottom (turned right).
  const mode = pick(random, ['sideways-lr', 'sideways-rl']);
  return `${headers(tables)} { writing-mode: ${mode}; white-space: nowrap; }`;
}

function pageBreaksCss(random) {
  // Pages of 9 to 16 cm (A4 is 29.7): every table of sections 三 and 四 meets a break somewhere.
  const height = 90 + Math.floor(random() * 70);
  const margin = 10 + Math.floor(random() * 15);
  return `@page { size: 210mm ${height}mm; margin: ${margin}mm 20mm; }
body { margin: 0; }
table.xxgk tr, table.xxgk td, table.xxgk th { break-inside: auto; }`;
}

/** The CSS that makes the damage of `kind`, seeded by `random`. */
export function damageCss(kind, random) {
  switch (kind) {
    case 'stackedHeaders':
      return stackedCss(random);
    case 'rotatedHeaders':
      return rotatedCss(random);
    case 'pageBreaks':
      return pageBreaksCss(random);
    default:
      throw new Error(`unknown PDF damage: ${kind}`);
  }
}

/** A report page's HTML (renderHtml's) with the damage's style added after its own. */
export function damagedHtml(html, kind, random) {
  return html.replace('</head>', `<style>${damageCss(kind, random)}</style>\n</head>`);
}

/**
 * One headless chromium for many prints: `print(html)` gives the page's PDF bytes (A4 unless the
 * page's CSS says otherwise), `close()` ends the browser.
 */
export async function openPrinter() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  return {
    async print(html) {
      await page.setContent(html, { waitUntil: 'load' });
      return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false }));
    },
    close: () => browser.close(),
  };
}
