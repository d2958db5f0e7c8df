import type { Kysely } from 'kysely';
import {
  damageText,
  generateCorpus,
  parseReport,
  renderDocx,
  renderHtml,
  renderText,
  seededRandom,
  type CorpusReport,
} from '@xxgk/core';
import { reportFigures } from '@xxgk/node';
import type { Database } from '../db/schema.js';
import { hasCorpusFiles } from '../features/corpus/repository.js';
import { CorpusService } from '../features/corpus/service.js';

/** Reports in the demo's corpus: enough for every chart to have several years and regions. */
export const DEMO_CORPUS_REPORTS = 240;

/**
 * A published report as its organ's site would have it. PDFs are left out: rendering them needs
 * fonts and seconds each, and the corpus reads them the same as the other kinds.
 */
async function fileOf(item: CorpusReport, index: number): Promise<{ name: string; bytes: Uint8Array }> {
  const name = `${String(index).padStart(4, '0')}-${item.name}-${item.year}`;
  const text = (value: string, extension: string) => ({
    name: `${name}.${extension}`,
    bytes: new TextEncoder().encode(value),
  });
  switch (item.input.kind) {
    case 'docx':
      return { name: `${name}.docx`, bytes: await renderDocx(item.report) };
    case 'text':
      return text(renderText(item.report, item.input.layout), 'txt');
    case 'damaged':
      return text(damageText(item.report, item.input.damage, seededRandom(item.renderSeed)), 'txt');
    default:
      return text(renderHtml(item.report), 'html');
  }
}

/**
 * The demo's corpus of published reports (the public page /corpus and the 年报数据分析): a seeded
 * synthetic corpus of organs across the country, 2019 to 2025, imported through the real import
 * (read, organs matched across spellings, summaries made). Loaded only into an empty corpus; a
 * start killed half-way is completed by the next (the import skips files it has).
 */
export async function loadDemoCorpus(db: Kysely<Database>): Promise<number> {
  if (await hasCorpusFiles(db)) return 0;
  const items = [...generateCorpus({ seed: 2026, reports: DEMO_CORPUS_REPORTS, firstYear: 2019, lastYear: 2025 })];
  // Read in this thread: starting the worker pool costs more than reading a few hundred text files.
  const corpus = new CorpusService(db, {
    read: async (bytes, file) => reportFigures(await parseReport(bytes, { file })),
    threads: 1,
  });
  const files = [];
  for (const [index, item] of items.entries()) {
    const file = await fileOf(item, index);
    files.push({ name: file.name, read: async () => ({ bytes: file.bytes }) });
  }
  const batch = await corpus.startBatch(null, '演示语料', files.length);
  const summary = await corpus.importCorpusFiles(files, { batch });
  await corpus.close();
  return summary.read + summary.review;
}
