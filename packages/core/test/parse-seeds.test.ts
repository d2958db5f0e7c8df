import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

const dir = new URL('../../../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => name.replace('.txt', ''));

describe.each(seeds)('seed %s read from its text', (name) => {
  const expected = JSON.parse(readFileSync(new URL(`expected/${name}.json`, dir), 'utf8')) as {
    agency: string;
    year: number;
    format: string;
    cells: Record<string, number>;
  };

  it('gives exactly the expected agency, year, format and cells', async () => {
    const { report } = await parseReport(readFileSync(new URL(`${name}.txt`, dir)), { file: `${name}.txt` });
    expect(report.meta).toMatchObject({ agency: expected.agency, year: expected.year, format: expected.format });
    const inferred = new Set(report.inferred ?? []);
    const read = Object.fromEntries(Object.entries(report.cells).filter(([id]) => !inferred.has(id)));
    expect(read).toEqual(expected.cells);
  });

  it('says where every value came from', async () => {
    const { report } = await parseReport(readFileSync(new URL(`${name}.txt`, dir)), { file: `${name}.txt` });
    for (const id of Object.keys(expected.cells)) {
      const source = report.provenance?.[id];
      expect(source?.file).toBe(`${name}.txt`);
      expect(source?.line).toBeGreaterThan(0);
      expect(source?.text).toBeDefined();
    }
  });
});

describe('seed findings', () => {
  it('marks what seed 003 states only in prose as inferred, and reports the missing tables', async () => {
    const { report, findings } = await parseReport(readFileSync(new URL('003_829a8659471e469f.txt', dir)));
    expect(report.inferred).toEqual(expect.arrayContaining(['s3.new.total', 's3.new.natural']));
    expect(report.cells['s3.new.total']).toBe(0);
    expect(report.cells['s3.carriedIn.total']).toBeUndefined();
    expect(findings.filter((f) => f.rule === 'table-missing')).toHaveLength(2);
    expect(findings.find((f) => f.rule === 'agency-from-body')?.message).toContain('大冶市应急管理局');
  });

  it('finds the year that seed 000 contradicts', async () => {
    const { findings } = await parseReport(readFileSync(new URL('000_54f61b233950245c.txt', dir)));
    expect(findings.map((f) => f.rule)).toContain('text-year-mismatch');
  });
});
