import { seededRandom, generatedSections, type Random } from '../model/generate.js';
import type { ReportFormat } from '../model/cells.js';
import type { Report } from '../model/schema.js';
import { DAMAGE_KINDS, type DamageKind } from '../parse/align/damage.js';
import type { TextLayout } from '../render/text.js';
import { formatForYear } from '../rules/format.js';
import { organState, yearFigures, type PlantedError, type PlantedKind } from './figures.js';
import { drawOrgans, spellName, type CorpusOrgan } from './organs.js';
import { pick, weighted } from './random.js';

/*
 * A synthetic national corpus: organs from the region table, each publishing a report most years
 * from the year it went online, in the national format its year calls for, as the file kinds
 * organs publish (PDF, web page, DOCX, plain text, and text damaged on its way to a reader). The
 * generator only describes the reports; turning them into bytes is the Node side's job
 * (bench/support/corpus.js), so the core stays pure.
 */

export const CORPUS_FIRST_YEAR = 2008;
export const CORPUS_LAST_YEAR = 2025;

export interface CorpusOptions {
  readonly seed: number;
  /** How many reports (the last organ's years are cut to reach it exactly). */
  readonly reports: number;
  /** Share of reports with a planted error (default 0.02). */
  readonly errorShare?: number;
  readonly firstYear?: number;
  readonly lastYear?: number;
}

/** The form a report reaches a reader in. */
export type CorpusInput =
  | { readonly kind: 'pdf' | 'docx' | 'html' }
  | { readonly kind: 'text'; readonly layout: TextLayout }
  | { readonly kind: 'damaged'; readonly damage: DamageKind };

export interface CorpusReport {
  readonly organ: CorpusOrgan;
  /** The name as this report spells it (杭州市上城区安全生产监督管理局). */
  readonly name: string;
  readonly year: number;
  /**
   * The report as printed. Before 2019 there was no national format: those years are printed in
   * the 2019 tables (the nearest to what organs used), but a reader rightly reads no statutory
   * cells from them (`readFormat` 'unknown').
   */
  readonly report: Report;
  /** The format a correct reader finds: the one the year calls for, 'unknown' before 2019. */
  readonly readFormat: ReportFormat | 'unknown';
  readonly input: CorpusInput;
  /** Errors planted in this report (none in most). */
  readonly planted: readonly PlantedError[];
  /** A seed for whatever randomness rendering needs (the damage), so bytes are reproducible. */
  readonly renderSeed: number;
}

/** The first year an organ's reports are online: higher levels earlier, townships mostly late. */
function firstYear(random: Random, organ: CorpusOrgan, from: number, to: number): number {
  const spread = { province: 2, prefecture: 4, county: 7, township: 11 }[organ.level];
  const start = from + Math.floor(random() * random() * spread * 1.6);
  return Math.min(to, Math.max(start, organ.from));
}

/** Kinds of file by share: PDF the most common, web pages more so in the early years. */
function drawInput(random: Random, year: number): CorpusInput {
  const kind = weighted(random, {
    pdf: year < 2015 ? 0.2 : 0.38,
    html: year < 2015 ? 0.42 : 0.22,
    docx: 0.15,
    text: 0.1,
    damaged: 0.15,
  });
  if (kind === 'text') return { kind, layout: pick(random, ['lines', 'pipe', 'tab'] as const) };
  if (kind === 'damaged') return { kind, damage: pick(random, DAMAGE_KINDS) };
  return { kind };
}

/** Share of years an organ that is online publishes no report (or none the corpus found). */
const MISSING_YEAR = 0.08;
const PLANTED_KINDS: readonly PlantedKind[] = ['carryOver', 'balance', 'outlier'];

function* organReports(
  random: Random,
  organ: CorpusOrgan,
  options: Required<Omit<CorpusOptions, 'seed' | 'reports'>>,
): Generator<CorpusReport> {
  const state = organState(random, organ);
  let published = false;
  const start = firstYear(random, organ, options.firstYear, options.lastYear);
  for (let year = start; year <= options.lastYear; year++) {
    // A missing year breaks the chain of carry-overs the checks can see, but not the organ's own.
    const missing = random() < MISSING_YEAR;
    const drawn = random() < options.errorShare ? pick(random, PLANTED_KINDS) : undefined;
    // Errors are planted only where a reader can see them: in the statutory tables of 2019 on.
    const readFormat = formatForYear(year) ?? 'unknown';
    const chained = published && formatForYear(year - 1) !== undefined;
    const plant = readFormat === 'unknown' || (drawn === 'carryOver' && !chained) ? undefined : drawn;
    const format = readFormat === 'unknown' ? '2019' : readFormat;
    const figures = yearFigures(random, organ, state, year, format, plant);
    published = !missing;
    if (missing) continue;
    const name = spellName(random, organ, year);
    const report: Report = {
      meta: { agency: name, year, format, title: `${name}${year}年政府信息公开工作年度报告` },
      sections: generatedSections(name, year, format, figures.cells['s3.new.total'] ?? 0),
      cells: figures.cells,
    };
    const input = drawInput(random, year);
    yield {
      organ,
      name,
      year,
      report,
      readFormat,
      input,
      planted: figures.planted,
      renderSeed: Math.floor(random() * 2 ** 31),
    };
  }
}

/**
 * The corpus, report by report, organ after organ (an organ's years in order), without holding
 * it in memory: 100,000 reports stream through a writer or an INSERT. The same options give the
 * same reports.
 */
export function* generateCorpus(options: CorpusOptions): Generator<CorpusReport> {
  const random = seededRandom(options.seed);
  const rest = {
    errorShare: options.errorShare ?? 0.02,
    firstYear: options.firstYear ?? CORPUS_FIRST_YEAR,
    lastYear: options.lastYear ?? CORPUS_LAST_YEAR,
  };
  const seen = new Set<string>();
  let made = 0;
  let organs = 0;
  while (made < options.reports) {
    // Organs are drawn in batches as the reports need them; `seen` keeps them distinct throughout.
    const batch = drawOrgans(random, 64, seen, organs + 1);
    organs += batch.length;
    for (const organ of batch) {
      for (const report of organReports(random, organ, rest)) {
        yield report;
        if (++made >= options.reports) return;
      }
    }
  }
}
