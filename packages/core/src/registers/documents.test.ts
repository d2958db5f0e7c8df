import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../compile/records.js';
import { DOCUMENTS_CSV_HEADER, documentsCsvTemplate, parseDocumentsCsv, writeDocumentsCsv } from './documents.js';

const HEADER = '类别,文号,标题,制发日期,废止日期';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseDocumentsCsv: rows that pass', () => {
  it('reads each kind, every date form, and optional 文号 and 废止日期', () => {
    const { rows, errors } = parseDocumentsCsv(
      csv(
        '规章,相政令〔2024〕1号,相山区安全生产管理办法,2024-03-05,',
        '行政规范性文件,相应急规〔2024〕2号,关于规范执法的意见,2024/3/5,2026年3月5日',
        '规范性文件,,关于印发制度的通知,2024.3.5,2024.3.5',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        value: {
          kind: 'regulation',
          number: '相政令〔2024〕1号',
          title: '相山区安全生产管理办法',
          issuedOn: '2024-03-05',
        },
      },
      {
        line: 3,
        value: {
          kind: 'normativeDoc',
          number: '相应急规〔2024〕2号',
          title: '关于规范执法的意见',
          issuedOn: '2024-03-05',
          repealedOn: '2026-03-05',
        },
      },
      {
        line: 4,
        value: { kind: 'normativeDoc', title: '关于印发制度的通知', issuedOn: '2024-03-05', repealedOn: '2024-03-05' },
      },
    ]);
  });

  it('takes the columns in any order and without the optional ones', () => {
    const { rows, errors } = parseDocumentsCsv('标题,制发日期,类别\n某规章,2025-01-02,规章\n');
    expect(errors).toEqual([]);
    expect(rows[0]?.value).toEqual({ kind: 'regulation', title: '某规章', issuedOn: '2025-01-02' });
  });
});

describe('parseDocumentsCsv: rows that fail', () => {
  const failing = (line: string) =>
    parseDocumentsCsv(csv('规章,令1号,好的一行,2024-01-01,', line, '规章,令3号,也好,2024-01-02,'));

  it.each([
    ['通知,令2号,标题,2024-01-01,', '类别', '第3行“类别”：“通知”不是规章、行政规范性文件或规范性文件'],
    [',令2号,标题,2024-01-01,', '类别', '第3行“类别”：不能为空'],
    ['规章,令2号,,2024-01-01,', '标题', '第3行“标题”：不能为空'],
    ['规章,令2号,标题,,', '制发日期', '第3行“制发日期”：不能为空'],
    ['规章,令2号,标题,2026-13-01,', '制发日期', '第3行“制发日期”：2026-13-01 不是有效日期'],
    ['规章,令2号,标题,2024-01-01,2024/2/30', '废止日期', '第3行“废止日期”：2024/2/30 不是有效日期'],
    ['规章,令2号,标题,2024-05-01,2024-04-30', '废止日期', '第3行“废止日期”：2024-04-30 早于制发日期 2024-05-01'],
    ['规章,令1号,重复的文号,2024-01-01,', '文号', '第3行“文号”：“令1号”与第2行重复'],
  ])('reports %s and reads on past it', (line, field, message) => {
    const { rows, errors } = failing(line);
    expect(errors).toEqual([{ line: 3, field, message }]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports every problem of a row at once', () => {
    const { rows, errors } = parseDocumentsCsv(csv('公告,,,明天,昨天'));
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.field)).toEqual(['类别', '标题', '制发日期', '废止日期']);
  });

  it('reads no rows when a required header is missing', () => {
    const { rows, errors } = parseDocumentsCsv('类别,文号,题目,制发日期\n规章,令1号,标题,2024-01-01\n');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, field: '标题', message: '第1行“标题”：缺少此表头，无法导入' }]);
  });
});

describe('writeDocumentsCsv', () => {
  it('writes a template with a BOM and the header, which reads back as no rows and no errors', () => {
    const template = documentsCsvTemplate();
    expect(template).toBe(`\ufeff${DOCUMENTS_CSV_HEADER.join(',')}\r\n`);
    expect(parseDocumentsCsv(template)).toEqual({ rows: [], errors: [] });
  });

  it('writes a register that reads back unchanged', () => {
    const text = (min: number) => fc.string({ minLength: min, maxLength: 30 }).filter((s) => s.trim() === s);
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const documentRecord = fc
      .record({
        kind: fc.constantFrom('regulation', 'normativeDoc' as const),
        number: fc.option(text(1), { nil: undefined }),
        title: text(1),
        issuedOn: day,
        repealAfter: fc.option(fc.nat({ max: 3000 }), { nil: undefined }),
      })
      .map(({ kind, number, title, issuedOn, repealAfter }): DocumentRecord => ({
        kind,
        ...(number ? { number } : {}),
        title,
        issuedOn,
        ...(repealAfter === undefined
          ? {}
          : { repealedOn: new Date(Date.parse(issuedOn) + repealAfter * 86_400_000).toISOString().slice(0, 10) }),
      }));
    fc.assert(
      fc.property(
        fc.uniqueArray(documentRecord, { maxLength: 20, selector: (d) => d.number ?? Symbol() }),
        (documents) => {
          const { rows, errors } = parseDocumentsCsv(writeDocumentsCsv(documents));
          expect(errors).toEqual([]);
          expect(rows.map((r) => r.value)).toEqual(documents);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});
