import { describe, expect, it } from 'vitest';
import { figureCellIds } from '../compile/figures.js';
import { FIGURES_CSV_HEADER, figuresCsvTemplate, parseFiguresCsv, writeFiguresCsv } from './figures.js';

const csv = (...lines: string[]) => ['项目,数值', ...lines].join('\n');

describe('parseFiguresCsv: rows that pass', () => {
  it('reads items by label in the spellings people use, or by cell ID, with or without units', () => {
    const { rows, errors } = parseFiguresCsv(
      csv(
        '行政许可·本年处理决定数量,12',
        '行政处罚 本年处理决定数量,37件',
        's2.enforcement.decisions, 0 ',
        '"行政事业性收费·本年收费金额（单位：万元）",3.25万元',
      ),
      '2021',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, value: { cellId: 's2.licensing.decisions', value: 12 } },
      { line: 3, value: { cellId: 's2.penalty.decisions', value: 37 } },
      { line: 4, value: { cellId: 's2.enforcement.decisions', value: 0 } },
      { line: 5, value: { cellId: 's2.fees.amount', value: 3.25 } },
    ]);
  });

  it('reads the 2019 items, negative changes and amounts without their unit included', () => {
    const { rows, errors } = parseFiguresCsv(
      csv(
        '行政许可·本年增/减,-3',
        '其他对外管理服务事项-上一年项目数量,"1,204"',
        '政府集中采购·采购总金额,102.85',
        '行政事业性收费：本年增减,2',
      ),
      '2019',
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.value)).toEqual([
      { cellId: 's2.licensing.change', value: -3 },
      { cellId: 's2.otherServices.prevItems', value: 1204 },
      { cellId: 's2.procurement.amount', value: 102.85 },
      { cellId: 's2.fees.change', value: 2 },
    ]);
  });

  it('skips items without a value, so that a template can be filled in part', () => {
    const { rows, errors } = parseFiguresCsv(
      csv('行政许可·本年处理决定数量,', '行政处罚·本年处理决定数量,—', '行政强制·本年处理决定数量,5'),
      '2021',
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ line: 4, value: { cellId: 's2.enforcement.decisions', value: 5 } }]);
  });
});

describe('parseFiguresCsv: rows that fail', () => {
  it.each([
    [',5', '项目', '第3行“项目”：不能为空'],
    ['行政复议·结果维持,5', '项目', '第3行“项目”：“行政复议·结果维持”不是 2021 格式第二部分需要填报的项目'],
    ['规章·本年制发件数,2', '项目', '第3行“项目”：“规章·本年制发件数”由文件登记统计得出，无需填报'],
    ['s2.normativeDocs.inForce,2', '项目', '第3行“项目”：“s2.normativeDocs.inForce”由文件登记统计得出，无需填报'],
    ['政府集中采购·采购项目数量,2', '项目', '第3行“项目”：“政府集中采购·采购项目数量”不是 2021 格式第二部分的项目'],
    ['s3.new.natural,2', '项目', '第3行“项目”：“s3.new.natural”不是 2021 格式第二部分的项目'],
    ['s2.licensing.decisions,9', '项目', '第3行“项目”：“s2.licensing.decisions”与第2行重复'],
    ['行政处罚·本年处理决定数量,十二', '数值', '第3行“数值”：“十二”不是数字'],
    ['行政处罚·本年处理决定数量,12.5', '数值', '第3行“数值”：应为整数：12.5'],
    ['行政处罚·本年处理决定数量,-1', '数值', '第3行“数值”：不能为负数：-1'],
    ['行政事业性收费·本年收费金额,-0.5', '数值', '第3行“数值”：金额不能为负数：-0.5'],
    ['行政事业性收费·本年收费金额,32500元', '数值', '第3行“数值”：“32500元”以元为单位，应换算为万元填写'],
  ])('reports %s and reads on past it', (line, field, message) => {
    const { rows, errors } = parseFiguresCsv(
      csv('行政许可·本年处理决定数量,12', line, '行政强制·本年处理决定数量,1'),
      '2021',
    );
    expect(errors).toEqual([{ line: 3, field, message }]);
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reports a bad item and a bad value of one row together', () => {
    const { errors } = parseFiguresCsv(csv('不存在的项目,许多'), '2021');
    expect(errors.map((e) => e.field)).toEqual(['项目', '数值']);
  });

  it('reads no rows when a header is missing', () => {
    const { rows, errors } = parseFiguresCsv('项目,数量\ns2.licensing.decisions,1\n', '2021');
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ line: 1, field: '数值', message: '第1行“数值”：缺少此表头，无法导入' }]);
  });
});

describe('writeFiguresCsv', () => {
  it.each(['2019', '2021'] as const)('writes a %s template listing every figure, which reads back empty', (format) => {
    const template = figuresCsvTemplate(format);
    expect(template.startsWith(`\ufeff${FIGURES_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(template.trimEnd().split('\r\n')).toHaveLength(figureCellIds(format).length + 1);
    expect(parseFiguresCsv(template, format)).toEqual({ rows: [], errors: [] });
  });

  it.each(['2019', '2021'] as const)('writes %s figures that read back unchanged, labels and all', (format) => {
    const figures = Object.fromEntries(
      figureCellIds(format).map((id, i) => [id, id.endsWith('.amount') ? i + 0.25 : i]),
    );
    const { rows, errors } = parseFiguresCsv(writeFiguresCsv(format, figures), format);
    expect(errors).toEqual([]);
    expect(Object.fromEntries(rows.map((r) => [r.value.cellId, r.value.value]))).toEqual(figures);
  });
});
