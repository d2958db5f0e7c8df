import { PROSE_SECTION_KEYS, SECTION_TITLES, isSectionEmpty, sectionText } from '../model/sections.js';
import { blankReport } from '../model/template.js';
import { example, sample } from './examples.js';
import { cell, formatNumber, tableFormat } from './helpers.js';
import type { Rule, RuleFinding } from './types.js';

export const sectionMissing: Rule = {
  id: 'section-missing',
  severity: 'error',
  title: '第一、五、六部分（总体情况、存在的主要问题及改进情况、其他需要报告的事项）有文字内容',
  check: ({ report }) =>
    PROSE_SECTION_KEYS.filter((key) => isSectionEmpty(report.sections[key])).map((key) => ({
      message: `“${SECTION_TITLES[key]}”没有内容`,
      cells: [],
    })),
  examples: {
    pass: [example('三部分均有内容', () => sample('2021'))],
    fail: [example('空白模板', () => blankReport({ format: '2021', agency: '相山区应急管理局', year: 2022 }))],
  },
};

/** A sentence that states a year's figure: "2019年度主动公开各类信息779条". */
const YEAR_FIGURE = /((?:19|20)\d{2})\s*年度?[^。；;\n]*?\d+(?:\.\d+)?\s*(?:条|件|篇|次|个|期|场|项|份)/g;
/** Words that make an earlier year a legitimate comparison or a reference to a document. */
const COMPARISON = /同比|较上年|比上年|上年度|相比|较\s*(?:19|20)\d{2}|《[^》]*$/;
/** An earlier year right after 较/比/与: "较2019年增加21条". */
const COMPARED_WITH = /(?:较|比|与|同)\s*$/;

export const textYearMismatch: Rule = {
  id: 'text-year-mismatch',
  severity: 'warning',
  title: '标题和正文中陈述的年度与报告年度一致（不把上年的数字当作本年度的数字）',
  check: ({ report }) => {
    const year = report.meta.year;
    const findings: RuleFinding[] = [];
    // A title names the year reported on: "相山区应急管理局2020年政府信息公开工作年度报告".
    const titleYear = /((?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)/.exec(report.meta.title ?? '');
    if (titleYear && Number(titleYear[1]) !== year) {
      findings.push({ message: `标题“${report.meta.title}”写的是${titleYear[1]}年，但报告年度为${year}年`, cells: [] });
    }
    for (const key of PROSE_SECTION_KEYS) {
      const text = sectionText(report.sections[key]);
      for (const match of text.matchAll(YEAR_FIGURE)) {
        const stated = Number(match[1]);
        if (stated >= year) continue;
        const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index);
        const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('\n')) + 1;
        const sentence = before.slice(sentenceStart);
        if (COMPARISON.test(match[0]) || COMPARISON.test(sentence) || COMPARED_WITH.test(sentence)) continue;
        findings.push({
          message: `“${SECTION_TITLES[key]}”写有“${match[0].trim()}”，但本报告是${year}年度报告：年份与报告年度不符`,
          cells: [],
        });
      }
    }
    return findings;
  },
  examples: {
    pass: [
      example('与上年比较的表述', () =>
        sample(
          '2019',
          (r) => {
            r.sections.overview.paragraphs.push('2020年主动公开信息800条，较2019年增加21条。');
          },
          { year: 2020 },
        ),
      ),
    ],
    fail: [
      example('标题的年份与报告年度不符', () =>
        sample('2021', (r) => {
          r.meta.title = `${r.meta.agency}${r.meta.year - 1}年政府信息公开工作年度报告`;
        }),
      ),
      example('2020 年度报告写“2019年度主动公开各类信息779条”', () =>
        sample(
          '2019',
          (r) => {
            r.sections.overview.paragraphs.push('2019年度主动公开各类信息779条。');
          },
          { year: 2020 },
        ),
      ),
    ],
  },
};

const FEE_WORDS = /信息处理费|处理费/;

export const feeNotReported: Rule = {
  id: 'fee-not-reported',
  severity: 'warning',
  title: '2021 格式报告在第六部分说明信息处理费的收取情况',
  check: ({ report }) => {
    if (tableFormat(report) !== '2021') return [];
    if (FEE_WORDS.test(sectionText(report.sections.otherMatters))) return [];
    return [
      {
        message: '“六、其他需要报告的事项”未说明本年度信息处理费的收取情况（发出收费通知的件数和金额、实际收取金额）',
        cells: [],
      },
    ];
  },
  examples: {
    pass: [example('说明了未收取信息处理费', () => sample('2021'))],
    fail: [
      example('第六部分只写“无”', () =>
        sample('2021', (r) => {
          r.sections.otherMatters = { paragraphs: ['无其他需要报告的事项。'], subsections: [] };
        }),
      ),
    ],
  },
};

const NO_APPLICATIONS = /未(?:收到|受理|接到|接收)[^。；;，,\n]{0,14}?申请/;
const APPLICATIONS_RECEIVED = /(?:新?收到|受理|接收)[^。；;\n]{0,16}?申请[^。；;\n\d]{0,4}?(\d+)\s*件/;

export const proseContradictsTable: Rule = {
  id: 'prose-contradicts-table',
  severity: 'warning',
  title: '第一部分正文所述申请数量与第三部分表格一致',
  check: ({ report }) => {
    const received = cell(report, 's3.new.total');
    if (typeof received !== 'number') return [];
    const text = sectionText(report.sections.overview);
    const none = NO_APPLICATIONS.exec(text);
    if (none && received > 0) {
      return [
        {
          message: `“一、总体情况”称“${none[0]}”，但第三部分表格本年新收申请为 ${formatNumber(received)} 件`,
          cells: ['s3.new.total'],
        },
      ];
    }
    const stated = APPLICATIONS_RECEIVED.exec(text);
    if (stated && Number(stated[1]) !== received) {
      return [
        {
          message: `“一、总体情况”称“${stated[0]}”，但第三部分表格本年新收申请为 ${formatNumber(received)} 件`,
          cells: ['s3.new.total'],
        },
      ];
    }
    return [];
  },
  examples: {
    pass: [example('正文与表格一致', () => sample('2021'))],
    fail: [
      example('正文称未收到申请而表格有申请', () =>
        sample('2021', (r) => {
          r.sections.overview.subsections[1] = {
            heading: '（二）依申请公开',
            paragraphs: ['全年未收到依申请公开件。'],
          };
          r.cells['s3.new.natural'] = (r.cells['s3.new.natural'] ?? 0) + 1;
        }),
      ),
    ],
  },
};
