// The reader on damaged text: `npm run bench:damage` (after `npm run build`).
//
// For each kind of damage (packages/core/src/parse/align/damage.ts: a crawler's textContent, text
// copied from a browser, damaged labels, headers apart from their cells, OCR confusions, two cells
// run together, a cell left out), reads
// --reports generated reports (default 1000 per kind, formats alternating), damaged so, and
// scores every cell against the truth: right, open (left empty with a finding), wrong, and wrong
// with high confidence (must be 0). Section 二 is shown apart: a crawler's text gives its rows no
// sums, so runs like "396442278" stay open unless the prose states a value, a fact every honest
// report keeps rules readings out (align/plausible.ts: 现行有效 + 本年废止 ≥ 本年制发, items never
// negative), or only one reading keeps what a register row almost always is (given below high confidence).
// Figures go to the console and to bench/damage-results.json.
//
// Options: --reports=<n per kind> (default 1000), --only=<kind,...>.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const core = await import('../packages/core/dist/index.js');
const REPORTS = Number(args.reports ?? 1000);
const KINDS = args.only ? args.only.split(',') : core.DAMAGE_KINDS;

const pct = (part, whole) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(2)}%`);
const results = {};
for (const kind of KINDS) {
  const started = Date.now();
  const score = await core.scoreDamage(kind, REPORTS);
  const cells = score.right + score.wrong + score.open;
  const s2 = score.s2.right + score.s2.wrong + score.s2.open;
  results[kind] = { reports: REPORTS, cells, ...score, seconds: (Date.now() - started) / 1000 };
  console.log(
    `${kind.padEnd(13)} ${REPORTS} reports, ${cells} cells: right ${pct(score.right, cells)}, open ${pct(score.open, cells)}, ` +
      `wrong ${pct(score.wrong, cells)} (sure and wrong: ${score.wrongSure}), open without a finding: ${score.openUnnamed}; ` +
      `sections 三四 right ${pct(score.right - score.s2.right, cells - s2)}, section 二 right ${pct(score.s2.right, s2)} (open ${pct(score.s2.open, s2)}, wrong ${pct(score.s2.wrong, s2)}; ` +
      `placed by a certain fact ${score.rule.right} right, ${score.rule.wrong} wrong; by plausibility alone ${score.plausible.right} right, ${score.plausible.wrong} wrong)`,
  );
}
writeFileSync(fileURLToPath(new URL('damage-results.json', import.meta.url)), `${JSON.stringify(results, null, 2)}\n`);
