import { describe, expect, it } from 'vitest';
import { organIdentity } from '../organs/identity.js';
import { DAMAGE_KINDS } from '../parse/align/damage.js';
import { checkReport } from '../rules/index.js';
import { formatForYear } from '../rules/format.js';
import { generateCorpus, type CorpusReport } from './generate.js';

const corpus = (seed: number, reports: number): CorpusReport[] => [...generateCorpus({ seed, reports })];
const CORPUS = corpus(15, 3000);

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

describe('generateCorpus', () => {
  it('gives the same reports for the same seed and others for another seed', () => {
    expect(corpus(7, 400)).toEqual(corpus(7, 400));
    const other = corpus(8, 400);
    expect(other.map((r) => r.name)).not.toEqual(corpus(7, 400).map((r) => r.name));
    expect(CORPUS).toHaveLength(3000);
  });

  it('draws organs in the country proportions: county departments and townships most, provinces few', () => {
    const organs = [...new Map(CORPUS.map((r) => [r.organ.id, r.organ])).values()];
    expect(organs.length).toBeGreaterThan(150);
    expect(share(organs, (o) => o.level === 'county' && o.kind === 'department')).toBeGreaterThan(0.5);
    expect(share(organs, (o) => o.level === 'township')).toBeGreaterThan(0.15);
    expect(share(organs, (o) => o.level === 'province')).toBeLessThan(0.04);
    expect(share(organs, (o) => o.level === 'prefecture')).toBeGreaterThan(0.04);
    expect(new Set(organs.map((o) => `${o.regionCode}|${o.body}`)).size).toBe(organs.length);
  });

  it('spans 2008–2025 with the national format each year calls for', () => {
    const years = new Set(CORPUS.map((r) => r.year));
    expect(Math.min(...years)).toBe(2008);
    expect(Math.max(...years)).toBe(2025);
    expect(share(CORPUS, (r) => r.year === 2008)).toBeLessThan(share(CORPUS, (r) => r.year === 2023));
    for (const { year, report, readFormat } of CORPUS) {
      expect(readFormat).toBe(formatForYear(year) ?? 'unknown');
      expect(report.meta.format).toBe(formatForYear(year) ?? '2019');
    }
  });

  it('writes organ names as organs do, every spelling of one organ the same organ', () => {
    expect(share(CORPUS, (r) => r.name !== r.organ.name)).toBeGreaterThan(0.2);
    const renamed = CORPUS.filter((r) => r.organ.oldBody && r.year < 2018);
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed.every((r) => r.name.includes(r.organ.oldBody as string))).toBe(true);
    const keys = new Map<number, Set<string>>();
    for (const { organ, name } of CORPUS) {
      const identity = organIdentity(name);
      // 朝阳区 alone may be 北京 or 长春: only the importer's context decides.
      if (identity.alternatives.length > 0) continue;
      keys.set(organ.id, (keys.get(organ.id) ?? new Set()).add(identity.key));
    }
    expect([...keys.values()].every((set) => set.size === 1)).toBe(true);
  });

  it('leaves most cells 0 and skews applications by level', () => {
    const values = CORPUS.flatMap((r) => Object.values(r.report.cells));
    expect(share(values, (v) => v === 0)).toBeGreaterThan(0.8);
    const median = (test: (r: CorpusReport) => boolean) => {
      const news = CORPUS.filter(test)
        .map((r) => r.report.cells['s3.new.total'] ?? 0)
        .sort((a, b) => a - b);
      return news[Math.floor(news.length / 2)] ?? 0;
    };
    const county = median((r) => r.organ.level === 'county' && r.organ.kind === 'department' && r.year >= 2021);
    const prefecture = median((r) => r.organ.level === 'prefecture' && r.year >= 2021);
    expect(prefecture).toBeGreaterThan(county);
    expect(median((r) => r.organ.level === 'township')).toBe(0);
    expect(Math.max(...CORPUS.map((r) => r.report.cells['s3.new.total'] ?? 0))).toBeGreaterThan(
      50 * Math.max(1, county),
    );
  });

  it('comes in every input kind and every damage', () => {
    const kinds = new Set(CORPUS.map((r) => r.input.kind));
    expect([...kinds].sort()).toEqual(['damaged', 'docx', 'html', 'pdf', 'text']);
    const damages = new Set(CORPUS.flatMap((r) => (r.input.kind === 'damaged' ? [r.input.damage] : [])));
    expect([...damages].sort()).toEqual([...DAMAGE_KINDS].sort());
  });

  it('breaks the rules exactly where it planted an error, carry-overs consistent elsewhere', () => {
    const previous = new Map<number, CorpusReport>();
    let planted = 0;
    let checkedCarryOvers = 0;
    for (const item of CORPUS) {
      const last = previous.get(item.organ.id);
      previous.set(item.organ.id, item);
      // The organ is known (the importer matches spellings), so last year's name is not compared.
      const prior =
        last?.year === item.year - 1 ? { ...last.report, meta: { ...last.report.meta, agency: item.name } } : undefined;
      if (prior) checkedCarryOvers += 1;
      const findings = checkReport({ report: item.report, previous: prior });
      const errors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.rule))];
      const expected = item.planted.flatMap((p) =>
        p.kind === 'balance' ? ['s3-balance'] : p.kind === 'carryOver' ? ['cross-year-carryover'] : [],
      );
      expect({ name: item.name, year: item.year, errors }).toEqual({
        name: item.name,
        year: item.year,
        errors: expected,
      });
      planted += item.planted.length;
    }
    expect(checkedCarryOvers).toBeGreaterThan(2000);
    const readable = CORPUS.filter((r) => r.readFormat !== 'unknown');
    expect(CORPUS.filter((r) => r.readFormat === 'unknown').every((r) => r.planted.length === 0)).toBe(true);
    expect(planted / readable.length).toBeGreaterThan(0.01);
    expect(planted / readable.length).toBeLessThan(0.04);
  });
});
