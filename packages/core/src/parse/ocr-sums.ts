import { CELLS, cellName } from '../model/cells.js';
import { oneEditApart } from './ocr-labels.js';
import { holds, sumHolds, type SumCheck } from './align/sums.js';

/*
 * What a scan's sums say of the figures OCR read, where OCR, not the organ, is the likely cause of a
 * fault: a "0" it never saw, a speck before a figure read as a minus sign or a digit ("-9", "10"),
 * a digit lost ("13" for "113"). The sums are the tables' own (align/sums.ts: each section 三 row
 * total, （七）总计 by column, the balance, each section 四 group total).
 *
 * - A figure the table's kind forbids (a negative count or amount, a count with decimals) is no
 *   reading: the cell is left open. (A lost minus sign of 本年增/减 leaves a figure it may hold:
 *   nothing in one report's tables tells it.)
 * - A figure every sum it stands in contradicts — two sums at least, each complete, all asking the
 *   same other value, and no other figure of those sums under the same suspicion — is taken for
 *   misread and left open: one misread figure breaks every sum it is in alike, where two misread
 *   figures would break them each their own way.
 * - An open cell whose one sum has every other cell read (read, not placed by a sum) is what that
 *   sum leaves, if every other sum it stands in agrees and the value is one the cell may hold; a
 *   figure the sums contradicted only where one character lost or added explains the difference.
 * - A figure in a sum the recogniser read with little confidence (a seal's stroke over it) that no
 *   sum confirms is no reading either: the cell is open, and a sum may fill it as above.
 * Nothing is placed where a second cell of the sum is open or another sum disagrees: never guessed.
 */

export type Cells = Record<string, number | null>;

/** Why a cell was opened, or how it was filled, for the findings. */
export interface SumChange {
  readonly id: string;
  /** The figure OCR read, when the cell held one. */
  readonly read?: number;
  /** Why the figure read cannot stand. */
  readonly why?: string;
  /** The value the sums give (or ask, of a figure they contradict). */
  readonly value?: number;
  /** The sum that gave it, in words. */
  readonly by?: string;
  /** Opened as read too unsurely to stand, not as misread. */
  readonly unsure?: boolean;
}

/** Why a figure of this kind cannot be this value, or undefined when it can. */
function forbidden(id: string, value: number): string | undefined {
  const kind = CELLS.get(id)?.kind;
  if (kind === 'count' && value < 0) return '件数不能为负数';
  if ((kind === 'count' || kind === 'signedCount') && !Number.isInteger(value)) return '件数应为整数';
  if (kind === 'money' && value < 0) return '金额不能为负数';
  // 上一年项目数量 + 本年增/减 ≥ 0 is left alone: no rule holds organs to it, and older reports break it.
  return undefined;
}

const contains = (check: SumCheck, id: string): boolean => check.left.includes(id) || check.right.includes(id);
const idsOf = (check: SumCheck): readonly string[] => [...check.left, ...check.right];
const isNumber = (value: number | null | undefined): value is number => typeof value === 'number';

/** The value `id` needs for the check to hold, the others as they are; undefined when another is open. */
function needed(check: SumCheck, id: string, cells: Cells): number | undefined {
  let rest = 0;
  for (const other of idsOf(check)) {
    if (other === id) continue;
    const value = cells[other];
    if (!isNumber(value)) return undefined;
    rest += check.left.includes(other) ? value : -value;
  }
  const value = check.left.includes(id) ? -rest : rest;
  return value === 0 ? 0 : value; // not −0
}

/** Opens figures no cell of their kind may hold; returns what was opened. */
export function openForbidden(cells: Cells): SumChange[] {
  const changes: SumChange[] = [];
  for (const [id, value] of Object.entries(cells)) {
    if (!isNumber(value)) continue;
    const why = forbidden(id, value);
    if (why === undefined) continue;
    changes.push({ id, read: value, why });
  }
  for (const change of changes) cells[change.id] = null;
  return changes;
}

/** The one value every complete sum on `id` asks of it, when there are two or more and all fail. */
function suspect(id: string, checks: readonly SumCheck[], cells: Cells): number | undefined {
  const on = checks.filter((check) => contains(check, id) && idsOf(check).every((other) => isNumber(cells[other])));
  if (on.length < 2) return undefined;
  const asked = on.map((check) => needed(check, id, cells) as number);
  const first = asked[0] as number;
  if (!asked.every((value) => sumHolds(value - first))) return undefined;
  return sumHolds(first - (cells[id] as number)) ? undefined : first;
}

/** Opens figures every sum they stand in contradicts alike (see above); returns what was opened. */
export function openContradicted(checks: readonly SumCheck[], cells: Cells): SumChange[] {
  const value = (id: string) => cells[id];
  const failing = checks.filter((check) => idsOf(check).every((id) => isNumber(cells[id])) && !holds(check, value));
  if (failing.length < 2) return [];
  const suspects = new Map<string, number>();
  for (const id of new Set(failing.flatMap(idsOf))) {
    const asked = suspect(id, checks, cells);
    if (asked !== undefined && forbidden(id, asked) === undefined) suspects.set(id, asked);
  }
  // Two suspects in one failing sum: which of them is misread is not known.
  const alone = [...suspects.keys()].filter((id) =>
    failing.every(
      (check) => !contains(check, id) || idsOf(check).every((other) => other === id || !suspects.has(other)),
    ),
  );
  const changes = alone.map((id) => ({ id, read: cells[id] as number, value: suspects.get(id) as number }));
  for (const change of changes) cells[change.id] = null;
  return changes;
}

/**
 * Below this the recogniser's confidence in a figure is no reading: a seal's stroke over a "1" read
 * as "180" (0.34), where print reads at 0.9 and more (a lone "0" beside a speck at 0.4–0.5).
 */
const UNSURE_READ = 0.45;

/**
 * Opens figures in a sum read with less than UNSURE_READ confidence that no sum confirms (every
 * cell of it read, and it holds); returns what was opened. A sum may then fill such a cell as it
 * fills one OCR never saw. Figures outside every sum (section 二) are left as read: nothing there
 * tells a misreading.
 */
export function openUnsure(
  checks: readonly SumCheck[],
  cells: Cells,
  confidence: (id: string) => number | undefined,
): SumChange[] {
  const value = (id: string) => cells[id];
  const changes: SumChange[] = [];
  for (const [id, figure] of Object.entries(cells)) {
    const sure = confidence(id);
    if (!isNumber(figure) || sure === undefined || sure >= UNSURE_READ) continue;
    const on = checks.filter((check) => contains(check, id));
    if (on.length === 0 || on.some((check) => holds(check, value))) continue;
    changes.push({ id, read: figure, why: `识别把握只有 ${Math.round(sure * 100)}%，所在合计不能核实`, unsure: true });
  }
  for (const change of changes) cells[change.id] = null;
  return changes;
}

/**
 * Fills each open cell whose sum has all its other cells among `read`, where every sum on the cell
 * agrees and the value is one the cell may hold; returns what was filled.
 */
export function fillBySums(
  checks: readonly SumCheck[],
  cells: Cells,
  read: ReadonlySet<string>,
  describe: (check: SumCheck) => string,
  allowed: (id: string, value: number) => boolean = () => true,
): SumChange[] {
  const changes: SumChange[] = [];
  for (const check of checks) {
    const open = idsOf(check).filter((id) => !isNumber(cells[id]));
    const id = open[0];
    // Only a cell the table holds (null): a row never found is not made up from its column sums.
    if (open.length !== 1 || id === undefined || cells[id] !== null) continue;
    if (!idsOf(check).every((other) => other === id || read.has(other))) continue;
    const value = needed(check, id, cells) as number;
    if (forbidden(id, value) !== undefined || !allowed(id, value)) continue;
    const against = checks.some((other) => {
      if (other === check || !contains(other, id)) return false;
      const asked = needed(other, id, cells);
      return asked !== undefined && !sumHolds(asked - value);
    });
    if (against) continue;
    cells[id] = value;
    changes.push({ id, value, by: describe(check) });
  }
  return changes;
}

/**
 * Whether `value` is the figure `read` with one character OCR lost or added — a digit, a point, a
 * minus sign ("13" for 113, "10" for 0) — as a speck or a faint stroke makes it. A figure every sum
 * contradicts may also be the organ's own slip: the sums put back only what such a misreading explains.
 */
export function oneCharacterLostOrAdded(read: number, value: number): boolean {
  const [a, b] = [String(read), String(value)];
  return Math.abs(a.length - b.length) === 1 && oneEditApart(a, b);
}

/** A sum in words, for a finding: which total of which row or column. */
export function sumInWords(check: SumCheck): string {
  const [total, carried] = check.right as [string, string | undefined];
  if (carried !== undefined) {
    const column = cellName(total).split('·').slice(1).join('·');
    return `“${column}”列的本年新收＋上年结转＝办理结果总计＋结转下年度`;
  }
  const name = cellName(total);
  if (total.startsWith('s4.')) return `第四部分“${name}”等于结果维持、结果纠正、其他结果、尚未审结之和`;
  if (total.startsWith('s3.total.')) return `“${name}”等于（一）至（六）各项之和`;
  return `“${name}”等于本行各类申请人之和`;
}
