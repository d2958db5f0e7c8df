import type { OtherRowLayout, ReportFormat } from '../../model/cells.js';
import type { RowReading } from './dp.js';
import { holds, sumChecks } from './sums.js';

/*
 * Section 三's sums across rows decide between the readings of a run that its own row total
 * leaves open: （七）总计 = （一）+…+（六） and 一 + 二 = 三（七）+ 四, column by column. The
 * combination of readings that satisfies the most of them is kept; where several do equally
 * well and disagree on a cell, that cell stays open (null, with a finding) — never a guess.
 */

/** The row's cell values as chosen, with, per cell, whether the choice is certain. */
export interface Resolved {
  readonly reading: RowReading;
  /** The values of the chosen reading; null where the readings left disagree. */
  readonly values: readonly (number | null)[];
  /** How the reading was chosen: the only one (`label`), or by the table's sums (`sum`). */
  readonly by: 'label' | 'sum';
}

const COMBINATION_LIMIT = 50_000;

const NOT_OUTCOMES = new Set(['new', 'carriedIn', 'total', 'carriedOut']);

type Vectors = Map<string, readonly number[]>;

/**
 * The count of section 三 column sums that hold for the rows' chosen values. `outcomes` are the keys
 * of `chosen` other than NOT_OUTCOMES, in its order: its keys stay while the values change, so they
 * are listed once for all the combinations.
 */
function s3SumsHolding(chosen: Vectors, outcomes: readonly string[]): number {
  const get = (key: string): readonly number[] | undefined => chosen.get(key);
  const total = get('total');
  let holding = 0;
  const newRow = get('new');
  const carriedIn = get('carriedIn');
  const carriedOut = get('carriedOut');
  for (let c = 0; c < 7; c += 1) {
    if (total) {
      let sum = 0;
      for (const key of outcomes) sum += (chosen.get(key) as readonly number[])[c] as number;
      if (sum === total[c]) holding += 1;
    }
    if (total && newRow && carriedIn && carriedOut) {
      if ((newRow[c] as number) + (carriedIn[c] as number) === (total[c] as number) + (carriedOut[c] as number))
        holding += 1;
    }
  }
  return holding;
}

/** "s3.denied.secret.natural" → "denied.secret": between the first dot and the last (no arrays: it runs for each row). */
function rowKey(reading: RowReading): string {
  const id = reading.row.ids[0] as string;
  const first = id.indexOf('.');
  const last = id.lastIndexOf('.');
  return first === -1 ? '' : id.slice(first + 1, Math.max(first + 1, last));
}

/** The combinations of the ambiguous rows' readings that satisfy the most sums. */
function bestCombinations(readings: readonly RowReading[]): number[][] {
  const ambiguous = readings.map((reading, i) => i).filter((i) => (readings[i] as RowReading).splits.length > 1);
  // Each row's key made once, not at every step of the walk.
  const keys = readings.map(rowKey);
  const chosen: Vectors = new Map(readings.map((reading, i) => [keys[i] as string, reading.splits[0] as number[]]));
  const outcomes = [...chosen.keys()].filter((key) => !NOT_OUTCOMES.has(key));
  let best = -1;
  let winners: number[][] = [];
  let visited = 0;
  const pick: number[] = [];
  const walk = (k: number): void => {
    if (visited >= COMBINATION_LIMIT) return;
    if (k === ambiguous.length) {
      visited += 1;
      const holding = s3SumsHolding(chosen, outcomes);
      if (holding > best) {
        best = holding;
        winners = [];
      }
      if (holding === best) winners.push([...pick]);
      return;
    }
    const reading = readings[ambiguous[k] as number] as RowReading;
    const key = keys[ambiguous[k] as number] as string;
    reading.splits.forEach((split, s) => {
      chosen.set(key, split);
      pick.push(s);
      walk(k + 1);
      pick.pop();
    });
  };
  walk(0);
  // Back to full-length picks: rows with one reading take it.
  return winners.map((picks) => {
    const full = readings.map(() => 0);
    picks.forEach((s, k) => (full[ambiguous[k] as number] = s));
    return full;
  });
}

/** The values all the given splits agree on, null where they differ. */
export function agreed(splits: readonly (readonly number[])[]): (number | null)[] {
  const first = splits[0] as readonly number[];
  return first.map((value, c) => (splits.every((split) => split[c] === value) ? value : null));
}

export function resolveS3(readings: readonly RowReading[]): Resolved[] {
  if (readings.every((reading) => reading.splits.length === 1)) {
    return readings.map((reading) => ({ reading, values: reading.splits[0] as number[], by: 'label' }));
  }
  const winners = bestCombinations(readings);
  return readings.map((reading, i) => {
    if (reading.splits.length === 1) return { reading, values: reading.splits[0] as number[], by: 'label' };
    const kept = [...new Set(winners.map((picks) => picks[i] as number))].map((s) => reading.splits[s] as number[]);
    return { reading, values: agreed(kept), by: 'sum' };
  });
}

/**
 * The rows read a cell short (derived: the row's sums give the cell left out) that the table's
 * sums across rows confirm: some column total or balance on the row's cells can be checked with
 * every cell read, and every such one holds. A row short of a cell that no column sum checks may
 * be figures of another column run on (a table printed column by column): it stays open.
 */
export function derivedConfirmed(
  resolved: readonly Resolved[],
  format: ReportFormat,
  other: OtherRowLayout,
): Set<RowReading> {
  const out = new Set<RowReading>();
  if (!resolved.some(({ reading }) => reading.derived)) return out;
  const values = new Map<string, number | null>();
  for (const { reading, values: cells } of resolved)
    reading.row.ids.forEach((id, c) => values.set(id, cells[c] ?? null));
  const checks = sumChecks(format, other);
  for (const { reading } of resolved) {
    if (!reading.derived) continue;
    const own = new Set(reading.row.ids);
    const across = checks.filter(
      (check) => [...check.left, ...check.right].some((id) => own.has(id)) && !check.left.every((id) => own.has(id)),
    );
    const known = across.filter((check) => [...check.left, ...check.right].every((id) => values.get(id) != null));
    if (known.length > 0 && known.every((check) => holds(check, (id) => values.get(id)))) out.add(reading);
  }
  return out;
}
