import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport, formatCellIds, validateReport, type Report } from '../src/index.js';

/*
 * The five seed reports of shared/reports/seeds, copied into fixtures/ so that a clone outside
 * this workplace tests the same. `NNN.report.json` is the model of each (its cells are exactly
 * expected/NNN.json; its prose is the report's text).
 */
const dir = new URL('../../../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((name) => name.endsWith('.report.json'))
  .map((name) => name.replace('.report.json', ''));

function load(name: string): Report {
  const result = validateReport(JSON.parse(readFileSync(new URL(`${name}.report.json`, dir), 'utf8')));
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.issues)}`);
  return result.report;
}

function expected(name: string): {
  agency: string;
  year: number;
  format: '2019' | '2021';
  cells: Record<string, number>;
  missingTables?: string[];
} {
  return JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8'));
}

describe('seed reports', () => {
  it('are all five', () => expect(seeds).toHaveLength(5));

  it.each(seeds)('%s loads as a valid model with the expected metadata and cells', (name) => {
    const report = load(name);
    const want = expected(name);
    expect(report.meta).toMatchObject({ agency: want.agency, year: want.year, format: want.format });
    expect(report.cells).toEqual(want.cells);
    // A seed with all its tables has exactly the cells of its format.
    if (!want.missingTables) expect(Object.keys(report.cells).sort()).toEqual([...formatCellIds(want.format)].sort());
  });

  it('finds what a careful reader would: the findings of each seed', () => {
    const findings = Object.fromEntries(
      seeds.map((name) => [name, checkReport({ report: load(name) }).map((f) => f.rule)]),
    );
    expect(findings).toEqual({
      // 2020 report that speaks of "2019年度主动公开各类信息779条".
      '000_54f61b233950245c': ['text-year-mismatch'],
      '001_375dbebd2ed4a6dc': [],
      '002_870b2d41ea6f263b': [],
      // Sections 三 and 四 in prose only, and section 六 silent on 信息处理费.
      '003_829a8659471e469f': ['table-missing', 'table-missing', 'fee-not-reported'],
      '004_ba7dc12538697c10': [],
    });
  });

  it('names the missing tables of seed 003 and the contradicting year of seed 000', () => {
    const missing = checkReport({ report: load('003_829a8659471e469f') }).filter((f) => f.rule === 'table-missing');
    expect(missing.map((f) => f.message)).toEqual([
      '缺少“三、收到和处理政府信息公开申请情况”的法定表格',
      '缺少“四、政府信息公开行政复议、行政诉讼情况”的法定表格',
    ]);
    const [year] = checkReport({ report: load('000_54f61b233950245c') });
    expect(year?.message).toContain('2019年度主动公开各类信息779条');
    expect(year?.message).toContain('2020年度报告');
  });
});
