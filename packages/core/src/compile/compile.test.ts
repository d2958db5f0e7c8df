import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPLICANT_KINDS, OUTCOMES, type ApplicantKind, type Outcome } from '../cases/model.js';
import { APPLICANT_COLUMNS, S3_COLUMNS, formatCellIds, type ReportFormat } from '../model/cells.js';
import { seededRandom, type Random } from '../model/generate.js';
import type { Report } from '../model/schema.js';
import { validateReport } from '../model/validate.js';
import { checkReport } from '../rules/index.js';
import { compileReport } from './compile.js';
import { CompileError } from './errors.js';
import type { ApplicationRecord, CompileInput, DocumentRecord, ReviewRecord } from './records.js';

const AGENCY = '相山区应急管理局';

/** The day `days` after `iso` (UTC arithmetic on days, as the records keep them). */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * A register of `count` applications over three years around `year`: received from 1 January
 * two years before to mid-year after, answered within days or after months (some not yet), by
 * every kind and outcome. The first ones pair every kind with every outcome inside the year.
 */
function generateApplications(random: Random, year: number, count: number): ApplicationRecord[] {
  const records: ApplicationRecord[] = [];
  const start = `${year - 2}-01-01`;
  for (let i = 0; i < count; i++) {
    const systematic = i < APPLICANT_KINDS.length * OUTCOMES.length;
    const applicantKind: ApplicantKind = systematic
      ? (APPLICANT_KINDS[i % APPLICANT_KINDS.length] as ApplicantKind)
      : random() < 0.6
        ? 'natural'
        : pick(random, APPLICANT_KINDS);
    const receivedOn = systematic ? addDays(`${year}-01-01`, i % 300) : addDays(start, Math.floor(random() * 1100));
    const id = `${receivedOn.slice(0, 4)}-${String(i + 1).padStart(4, '0')}`;
    const open = !systematic && random() < 0.12;
    if (open) {
      records.push({ id, applicantKind, receivedOn });
      continue;
    }
    const outcome: Outcome = systematic
      ? (OUTCOMES[Math.floor(i / APPLICANT_KINDS.length)] as Outcome)
      : pick(random, OUTCOMES);
    // Most answered within the 20 + 20 working days; some take months (consultation, fees).
    const days = systematic ? 10 : random() < 0.85 ? Math.floor(random() * 55) : Math.floor(random() * 400);
    records.push({ id, applicantKind, receivedOn, closedOn: addDays(receivedOn, days), outcome });
  }
  return records;
}

function generateDocuments(random: Random, year: number, count: number): DocumentRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const issuedOn = addDays(`${year - 6}-01-01`, Math.floor(random() * 365 * 7.5));
    const repealed = random() < 0.3;
    return {
      kind: random() < 0.2 ? 'regulation' : 'normativeDoc',
      ...(random() < 0.9 ? { number: `相应急〔${issuedOn.slice(0, 4)}〕${i + 1}号` } : {}),
      title: `关于印发第${i + 1}项制度的通知`,
      issuedOn,
      ...(repealed ? { repealedOn: addDays(issuedOn, Math.floor(random() * 1500)) } : {}),
    };
  });
}

function generateReviews(random: Random, year: number, count: number): ReviewRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const filedOn = addDays(`${year - 1}-03-01`, Math.floor(random() * 700));
    const kind = pick(random, ['review', 'suit', 'suitAfterReview'] as const);
    const caseNo = `${kind === 'review' ? '淮复' : '皖0603行初'}〔${filedOn.slice(0, 4)}〕${i + 1}号`;
    if (random() < 0.2) return { kind, caseNo, filedOn };
    const result = pick(random, ['upheld', 'corrected', 'other'] as const);
    return { kind, caseNo, filedOn, concludedOn: addDays(filedOn, Math.floor(random() * 200)), result };
  });
}

/** Prose for the three sections, as an organ would write it, so that only the tables are on trial. */
function sectionsFor(year: number, format: ReportFormat, received?: number): Report['sections'] {
  return {
    overview: {
      paragraphs: [`${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。`],
      subsections: [
        {
          heading: '（二）依申请公开',
          paragraphs: [
            received === undefined ? '依法办理政府信息公开申请。' : `全年共收到政府信息公开申请${received}件。`,
          ],
        },
      ],
    },
    problems: { paragraphs: ['政策解读形式较为单一，下一步将加强培训。'], subsections: [] },
    otherMatters: {
      paragraphs: [format === '2021' ? '本年度未收取信息处理费。' : '无其他需要报告的事项。'],
      subsections: [],
    },
  };
}

function inputFor(seed: number, year: number, format?: ReportFormat): CompileInput {
  const random = seededRandom(seed);
  const applications = generateApplications(random, year, 700);
  const resolved = format ?? (year >= 2021 ? '2021' : '2019');
  return {
    agency: AGENCY,
    region: '安徽省淮北市相山区',
    year,
    ...(format ? { format } : {}),
    applications,
    documents: generateDocuments(random, year, 120),
    reviews: generateReviews(random, year, 40),
    figures:
      resolved === '2021'
        ? { 's2.licensing.decisions': 213, 's2.penalty.decisions': 37, 's2.fees.amount': 3.25 }
        : {
            's2.licensing.prevItems': 40,
            's2.licensing.change': -2,
            's2.licensing.decisions': 213,
            's2.fees.prevItems': 3,
            's2.procurement.items': 6,
            's2.procurement.amount': 102.85,
          },
    sections: sectionsFor(year, resolved),
  };
}

const get = (report: Report, id: string): number => {
  const value = report.cells[id];
  if (typeof value !== 'number') throw new Error(`no number in ${id}`);
  return value;
};

/** The balance identities of sections 三 and 四 the compiler promises. */
function expectBalanced(report: Report, format: ReportFormat): void {
  const outcomeRows = formatCellIds(format)
    .filter((id) => id.startsWith('s3.') && id.endsWith('.natural'))
    .map((id) => id.slice(3, -'.natural'.length))
    .filter((row) => !['new', 'carriedIn', 'total', 'carriedOut'].includes(row));
  for (const column of S3_COLUMNS.map((c) => c.key)) {
    const cell = (row: string) => get(report, `s3.${row}.${column}`);
    expect(cell('new') + cell('carriedIn'), column).toBe(cell('total') + cell('carriedOut'));
    expect(outcomeRows.reduce((sum, row) => sum + cell(row), 0)).toBe(cell('total'));
  }
  for (const row of [...outcomeRows, 'new', 'carriedIn', 'total', 'carriedOut']) {
    expect(APPLICANT_COLUMNS.reduce((sum, c) => sum + get(report, `s3.${row}.${c.key}`), 0)).toBe(
      get(report, `s3.${row}.total`),
    );
  }
  for (const group of ['review', 'suit', 'suitAfterReview']) {
    const part = (key: string) => get(report, `s4.${group}.${key}`);
    expect(part('upheld') + part('corrected') + part('other') + part('pending')).toBe(part('total'));
  }
}

const errorsOf = (report: Report, previous?: Report) =>
  checkReport(previous ? { report, previous } : { report }).filter((f) => f.severity === 'error');

describe.each([
  ['2021', 2024],
  ['2019', 2020],
] as const)('compileReport, %s format (%i)', (format, year) => {
  const input = inputFor(20240131, year);
  const { report, sources } = compileReport(input);

  it('holds every cell of the format and no other, and is a valid report', () => {
    expect(Object.keys(report.cells).sort()).toEqual([...formatCellIds(format)].sort());
    expect(Object.keys(sources).sort()).toEqual([...formatCellIds(format)].sort());
    expect(validateReport(report).ok).toBe(true);
  });

  it('passes every rule without an error, on realistic non-zero figures', () => {
    expect(errorsOf(report)).toEqual([]);
    expect(get(report, 's3.new.total')).toBeGreaterThan(150);
    expect(get(report, 's3.carriedIn.total')).toBeGreaterThan(0);
    expect(get(report, 's3.carriedOut.total')).toBeGreaterThan(0);
    for (const kind of APPLICANT_KINDS) expect(get(report, `s3.total.${kind}`)).toBeGreaterThan(0);
    expect(get(report, 's4.review.total') + get(report, 's4.suit.total')).toBeGreaterThan(0);
  });

  it('balances section 三 (一 + 二 = 三(七) + 四) and sums every total', () => {
    expectBalanced(report, format);
  });

  it('counts every outcome in its row', () => {
    const rows =
      format === '2021' ? OUTCOMES : [...new Set(OUTCOMES.map((o) => (o.startsWith('other.') ? 'other' : o)))];
    for (const row of rows) expect(get(report, `s3.${row}.total`), row).toBeGreaterThan(0);
  });

  it('counts new applications as those received in the year, with their IDs as sources', () => {
    const received = input.applications.filter((a) => a.receivedOn.startsWith(`${year}-`));
    expect(get(report, 's3.new.total')).toBe(received.length);
    const source = sources['s3.new.total'];
    expect(source && 'ids' in source ? [...source.ids].sort() : []).toEqual(received.map((a) => a.id).sort());
  });

  it('traces each counted application to one intake row and to one outcome or carried-out row', () => {
    const ids = (id: string) => {
      const source = sources[id];
      if (!source || !('ids' in source)) throw new Error(`no ids for ${id}`);
      expect(source.count).toBe(source.ids.length);
      expect(source.count).toBe(report.cells[id]);
      return source.ids;
    };
    const intake = [...ids('s3.new.total'), ...ids('s3.carriedIn.total')].sort();
    const outgo = [...ids('s3.total.total'), ...ids('s3.carriedOut.total')].sort();
    expect(new Set(intake).size).toBe(intake.length);
    expect(outgo).toEqual(intake);
  });

  it('takes section 二 figures from the input and counts documents from the register', () => {
    expect(report.cells['s2.licensing.decisions']).toBe(213);
    expect(sources['s2.licensing.decisions']).toEqual({ figure: true });
    expect(sources['s2.enforcement.decisions']).toEqual({ figure: true });
    expect(report.cells['s2.enforcement.decisions']).toBe(0);
    const issuedColumn = format === '2021' ? 'issued' : 'made';
    const issued = input.documents.filter((d) => d.kind === 'normativeDoc' && d.issuedOn.startsWith(`${year}-`));
    expect(report.cells[`s2.normativeDocs.${issuedColumn}`]).toBe(issued.length);
    expect(issued.length).toBeGreaterThan(0);
  });

  it('agrees with last year compiled from the same registers (carry-over, documents in force)', () => {
    const previous = compileReport({ ...inputFor(20240131, year), year: year - 1 }).report;
    expect(previous.meta.format).toBe(year - 1 >= 2021 ? '2021' : '2019');
    expect(errorsOf(report, previous)).toEqual([]);
    for (const column of S3_COLUMNS.map((c) => c.key)) {
      expect(report.cells[`s3.carriedIn.${column}`]).toBe(previous.cells[`s3.carriedOut.${column}`]);
    }
  });

  it('writes metadata and prose from the input', () => {
    expect(report.meta).toMatchObject({ agency: AGENCY, year, format, region: '安徽省淮北市相山区' });
    expect(report.sections).toEqual(input.sections);
  });
});

describe('compileReport: format, metadata and prose', () => {
  const empty = { agency: AGENCY, applications: [], documents: [], reviews: [], figures: {} };

  it('uses the format the year calls for unless told otherwise', () => {
    expect(compileReport({ ...empty, year: 2021 }).report.meta.format).toBe('2021');
    expect(compileReport({ ...empty, year: 2019 }).report.meta.format).toBe('2019');
    const forced = compileReport({ ...empty, year: 2022, format: '2019' }).report;
    expect(forced.meta.format).toBe('2019');
    expect('s2.procurement.items' in forced.cells).toBe(true);
    // The rules then say that 2022 calls for the 2021 tables.
    expect(errorsOf(forced).map((f) => f.rule)).toContain('format-year');
  });

  it('refuses a year before the national formats, unless a format is given', () => {
    expect(() => compileReport({ ...empty, year: 2018 })).toThrow(CompileError);
    expect(() => compileReport({ ...empty, year: 2018 })).toThrow(/2018年度没有国家统一的年度报告表格格式/);
    expect(compileReport({ ...empty, year: 2018, format: '2019' }).report.meta.year).toBe(2018);
    expect(() => compileReport({ ...empty, year: 2024.5 })).toThrow(/不是有效年份/);
  });

  it('fills the sections not given from the blank template, which the rules then ask to write', () => {
    const problems = { paragraphs: ['无。'], subsections: [] };
    const { report } = compileReport({ ...empty, year: 2024, sections: { problems } });
    expect(report.sections.problems).toEqual(problems);
    expect(report.sections.overview.subsections.map((s) => s.heading)).toContain('（二）依申请公开');
    expect(report.meta).toEqual({
      agency: AGENCY,
      year: 2024,
      format: '2021',
      title: `${AGENCY}2024年政府信息公开工作年度报告`,
    });
    const errors = errorsOf(report);
    expect(errors.map((f) => f.rule)).toEqual(['section-missing', 'section-missing']);
  });

  it('compiles an organ with no records to a report of zeros', () => {
    const { report } = compileReport({ ...empty, year: 2024, sections: sectionsFor(2024, '2021', 0) });
    expect(Object.values(report.cells).every((value) => value === 0)).toBe(true);
    expect(errorsOf(report)).toEqual([]);
  });

  it('passes on the errors of a record', () => {
    const applications: ApplicationRecord[] = [
      { id: '2024-0001', applicantKind: 'natural', receivedOn: '2024-05-06', outcome: 'granted' },
    ];
    expect(() => compileReport({ ...empty, year: 2024, applications })).toThrow(
      '申请“2024-0001”有办理结果但没有办结日期',
    );
  });
});

describe('compileReport: properties over random registers', () => {
  const day = (year: number) => fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays(`${year - 2}-01-01`, n));
  const application = (year: number) =>
    fc
      .record({
        applicantKind: fc.constantFrom(...APPLICANT_KINDS),
        receivedOn: day(year),
        closing: fc.option(fc.record({ after: fc.nat({ max: 500 }), outcome: fc.constantFrom(...OUTCOMES) })),
      })
      .map(({ applicantKind, receivedOn, closing }) => ({
        applicantKind,
        receivedOn,
        ...(closing ? { closedOn: addDays(receivedOn, closing.after), outcome: closing.outcome } : {}),
      }));
  const review = (year: number) =>
    fc
      .record({
        kind: fc.constantFrom('review', 'suit', 'suitAfterReview' as const),
        filedOn: day(year),
        conclusion: fc.option(
          fc.record({ after: fc.nat({ max: 400 }), result: fc.constantFrom('upheld', 'corrected', 'other' as const) }),
        ),
      })
      .map(({ kind, filedOn, conclusion }): ReviewRecord => ({
        kind,
        filedOn,
        ...(conclusion ? { concludedOn: addDays(filedOn, conclusion.after), result: conclusion.result } : {}),
      }));

  it.each([
    ['2021', 2023],
    ['2019', 2019],
  ] as const)('every %s-format report compiled from consistent records balances and has no error', (format, year) => {
    fc.assert(
      fc.property(
        fc.array(application(year), { maxLength: 120 }),
        fc.array(review(year), { maxLength: 20 }),
        (apps, reviews) => {
          const applications = apps.map((a, i) => ({ id: `A${i}`, ...a }));
          const { report } = compileReport({
            agency: AGENCY,
            year,
            applications,
            documents: [],
            reviews,
            figures: {},
            sections: sectionsFor(year, format),
          });
          expect(report.meta.format).toBe(format);
          expectBalanced(report, format);
          expect(errorsOf(report)).toEqual([]);
          const previous = compileReport({
            agency: AGENCY,
            year: year - 1,
            format,
            applications,
            documents: [],
            reviews,
            figures: {},
          });
          expect(errorsOf(report, previous.report).filter((f) => f.rule.startsWith('cross-year'))).toEqual([]);
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
