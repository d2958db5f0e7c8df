import { generateReport, seededRandom } from '../../model/generate.js';
import type { Report } from '../../model/schema.js';
import { parseReport, type ParsedReport } from '../index.js';
import { damageText, type DamageKind } from './damage.js';

/*
 * The measure of the reader on damaged text: generated reports (the truth known), damaged, read,
 * every cell scored. Used by the tests (a sample) and bench/damage.js (1,000 per kind).
 */

/** Confidence at and above which a value counts as given for sure. */
export const HIGH_CONFIDENCE = 0.9;

export interface DamageScore {
  right: number;
  wrong: number;
  /** Cells left empty (with a finding saying why). */
  open: number;
  /** Wrong values given with high confidence: the one failure that must not happen. */
  wrongSure: number;
  /** Open cells no finding names. */
  openUnnamed: number;
  /** Right, wrong and open cells of section 二 alone (a crawler's text gives its rows no sums). */
  s2: { right: number; wrong: number; open: number };
  /** Right and wrong cells placed by plausibility alone (section 二 rows no sum or prose decides). */
  plausible: { right: number; wrong: number };
  /** Right and wrong cells placed by a fact every honest report keeps (section 二, align/plausible.ts). */
  rule: { right: number; wrong: number };
}

/** A score with nothing counted yet. */
export function emptyScore(): DamageScore {
  return {
    right: 0,
    wrong: 0,
    open: 0,
    wrongSure: 0,
    openUnnamed: 0,
    s2: { right: 0, wrong: 0, open: 0 },
    plausible: { right: 0, wrong: 0 },
    rule: { right: 0, wrong: 0 },
  };
}

/**
 * Adds to `score` every cell of `truth` as `parsed` read it: the one scoring of damaged text and
 * of damaged PDFs (bench/pdf-damage.js), so that their figures mean the same.
 */
export function scoreCells(score: DamageScore, truth: Report, parsed: ParsedReport): DamageScore {
  const { report, findings, placements } = parsed;
  const named = new Set(findings.flatMap((finding) => finding.cells));
  for (const [id, value] of Object.entries(truth.cells)) {
    const read = report.cells[id];
    const s2 = id.startsWith('s2.');
    const placedBy = placements?.[id]?.placedBy;
    if (placedBy === 'plausible' || placedBy === 'rule') score[placedBy][read === value ? 'right' : 'wrong'] += 1;
    if (read === value) {
      score.right += 1;
      if (s2) score.s2.right += 1;
    } else if (read === null || read === undefined) {
      score.open += 1;
      if (s2) score.s2.open += 1;
      if (!named.has(id)) score.openUnnamed += 1;
    } else {
      score.wrong += 1;
      if (s2) score.s2.wrong += 1;
      if ((placements?.[id]?.confidence ?? 1) >= HIGH_CONFIDENCE) score.wrongSure += 1;
    }
  }
  return score;
}

/** Reads `count` damaged reports of the kind (formats alternating) and scores every cell against the truth. */
export async function scoreDamage(kind: DamageKind, count: number, seed = 1000): Promise<DamageScore> {
  const score = emptyScore();
  for (let i = 0; i < count; i += 1) {
    const random = seededRandom(seed + i);
    const truth = generateReport(random, { format: i % 2 === 0 ? '2021' : '2019' });
    const text = damageText(truth, kind, random);
    scoreCells(score, truth, await parseReport(new TextEncoder().encode(text)));
  }
  return score;
}
