import { describe, expect, it } from 'vitest';
import { formatCellIds } from './cells.js';
import { reportJsonSchema } from './schema.js';
import { blankReport } from './template.js';
import { formatPath, validateReport } from './validate.js';

describe('validateReport', () => {
  it('accepts a blank template of either format', () => {
    for (const format of ['2019', '2021'] as const) {
      const report = blankReport({ format, agency: '相山区应急管理局', year: format === '2019' ? 2020 : 2024 });
      expect(validateReport(report)).toEqual({ ok: true, report });
      expect(Object.keys(report.cells)).toEqual(formatCellIds(format));
      expect(Object.values(report.cells).every((v) => v === 0)).toBe(true);
    }
  });

  it('names the field and says what is wrong, in Chinese', () => {
    const report = blankReport({ format: '2021', agency: '相山区应急管理局', year: 2024 });
    const broken = {
      ...report,
      meta: { ...report.meta, year: '2024' },
      cells: { ...report.cells, 's3.new.total': '5', 's9.bogus': 1 },
    };
    const result = validateReport(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((issue) => [issue.path, issue.message]));
    expect(Object.keys(byPath)).toEqual(expect.arrayContaining(['meta.year', 'cells["s3.new.total"]']));
    expect(byPath['meta.year']).toMatch(/期望/);
    expect(
      result.issues.some(
        (issue) => issue.path.startsWith('cells') && /s9\.bogus|键|无效/.test(issue.message + issue.path),
      ),
    ).toBe(true);
  });

  it('rejects fields the model does not know', () => {
    const report = blankReport({ format: '2019', agency: 'X', year: 2020 });
    const result = validateReport({ ...report, meta: { ...report.meta, agencyName: 'X' } });
    expect(result.ok).toBe(false);
  });

  it('formats paths as a person finds them in the file', () => {
    expect(formatPath(['cells', 's3.new.total'])).toBe('cells["s3.new.total"]');
    expect(formatPath(['sections', 'overview', 'subsections', 2, 'heading'])).toBe(
      'sections.overview.subsections[2].heading',
    );
    expect(formatPath([])).toBe('（根）');
  });
});

describe('reportJsonSchema', () => {
  it('exports a draft 2020-12 schema that lists every cell ID', () => {
    const schema = reportJsonSchema() as {
      $schema: string;
      properties: { cells: { propertyNames?: { enum: string[] } } };
    };
    expect(schema.$schema).toContain('2020-12');
    expect(JSON.stringify(schema)).toContain('s3.other.unpaidFee.legal');
    expect(JSON.stringify(schema)).toContain('s2.procurement.amount');
  });
});
