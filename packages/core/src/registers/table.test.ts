import { describe, expect, it } from 'vitest';
import { readCsvTable } from './table.js';

const headers = { required: ['甲', '乙'], optional: ['丙'] };

describe('readCsvTable', () => {
  it('matches trimmed headers in any order and ignores other columns', () => {
    const { records, errors } = readCsvTable(' 乙 ,备注,甲\n2, 附注 ,1\n', headers);
    expect(errors).toEqual([]);
    expect(records).toEqual([{ line: 2, fields: { 乙: '2', 甲: '1' } }]);
  });

  it('gives a missing field as empty', () => {
    expect(readCsvTable('甲,乙,丙\n1\n', headers).records).toEqual([{ line: 2, fields: { 甲: '1', 乙: '', 丙: '' } }]);
  });

  it('reports each missing required header on the header line, and reads no rows', () => {
    const { records, errors } = readCsvTable('丙,丁\n1,2\n', headers);
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { line: 1, field: '甲', message: '第1行“甲”：缺少此表头，无法导入' },
      { line: 1, field: '乙', message: '第1行“乙”：缺少此表头，无法导入' },
    ]);
  });

  it('refuses a header used twice', () => {
    const { records, errors } = readCsvTable('甲,乙,甲\n1,2,3\n', headers);
    expect(records).toEqual([]);
    expect(errors).toEqual([{ line: 1, field: '甲', message: '第1行“甲”：表头重复出现，无法确定使用哪一列' }]);
  });

  it('says so when there is nothing to read', () => {
    for (const text of ['', '\n\n', '\ufeff', ',,,\n']) {
      expect(readCsvTable(text, headers)).toEqual({
        records: [],
        errors: [{ line: 1, message: '第1行：文件为空，没有表头' }],
      });
    }
  });

  it('skips empty lines, blank lines and rows of empty fields, keeping the real line numbers', () => {
    const text = '\n甲,乙\n\n1,2\n  \n,,\n3,4\r\n\r\n5,6';
    const { records, errors } = readCsvTable(text, headers);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.line, r.fields['甲']])).toEqual([
      [4, '1'],
      [7, '3'],
      [9, '5'],
    ]);
  });

  it('numbers a record by its first line when a quoted field runs over several', () => {
    const text = '甲,乙\n"第一行\n第二行",2\n3,4\n';
    expect(readCsvTable(text, headers).records).toEqual([
      { line: 2, fields: { 甲: '第一行\n第二行', 乙: '2' } },
      { line: 4, fields: { 甲: '3', 乙: '4' } },
    ]);
  });

  it('accepts a UTF-8 BOM and straight quotes inside unquoted fields', () => {
    const { records } = readCsvTable('\ufeff甲,乙\n关于"三安全一稳定"的说明,"含,逗号"\n', headers);
    expect(records).toEqual([{ line: 2, fields: { 甲: '关于"三安全一稳定"的说明', 乙: '含,逗号' } }]);
  });

  it('reports an unclosed quote on the line it opens, keeping the rows before it', () => {
    const { records, errors } = readCsvTable('甲,乙\n1,2\n"3,4\n5,6\n', headers);
    expect(records).toEqual([{ line: 2, fields: { 甲: '1', 乙: '2' } }]);
    expect(errors).toEqual([{ line: 3, message: '第3行：引号未闭合，从此行起的内容无法读取' }]);
  });
});
