// Writes a synthetic corpus (packages/core/src/corpus) to a directory as the files organs publish —
// PDF, DOCX, HTML, plain text, text damaged on its way to a reader — with `truth.json` beside
// them: every organ, and every file's organ, spelling, year, format, figures and planted errors,
// so the import tests and bench:corpus know what must be read. The core only describes the
// reports; the bytes are made here, on the Node side.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { damageText, generateCorpus, renderDocx, renderHtml, renderPdf, renderText, seededRandom } from '@xxgk/core';
import { loadFonts } from '@xxgk/node';

const EXTENSIONS = { pdf: 'pdf', docx: 'docx', html: 'html', text: 'txt', damaged: 'txt' };

/** The bytes (or text) of one report in its input form. */
export async function renderCorpusReport(item, input = item.input, fonts = undefined) {
  const { report } = item;
  switch (input.kind) {
    case 'pdf':
      return renderPdf(report, fonts ?? (await loadFonts()));
    case 'docx':
      return renderDocx(report);
    case 'html':
      return renderHtml(report);
    case 'text':
      return renderText(report, input.layout);
    case 'damaged':
      return damageText(report, input.damage, seededRandom(item.renderSeed));
  }
  throw new Error(`未知的输入形式：${input.kind}`);
}

const LAYOUTS = ['lines', 'pipe', 'tab'];

/** The form a report is written in: as drawn, or as `options.as` / `options.kinds` ask. */
function inputOf(item, index, options) {
  if (options.as === 'text') return { kind: 'text', layout: LAYOUTS[index % LAYOUTS.length] };
  if (options.as) return { kind: options.as };
  if (options.kinds && !options.kinds.includes(item.input.kind)) return { kind: 'text', layout: 'tab' };
  return item.input;
}

/**
 * Writes `options.reports` reports of `options.seed` into `dir` (created) and `dir/truth.json`.
 * `options.kinds` (e.g. ['text']) keeps only those input kinds: a report drawn as another kind is
 * written as tab text instead, and the truth says so; `options.as` ('pdf', 'docx', 'html' or
 * 'text') writes every report in that form (text in the three layouts in turn). `onProgress(done, total)` is called as
 * files are written. A report before 2019 is printed in the 2019 tables, but its truth has
 * format 'unknown' and no cells: the reader rightly reads none (see CorpusReport.readFormat).
 */
export async function writeCorpus(dir, options, onProgress = undefined) {
  await mkdir(dir, { recursive: true });
  const pdfs = options.as ? options.as === 'pdf' : !options.kinds || options.kinds.includes('pdf');
  const fonts = pdfs ? await loadFonts() : undefined;
  const organs = new Map();
  const files = [];
  let index = 0;
  for (const item of generateCorpus(options)) {
    index += 1;
    const input = inputOf(item, index, options);
    const file = `${String(index).padStart(6, '0')}.${EXTENSIONS[input.kind]}`;
    await writeFile(join(dir, file), await renderCorpusReport(item, input, fonts));
    organs.set(item.organ.id, item.organ);
    files.push({
      file,
      organ: item.organ.id,
      name: item.name,
      year: item.year,
      format: item.readFormat,
      input,
      planted: item.planted,
      // What a correct reader gets: no statutory cells from a report before the national formats.
      cells: item.readFormat === 'unknown' ? {} : item.report.cells,
    });
    onProgress?.(index, options.reports);
  }
  const truth = { seed: options.seed, reports: files.length, organs: [...organs.values()], files };
  await writeFile(join(dir, 'truth.json'), JSON.stringify(truth));
  return truth;
}
