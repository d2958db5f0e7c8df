import { APPLICANT_COLUMNS, defaultOtherLayout, type ReportFormat } from '../model/cells.js';
import {
  drawSection2,
  drawSection3,
  drawSection4,
  section3OutcomeRows,
  sumSection3Columns,
} from '../model/generate.js';
import type { Random } from '../model/random.js';
import type { CorpusOrgan, OrganClass } from './organs.js';
import { binomial, logNormal, poisson, roundRandom, split } from './random.js';

/*
 * An organ's table figures year after year, as real reports have them: most cells 0; new
 * applications log-normal around a median that depends on the organ's level and kind, growing
 * after the 2019 revision of the 条例; outcomes split in the proportions reports show; and the
 * carry-over (二、上年结转) always last year's 四、结转下年度继续办理, the documents in force last
 * year's plus this year's issued less repealed — except where an error is planted on purpose.
 */

type Column = (typeof APPLICANT_COLUMNS)[number]['key'];
type Cells = Record<string, number>;

/** Median 本年新收 of one organ a year (2021 on), by level and kind. */
const MEDIAN_APPLICATIONS: Readonly<Record<OrganClass, number>> = {
  'province:government': 150,
  'province:department': 50,
  'prefecture:government': 60,
  'prefecture:department': 10,
  'county:government': 20,
  'county:department': 2.5,
  'township:government': 0.4,
  'township:department': 0.4,
};

/** Applications grew slowly to 2018 and jumped with the revised 条例 (in force 2019-05-15). */
export function yearFactor(year: number): number {
  return year < 2019 ? 0.2 + 0.04 * (year - 2008) : Math.min(1.1, 0.8 + 0.05 * (year - 2019));
}

const APPLICANTS: Readonly<Record<Column, number>> = {
  natural: 0.88,
  business: 0.06,
  research: 0.003,
  ngo: 0.004,
  legal: 0.03,
  otherOrg: 0.023,
};

/** Share of handled applications by outcome row (the (六) row single or in its 2021 sub-rows). */
const OUTCOMES: Readonly<Record<string, number>> = {
  granted: 0.42,
  partial: 0.07,
  'denied.secret': 0.003,
  'denied.prohibited': 0.004,
  'denied.safety': 0.004,
  'denied.thirdParty': 0.012,
  'denied.internal': 0.01,
  'denied.process': 0.012,
  'denied.enforcementFile': 0.006,
  'denied.query': 0.01,
  'unable.notHeld': 0.22,
  'unable.needsCreation': 0.03,
  'unable.unclear': 0.02,
  'rejected.petition': 0.04,
  'rejected.duplicate': 0.03,
  'rejected.publication': 0.005,
  'rejected.excessive': 0.01,
  'rejected.confirm': 0.008,
  other: 0.062,
  'other.noCorrection': 0.035,
  'other.unpaidFee': 0.002,
  'other.other': 0.025,
};
const S4_SHARES = { upheld: 0.65, corrected: 0.08, other: 0.17, pending: 0.1 } as const;
/** Share of the year's applications still open on 31 December. */
const CARRY_OUT = 0.04;

/** What an organ carries from one year's report to the next. */
export interface OrganState {
  /** The organ's usual yearly applications at the 2021 level (its median drawn once). */
  readonly scale: number;
  carriedOut?: Record<Column, number>;
  inForce?: { regulations: number; normativeDocs: number };
  handledLastYear: number;
}

export function organState(random: Random, organ: CorpusOrgan): OrganState {
  return { scale: logNormal(random, MEDIAN_APPLICATIONS[`${organ.level}:${organ.kind}`], 1), handledLastYear: 0 };
}

/** An error put into a report on purpose, so tests and benches know what must be found. */
export interface PlantedError {
  /**
   * - `carryOver`: 二、上年结转 differs from last year's 四、结转下年度继续办理 (自然人 column);
   * - `balance`: 一 + 二 ≠ 三(七) + 四 in the 自然人 column;
   * - `outlier`: new applications 20–50 times the organ's usual, consistent otherwise.
   */
  readonly kind: 'carryOver' | 'balance' | 'outlier';
  readonly cells: readonly string[];
  /** What was done, in Chinese, for a reader of the truth file. */
  readonly detail: string;
}
export type PlantedKind = PlantedError['kind'];

interface Section3 {
  readonly planted: PlantedError[];
  readonly handled: number;
}

function section3(
  cells: Cells,
  random: Random,
  state: OrganState,
  year: number,
  format: ReportFormat,
  plant?: PlantedKind,
): Section3 {
  const planted: PlantedError[] = [];
  const jump = plant === 'outlier' ? 20 + random() * 30 : 1;
  const fresh = split(
    random,
    roundRandom(random, logNormal(random, state.scale * yearFactor(year) * jump, 0.35)),
    APPLICANTS,
  );
  const rows = section3OutcomeRows(format, defaultOtherLayout(format));
  const weights = Object.fromEntries(rows.map((row) => [row, OUTCOMES[row] ?? 0]));
  const carriedOut = {} as Record<Column, number>;
  drawSection3(
    rows,
    (key) => {
      let carriedIn = state.carriedOut?.[key] ?? binomial(random, fresh[key], CARRY_OUT);
      if (plant === 'carryOver' && key === 'natural' && state.carriedOut) {
        carriedIn += 1 + Math.floor(random() * 5);
        planted.push({
          kind: 'carryOver',
          cells: ['s3.carriedIn.natural'],
          detail: `上年结转（自然人）改为 ${carriedIn}`,
        });
      }
      const open = fresh[key] + carriedIn;
      carriedOut[key] = binomial(random, open, CARRY_OUT);
      return { outcomes: split(random, open - carriedOut[key], weights), carriedIn, carriedOut: carriedOut[key] };
    },
    cells,
  );
  if (plant === 'balance') {
    cells['s3.new.natural'] = (cells['s3.new.natural'] ?? 0) + 1 + Math.floor(random() * 9);
    planted.push({ kind: 'balance', cells: ['s3.new.natural'], detail: '本年新收（自然人）多计，一加二不等于三加四' });
    sumSection3Columns(cells, rows);
  }
  if (plant === 'outlier') {
    planted.push({ kind: 'outlier', cells: ['s3.new.total'], detail: `本年新收为常年的 ${jump.toFixed(0)} 倍` });
  }
  state.carriedOut = carriedOut;
  return { planted, handled: cells['s3.total.total'] ?? 0 };
}

/** Section 四: cases follow applications; none where no application was handled in two years. */
function section4(cells: Cells, random: Random, handled: number, handledLastYear: number): void {
  const base = handled + handledLastYear;
  const means = { review: 0.02 * base, suit: 0.008 * base, suitAfterReview: 0.003 * base };
  drawSection4((group) => split(random, base > 0 ? poisson(random, means[group]) : 0, S4_SHARES), cells);
}

/** A count most organs leave at 0, log-normal where it is not. */
function activity(random: Random, organ: CorpusOrgan, median: number): number {
  const active = organ.level === 'township' ? 0.15 : organ.kind === 'government' ? 0.3 : 0.5;
  return random() < active ? roundRandom(random, logNormal(random, median, 1)) : 0;
}

function money(random: Random, organ: CorpusOrgan): number {
  return Math.round(activity(random, organ, 20) * (0.5 + random()) * 100) / 100;
}

function section2(random: Random, organ: CorpusOrgan, state: OrganState, format: ReportFormat): Cells {
  const cells: Cells = {};
  const makesRules = organ.kind === 'government' && (organ.level === 'province' || organ.level === 'prefecture');
  const docs = { regulations: makesRules ? poisson(random, 2) : 0, normativeDocs: activity(random, organ, 4) };
  if (format === '2021') {
    const inForce = state.inForce ?? { regulations: docs.regulations * 8, normativeDocs: docs.normativeDocs * 6 };
    for (const row of ['regulations', 'normativeDocs'] as const) {
      const repealed = Math.min(inForce[row], poisson(random, inForce[row] * 0.05));
      inForce[row] += docs[row] - repealed;
      Object.assign(cells, { [`s2.${row}.issued`]: docs[row], [`s2.${row}.repealed`]: repealed });
      cells[`s2.${row}.inForce`] = inForce[row];
    }
    state.inForce = inForce;
  } else {
    for (const row of ['regulations', 'normativeDocs'] as const) {
      cells[`s2.${row}.made`] = docs[row];
      cells[`s2.${row}.published`] = docs[row];
      cells[`s2.${row}.total`] = docs[row] + poisson(random, docs[row] * 5);
    }
  }
  return drawSection2(
    format,
    (row, column) => {
      if (column.kind === 'money') return money(random, organ);
      if (column.kind === 'signedCount') return poisson(random, 0.5) - poisson(random, 0.5);
      return activity(random, organ, column.key === 'prevItems' ? 15 : 40);
    },
    cells,
  );
}

export interface YearFigures {
  readonly cells: Cells;
  readonly planted: readonly PlantedError[];
}

/** One year's table figures of an organ, advancing `state` to the next year. */
export function yearFigures(
  random: Random,
  organ: CorpusOrgan,
  state: OrganState,
  year: number,
  format: ReportFormat,
  plant?: PlantedKind,
): YearFigures {
  // One object the sections write into: spreading three objects of ~50 keys each took most of the time.
  const cells = section2(random, organ, state, format);
  const s3 = section3(cells, random, state, year, format, plant);
  section4(cells, random, s3.handled, state.handledLastYear);
  state.handledLastYear = s3.handled;
  return { cells, planted: s3.planted };
}
