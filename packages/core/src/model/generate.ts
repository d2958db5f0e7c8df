import {
  APPLICANT_COLUMNS,
  S2_BLOCKS,
  S3_OUTCOME_GROUPS,
  S4_GROUPS,
  S4_PARTS,
  defaultOtherLayout,
  outcomeRowKeys,
  type OtherRowLayout,
  type ReportFormat,
  type S2Column,
} from './cells.js';
import { pick, type Random } from './random.js';
import type { Report } from './schema.js';
import { OVERVIEW_HEADINGS } from './template.js';

export { seededRandom, type Random } from './random.js';

export interface GenerateOptions {
  readonly format: ReportFormat;
  readonly year?: number;
  readonly agency?: string;
  /** How (六)其他处理 is printed; defaults to the format's own table. */
  readonly other?: OtherRowLayout;
}

const AGENCIES = [
  '相山区应急管理局',
  '海盐县应急管理局',
  '大冶市应急管理局',
  '卫滨区教育局',
  '上城区民政局',
  '临安区卫生健康委员会',
];

/**
 * A report whose tables hold plausible, non-zero, mutually consistent figures: every rule of
 * the core accepts it. Used by the property tests, the benchmarks and the demo data.
 */
export function generateReport(random: Random, options: GenerateOptions): Report {
  const { format } = options;
  const year = options.year ?? (format === '2019' ? 2019 + Math.floor(random() * 2) : 2021 + Math.floor(random() * 5));
  const agency = options.agency ?? pick(random, AGENCIES);
  const other = options.other ?? defaultOtherLayout(format);
  const cells: Cells = {
    ...section2Cells(random, format),
    ...section3Cells(random, format, other),
    ...section4Cells(random),
  };
  return {
    meta: { agency, year, format, title: `${agency}${year}年政府信息公开工作年度报告` },
    sections: generatedSections(agency, year, format, cells['s3.new.total'] ?? 0),
    cells,
  };
}

type Cells = Record<string, number>;
type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number]['key'];
type S4Group = (typeof S4_GROUPS)[number]['key'];
type S4Part = (typeof S4_PARTS)[number]['key'];

/*
 * The tables' cells drawn section by section. The walk over each table and its sums are here
 * once; what is drawn is the caller's: this file's plain counts for the tests and benches, the
 * synthetic corpus's organ-by-organ distributions (corpus/figures.ts) for the corpus.
 */

/** Section 二's cells, each drawn by `draw`; those `cells` already hold are kept. */
export function drawSection2(
  format: ReportFormat,
  draw: (row: string, column: S2Column) => number,
  cells: Cells = {},
): Cells {
  for (const block of S2_BLOCKS[format]) {
    for (const row of block.rows) {
      for (const column of row.columns) {
        const id = `s2.${row.key}.${column.key}`;
        if (!(id in cells)) cells[id] = draw(row.key, column);
      }
    }
  }
  return cells;
}

/** One applicant column of section 三 as drawn: 本年新收 follows from these. */
export interface Section3Column {
  /** By outcome row key; a row left out is 0. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly carriedIn: number;
  readonly carriedOut: number;
}

/** The outcome row keys of section 三 (the (六) row single or in its sub-rows). */
export function section3OutcomeRows(format: ReportFormat, other: OtherRowLayout): string[] {
  return S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other));
}

/**
 * Section 三 balanced column by column: 新收 + 上年结转 = 办理结果总计 + 结转下年, more carried out
 * where the drawn figures would leave 新收 negative; the 总计 column the sum of the others.
 */
export function drawSection3(
  rows: readonly string[],
  draw: (column: ApplicantColumn) => Section3Column,
  cells: Cells = {},
): Cells {
  for (const { key } of APPLICANT_COLUMNS) {
    const drawn = draw(key);
    let total = 0;
    for (const row of rows) {
      const value = drawn.outcomes[row] ?? 0;
      cells[`s3.${row}.${key}`] = value;
      total += value;
    }
    let carriedOut = drawn.carriedOut;
    let fresh = total + carriedOut - drawn.carriedIn;
    if (fresh < 0) {
      carriedOut -= fresh;
      fresh = 0;
    }
    cells[`s3.new.${key}`] = fresh;
    cells[`s3.carriedIn.${key}`] = drawn.carriedIn;
    cells[`s3.total.${key}`] = total;
    cells[`s3.carriedOut.${key}`] = carriedOut;
  }
  sumSection3Columns(cells, rows);
  return cells;
}

/** Section 三's 总计 column: the applicant columns added up, row by row. */
export function sumSection3Columns(cells: Cells, rows: readonly string[]): void {
  for (const row of ['new', 'carriedIn', ...rows, 'total', 'carriedOut']) {
    cells[`s3.${row}.total`] = APPLICANT_COLUMNS.reduce(
      (sum, column) => sum + (cells[`s3.${row}.${column.key}`] ?? 0),
      0,
    );
  }
}

/** Section 四: each group's parts drawn by `draw`, its 总计 their sum. */
export function drawSection4(draw: (group: S4Group) => Readonly<Record<S4Part, number>>, cells: Cells = {}): Cells {
  for (const group of S4_GROUPS) {
    const parts = draw(group.key);
    let total = 0;
    for (const part of S4_PARTS) {
      cells[`s4.${group.key}.${part.key}`] = parts[part.key];
      total += parts[part.key];
    }
    cells[`s4.${group.key}.total`] = total;
  }
  return cells;
}

/** A count that is mostly small and often 0, as in real reports. */
function count(random: Random, max = 20): number {
  const r = random();
  if (r < 0.4) return 0;
  return Math.floor(random() * random() * max) + 1;
}

function section2Cells(random: Random, format: ReportFormat): Cells {
  const cells = drawSection2(format, (row, column) => {
    if (column.kind === 'money') return Math.round(random() * random() * 50000) / 100;
    if (column.kind === 'signedCount') return count(random, 6) - count(random, 6);
    return count(random, row === 'regulations' ? 3 : row === 'normativeDocs' ? 30 : 200);
  });
  // Documents in force follow from those issued and repealed; the total published includes this year's.
  for (const row of ['regulations', 'normativeDocs']) {
    const [total, part] = format === '2021' ? ['inForce', 'issued'] : ['total', 'published'];
    cells[`s2.${row}.${total}`] = (cells[`s2.${row}.${total}`] ?? 0) + (cells[`s2.${row}.${part}`] ?? 0);
  }
  // An item count never falls below zero: 上一年项目数量 + 本年增/减 ≥ 0 (0 − before: never a −0).
  for (const id of Object.keys(cells).filter((key) => key.endsWith('.change'))) {
    const before = cells[id.replace(/change$/, 'prevItems')] ?? 0;
    cells[id] = Math.max(cells[id] ?? 0, 0 - before);
  }
  // No project, no amount: 0 采购项目 cannot cost anything (drawn apart, 40% of 2019 reports had 0 projects and an amount).
  if (cells['s2.procurement.items'] === 0) cells['s2.procurement.amount'] = 0;
  return cells;
}

function section3Cells(random: Random, format: ReportFormat, other: OtherRowLayout): Cells {
  const rows = section3OutcomeRows(format, other);
  return drawSection3(rows, (column) => {
    const scale = column === 'natural' ? 30 : 6;
    const outcomes = Object.fromEntries(rows.map((row) => [row, random() < 0.5 ? 0 : count(random, scale)]));
    const carriedIn = count(random, scale / 2);
    return { outcomes, carriedIn, carriedOut: count(random, scale / 2) };
  });
}

function section4Cells(random: Random): Cells {
  return drawSection4(() => ({
    upheld: count(random, 4),
    corrected: count(random, 4),
    other: count(random, 4),
    pending: count(random, 4),
  }));
}

/** The prose sections of a generated report, their figures agreeing with its tables. */
export function generatedSections(
  agency: string,
  year: number,
  format: ReportFormat,
  received: number,
): Report['sections'] {
  return {
    overview: {
      paragraphs: [
        `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。`,
      ],
      subsections: OVERVIEW_HEADINGS.map((heading, index) => ({
        heading,
        paragraphs: [
          index === 1
            ? `${year}年共收到政府信息公开申请${received}件，均在法定期限内答复。`
            : `${heading.slice(3)}工作按照年度工作要点有序推进，第${index + 1}项任务全部完成。`,
        ],
      })),
    },
    problems: {
      paragraphs: ['政策解读形式较为单一，信息发布的及时性有待提高。下一步将加强培训，完善工作机制。'],
      subsections: [],
    },
    otherMatters: {
      paragraphs: [
        format === '2021' ? `本年度未收取信息处理费，发出收费通知0件，金额0万元。` : '无其他需要报告的事项。',
      ],
      subsections: [],
    },
  };
}
