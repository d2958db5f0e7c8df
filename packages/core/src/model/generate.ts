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
} from './cells.js';
import type { Report } from './schema.js';
import { OVERVIEW_HEADINGS } from './template.js';

/** A source of uniform numbers in [0, 1), such as `Math.random` or `seededRandom(seed)`. */
export type Random = () => number;

/** A small, fast, seeded generator (mulberry32), so generated corpora are reproducible. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A count that is mostly small and often 0, as in real reports. */
function count(random: Random, max = 20): number {
  const r = random();
  if (r < 0.4) return 0;
  return Math.floor(random() * random() * max) + 1;
}

/**
 * A report whose tables hold plausible, non-zero, mutually consistent figures: every rule of
 * the core accepts it. Used by the property tests, the benchmarks and the demo data.
 */
export function generateReport(random: Random, options: GenerateOptions): Report {
  const { format } = options;
  const year = options.year ?? (format === '2019' ? 2019 + Math.floor(random() * 2) : 2021 + Math.floor(random() * 5));
  const agency = options.agency ?? pick(random, AGENCIES);
  const other = options.other ?? defaultOtherLayout(format);
  const cells: Record<string, number> = {
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

function section2Cells(random: Random, format: ReportFormat): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const block of S2_BLOCKS[format]) {
    for (const row of block.rows) {
      for (const column of row.columns) {
        const id = `s2.${row.key}.${column.key}`;
        if (column.kind === 'money') cells[id] = Math.round(random() * random() * 50000) / 100;
        else if (column.kind === 'signedCount') cells[id] = count(random, 6) - count(random, 6);
        else cells[id] = count(random, row.key === 'regulations' ? 3 : row.key === 'normativeDocs' ? 30 : 200);
      }
    }
  }
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
  return cells;
}

/** Section 三 balanced column by column: 新收 + 上年结转 = 办理结果总计 + 结转下年. */
function section3Cells(random: Random, format: ReportFormat, other: OtherRowLayout): Record<string, number> {
  const cells: Record<string, number> = {};
  const outcomeRows = S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other));
  for (const column of APPLICANT_COLUMNS) {
    const scale = column.key === 'natural' ? 30 : 6;
    let total = 0;
    for (const row of outcomeRows) {
      const value = random() < 0.5 ? 0 : count(random, scale);
      cells[`s3.${row}.${column.key}`] = value;
      total += value;
    }
    const carriedIn = count(random, scale / 2);
    let carriedOut = count(random, scale / 2);
    let fresh = total + carriedOut - carriedIn;
    if (fresh < 0) {
      carriedOut -= fresh;
      fresh = 0;
    }
    cells[`s3.new.${column.key}`] = fresh;
    cells[`s3.carriedIn.${column.key}`] = carriedIn;
    cells[`s3.total.${column.key}`] = total;
    cells[`s3.carriedOut.${column.key}`] = carriedOut;
  }
  for (const row of ['new', 'carriedIn', ...outcomeRows, 'total', 'carriedOut']) {
    cells[`s3.${row}.total`] = APPLICANT_COLUMNS.reduce(
      (sum, column) => sum + (cells[`s3.${row}.${column.key}`] ?? 0),
      0,
    );
  }
  return cells;
}

function section4Cells(random: Random): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const group of S4_GROUPS) {
    let total = 0;
    for (const part of S4_PARTS) {
      const value = count(random, 4);
      cells[`s4.${group.key}.${part.key}`] = value;
      total += value;
    }
    cells[`s4.${group.key}.total`] = total;
  }
  return cells;
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
