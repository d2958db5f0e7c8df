import type { Kysely } from 'kysely';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS, OUTCOME_LABELS, OUTCOMES } from '@xxgk/core';
import type { Database } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import type { Actor } from '../access.js';
import { organsUnder } from '../organs/repository.js';
import { applicantKindsByYear, outcomesByYear, type CountRow } from './repository.js';

/** One year's figures: applications concluded by 办理结果 and received by applicant kind. */
export interface YearFigures {
  readonly year: number;
  readonly received: number;
  readonly concluded: number;
  readonly outcomes: Record<string, number>;
  readonly applicantKinds: Record<string, number>;
}

export interface OrganStatistics {
  readonly organId: number;
  readonly organName: string;
  readonly years: readonly YearFigures[];
}

/** How many years the statistics look back, the year asked included. */
export const STATISTICS_YEARS = 3;

function emptyYear(year: number): YearFigures {
  return { year, received: 0, concluded: 0, outcomes: {}, applicantKinds: {} };
}

function add(into: YearFigures, field: 'outcomes' | 'applicantKinds', key: string, count: number): YearFigures {
  const counts = { ...into[field], [key]: (into[field][key] ?? 0) + count };
  return field === 'outcomes'
    ? { ...into, outcomes: counts, concluded: into.concluded + count }
    : { ...into, applicantKinds: counts, received: into.received + count };
}

/**
 * The 政务公开办's figures of 依申请公开 for every organ under its government and summed: the
 * applications concluded in each year by 办理结果 (the rows of section 三) and those received by
 * applicant kind, for the year asked and the years before it.
 */
export class StatisticsService {
  constructor(private readonly db: Kysely<Database>) {}

  async year(actor: Actor, year: number) {
    if (actor.role !== 'supervisor' && actor.role !== 'sysAdmin') throw forbidden('只有政务公开办可以查看统计');
    const organs = await organsUnder(this.db, actor.role === 'sysAdmin' ? '/' : actor.organPath);
    const ids = organs.map((o) => o.id);
    const from = year - STATISTICS_YEARS + 1;
    const years = Array.from({ length: STATISTICS_YEARS }, (_, i) => from + i);
    const [outcomes, kinds] = await Promise.all([
      outcomesByYear(this.db, ids, from, year),
      applicantKindsByYear(this.db, ids, from, year),
    ]);
    const byOrgan = new Map(organs.map((o) => [o.id, new Map(years.map((y) => [y, emptyYear(y)]))]));
    const total = new Map(years.map((y) => [y, emptyYear(y)]));
    const tally = (rows: readonly CountRow[], field: 'outcomes' | 'applicantKinds') => {
      for (const row of rows) {
        const organ = byOrgan.get(row.organId);
        const figures = organ?.get(row.year);
        if (!organ || !figures) continue;
        organ.set(row.year, add(figures, field, row.key, row.count));
        total.set(row.year, add(total.get(row.year) ?? emptyYear(row.year), field, row.key, row.count));
      }
    };
    tally(outcomes, 'outcomes');
    tally(kinds, 'applicantKinds');
    return {
      year,
      years,
      outcomeLabels: OUTCOMES.map((key) => ({ key, label: OUTCOME_LABELS[key] })),
      applicantKindLabels: APPLICANT_KINDS.map((key) => ({ key, label: APPLICANT_KIND_LABELS[key] })),
      total: [...total.values()],
      organs: organs.map((organ): OrganStatistics => ({
        organId: organ.id,
        organName: organ.name,
        years: [...(byOrgan.get(organ.id)?.values() ?? [])],
      })),
    };
  }
}
