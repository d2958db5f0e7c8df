import { describe, expect, it } from 'vitest';
import { compileReport } from '../compile/compile.js';
import { checkReport } from '../rules/index.js';
import { parseDocumentsCsv } from './documents.js';
import { parseFiguresCsv } from './figures.js';
import { parseReviewsCsv } from './reviews.js';

describe('registers imported from CSV compile into a report', () => {
  it('carries documents, reviews and figures through to the cells, with case numbers as sources', () => {
    const documents = parseDocumentsCsv(
      '类别,文号,标题,制发日期,废止日期\n规章,令1号,办法,2023-05-01,\n规范性文件,规2号,意见,2024/3/5,2024年12月1日\n',
    );
    const reviews = parseReviewsCsv(
      '类型,案号,收案日期,审结日期,结果\n行政复议,淮复〔2024〕3号,2024-02-01,2024-04-01,纠正\n行政诉讼,行初12号,2024-11-01,,\n',
    );
    const figures = parseFiguresCsv(
      '项目,数值\n行政许可·本年处理决定数量,12\n行政事业性收费·本年收费金额,3.25\n',
      '2021',
    );
    for (const imported of [documents, reviews, figures]) expect(imported.errors).toEqual([]);

    const { report, sources } = compileReport({
      agency: '相山区应急管理局',
      year: 2024,
      applications: [],
      documents: documents.rows.map((r) => r.value),
      reviews: reviews.rows.map((r) => r.value),
      figures: Object.fromEntries(figures.rows.map((r) => [r.value.cellId, r.value.value])),
      sections: {
        overview: { paragraphs: ['本年度依法推进政府信息公开工作。'], subsections: [] },
        problems: { paragraphs: ['无。'], subsections: [] },
        otherMatters: { paragraphs: ['本年度未收取信息处理费。'], subsections: [] },
      },
    });
    expect(report.cells).toMatchObject({
      's2.regulations.inForce': 1,
      's2.normativeDocs.issued': 1,
      's2.normativeDocs.repealed': 1,
      's2.normativeDocs.inForce': 0,
      's2.licensing.decisions': 12,
      's2.fees.amount': 3.25,
      's4.review.corrected': 1,
      's4.suit.pending': 1,
    });
    expect(sources['s4.review.total']).toEqual({ count: 1, ids: ['淮复〔2024〕3号'] });
    expect(checkReport({ report }).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
