import { S3_COLUMNS } from '../model/cells.js';
import { consecutive, example } from './examples.js';
import { cell, formatNumber, normaliseAgency, previousYear, sumCells, tableFormat } from './helpers.js';
import type { Rule, RuleFinding } from './types.js';

export const crossYearMismatch: Rule = {
  id: 'cross-year-mismatch',
  severity: 'warning',
  title: '用于跨年度核对的上年报告是同一机关上一年度的报告',
  crossYear: true,
  check: ({ report, previous }) => {
    if (!previous) return [];
    const problems: string[] = [];
    if (previous.meta.year !== report.meta.year - 1) {
      problems.push(`上年报告为${previous.meta.year}年度，不是${report.meta.year - 1}年度`);
    }
    if (normaliseAgency(previous.meta.agency) !== normaliseAgency(report.meta.agency)) {
      problems.push(`上年报告的机关为“${previous.meta.agency}”，不是“${report.meta.agency}”`);
    }
    if (problems.length === 0) return [];
    return [{ message: `${problems.join('；')}：未进行跨年度核对`, cells: [] }];
  },
  examples: {
    pass: [example('连续两年同一机关', () => consecutive('2021'))],
    fail: [
      example('上年报告隔了一年', () =>
        consecutive('2021', (_current, previous) => {
          previous.meta.year = 2021;
        }),
      ),
    ],
  },
};

export const crossYearCarryover: Rule = {
  id: 'cross-year-carryover',
  severity: 'error',
  title: '本年“上年结转”等于上年报告的“结转下年度继续办理”（各列分别计算）',
  crossYear: true,
  check: ({ report, previous }) => {
    const last = previousYear(report, previous);
    if (!last) return [];
    return S3_COLUMNS.flatMap((column): RuleFinding[] => {
      const inId = `s3.carriedIn.${column.key}`;
      const outId = `s3.carriedOut.${column.key}`;
      const carriedIn = cell(report, inId);
      const carriedOut = cell(last, outId);
      if (typeof carriedIn !== 'number' || typeof carriedOut !== 'number' || carriedIn === carriedOut) return [];
      return [
        {
          message: `“${column.label}”列：本年上年结转为 ${formatNumber(carriedIn)}，但${last.meta.year}年度报告结转下年度继续办理为 ${formatNumber(carriedOut)}`,
          cells: [inId],
        },
      ];
    });
  },
  examples: {
    pass: [example('结转衔接', () => consecutive('2021'))],
    fail: [
      example('上年结转未衔接', () =>
        consecutive('2019', (_current, previous) => {
          previous.cells['s3.carriedOut.natural'] = (previous.cells['s3.carriedOut.natural'] ?? 0) + 4;
          previous.cells['s3.carriedOut.total'] = (previous.cells['s3.carriedOut.total'] ?? 0) + 4;
        }),
      ),
    ],
  },
};

export const crossYearInForce: Rule = {
  id: 'cross-year-in-force',
  severity: 'error',
  title: '现行有效件数等于上年现行有效件数加本年制发件数减本年废止件数（两年均为 2021 格式时）',
  crossYear: true,
  check: ({ report, previous }) => {
    const last = previousYear(report, previous);
    if (!last || tableFormat(report) !== '2021' || tableFormat(last) !== '2021') return [];
    return (['regulations', 'normativeDocs'] as const).flatMap((row): RuleFinding[] => {
      const label = row === 'regulations' ? '规章' : '行政规范性文件';
      const ids = [`s2.${row}.inForce`, `s2.${row}.issued`, `s2.${row}.repealed`];
      const [inForce, issued, repealed] = ids.map((id) => cell(report, id));
      const before = cell(last, `s2.${row}.inForce`);
      if (
        typeof inForce !== 'number' ||
        typeof issued !== 'number' ||
        typeof repealed !== 'number' ||
        typeof before !== 'number'
      )
        return [];
      const expected = before + issued - repealed;
      if (expected === inForce) return [];
      return [
        {
          message: `“${label}”现行有效件数为 ${formatNumber(inForce)}，但上年现行有效 ${formatNumber(before)} + 本年制发 ${formatNumber(issued)} − 本年废止 ${formatNumber(repealed)} = ${formatNumber(expected)}`,
          cells: ids,
        },
      ];
    });
  },
  examples: {
    pass: [example('现行有效件数衔接', () => consecutive('2021'))],
    fail: [
      example('规范性文件现行有效件数未扣除废止', () =>
        consecutive('2021', (current) => {
          current.cells['s2.normativeDocs.repealed'] = (current.cells['s2.normativeDocs.repealed'] ?? 0) + 2;
        }),
      ),
    ],
  },
};

const HANDLED = ['s3.new.total', 's3.carriedIn.total'];
const CASES = ['s4.review.total', 's4.suit.total', 's4.suitAfterReview.total'];

export const s4WithoutApplications: Rule = {
  id: 's4-without-applications',
  severity: 'warning',
  title: '有政府信息公开行政复议、诉讼案件时，本年或上年应办理过政府信息公开申请',
  crossYear: true,
  check: ({ report, previous }) => {
    const last = previousYear(report, previous);
    if (!last) return [];
    const cases = sumCells(report, CASES);
    const handled = sumCells(report, HANDLED);
    const handledBefore = sumCells(last, HANDLED);
    if (!cases || handled !== 0 || handledBefore !== 0) return [];
    return [
      {
        message: `第四部分有行政复议、行政诉讼案件 ${formatNumber(cases)} 件，但本年和上年（${last.meta.year}年度）均未办理政府信息公开申请`,
        cells: [...CASES, ...HANDLED],
      },
    ];
  },
  examples: {
    pass: [example('有申请也有复议', () => consecutive('2021'))],
    fail: [
      example('两年都没有申请却有复议案件', () =>
        consecutive('2021', (current, previous) => {
          for (const r of [current, previous]) {
            for (const id of Object.keys(r.cells)) if (id.startsWith('s3.')) r.cells[id] = 0;
          }
          current.cells['s4.review.upheld'] = 1;
          current.cells['s4.review.pending'] = 0;
          current.cells['s4.review.corrected'] = 0;
          current.cells['s4.review.other'] = 0;
          current.cells['s4.review.total'] = 1;
        }),
      ),
    ],
  },
};
