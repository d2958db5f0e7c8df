import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CELLS, REPORT_FORMATS, type ReportFormat } from '../model/cells.js';
import { generateReport, seededRandom } from '../model/generate.js';
import type { Report } from '../model/schema.js';
import { validateReport } from '../model/validate.js';
import { checkReport } from './index.js';

const RUNS = 1000;

/** A valid report of the format, from a seed fast-check chooses (and shrinks). */
function validReport(format: ReportFormat) {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), single: fc.boolean() }).map(({ seed, single }) =>
    generateReport(seededRandom(seed), {
      format,
      ...(format === '2021' && single ? { other: 'single' as const } : {}),
    }),
  );
}

/** Which rule must catch a change to one cell of a sum, and must name that cell. */
function sumRuleFor(id: string): string {
  return id.startsWith('s4.') ? 's4-group-total' : 's3-row-total';
}

describe.each(REPORT_FORMATS)('format %s', (format) => {
  it(`accepts ${RUNS} random valid reports without a finding`, () => {
    fc.assert(
      fc.property(validReport(format), (report) => {
        expect(validateReport(report).ok).toBe(true);
        // A 2021 report printing (六) as one row is valid but rightly warned about.
        const findings = checkReport({ report }).filter((f) => f.rule !== 's3-other-single-row');
        expect(findings).toEqual([]);
      }),
      { numRuns: RUNS, seed: 42 },
    );
  });

  it(`catches every single-cell corruption of a sum in ${RUNS} reports with the right rule`, () => {
    fc.assert(
      fc.property(
        validReport(format),
        fc.nat(),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (report: Report, pick, delta, down) => {
          const summed = Object.keys(report.cells).filter((id) => id.startsWith('s3.') || id.startsWith('s4.'));
          const id = summed[pick % summed.length] as string;
          const value = report.cells[id] ?? 0;
          // Lower when possible, so that the corruption is a sum error and not a negative count.
          report.cells[id] = down && value >= delta ? value - delta : value + delta;
          const findings = checkReport({ report });
          const rule = sumRuleFor(id);
          expect(findings.some((f) => f.rule === rule && f.cells.includes(id))).toBe(true);
          expect(
            findings.every(
              (f) =>
                f.severity !== 'error' ||
                ['s3-row-total', 's3-outcome-total', 's3-balance', 's4-group-total'].includes(f.rule),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it(`catches a negative or fractional count in ${RUNS} reports`, () => {
    fc.assert(
      fc.property(validReport(format), fc.nat(), fc.boolean(), (report: Report, pick, fraction) => {
        const counts = Object.keys(report.cells).filter((id) => CELLS.get(id)?.kind === 'count');
        const id = counts[pick % counts.length] as string;
        report.cells[id] = fraction ? (report.cells[id] ?? 0) + 0.5 : -1 - (report.cells[id] ?? 0);
        const findings = checkReport({ report });
        expect(findings.some((f) => f.rule === 'count-integer' && f.cells.includes(id))).toBe(true);
      }),
      { numRuns: RUNS, seed: 11 },
    );
  });
});
