import { S3_COLUMNS, S4_GROUPS, S4_PARTS, type OtherRowLayout, type ReportFormat } from '../../model/cells.js';
import { s3ColumnSums, s3RowSums } from '../../rules/helpers.js';
import { interned } from '../../model/interned.js';

/*
 * The sums the statutory tables carry, as the reader checks a reading against them: each
 * section 三 row total, （七）总计 against （一）–（六） column by column, the balance
 * 一 + 二 = 三（七）+ 四, and each section 四 group total. The sums themselves are the rules'
 * (rules/helpers.ts, model/cells.ts); here they are only put in one shape, "the cells on the
 * left add up to the cells on the right".
 */

export interface SumCheck {
  readonly left: readonly string[];
  readonly right: readonly string[];
}

const checks = new Map<string, readonly SumCheck[]>();

/** Every sum of sections 三 and 四 for the format and the layout of (六). */
export function sumChecks(format: ReportFormat, other: OtherRowLayout): readonly SumCheck[] {
  const key = `${format}/${other}`;
  let found = checks.get(key);
  if (!found) {
    const sums = [...s3RowSums(format, other), ...s3ColumnSums(format, other)].map((sum) => ({
      left: sum.partIds,
      right: [sum.totalId],
    }));
    const balance = S3_COLUMNS.map((column) => ({
      left: [interned(`s3.new.${column.key}`), interned(`s3.carriedIn.${column.key}`)],
      right: [interned(`s3.total.${column.key}`), interned(`s3.carriedOut.${column.key}`)],
    }));
    const groups = S4_GROUPS.map((group) => ({
      left: S4_PARTS.map((part) => interned(`s4.${group.key}.${part.key}`)),
      right: [interned(`s4.${group.key}.total`)],
    }));
    found = [...sums, ...balance, ...groups];
    checks.set(key, found);
  }
  return found;
}

/** Reads a cell's value: a number, or null/undefined when blank or unread. */
export type CellValue = (id: string) => number | null | undefined;

/** Money aside, the tables hold whole numbers; a tolerance keeps float sums honest. */
const TOLERANCE = 1e-4;

/** Whether the check holds: every cell a number and the two sides equal. A blank or unread cell proves nothing. */
export function holds(check: SumCheck, value: CellValue): boolean {
  let sum = 0;
  for (const id of check.left) {
    const v = value(id);
    if (typeof v !== 'number') return false;
    sum += v;
  }
  for (const id of check.right) {
    const v = value(id);
    if (typeof v !== 'number') return false;
    sum -= v;
  }
  return sumHolds(sum);
}

/** Whether the left side less the right is nought, within the tolerance. */
export function sumHolds(difference: number): boolean {
  return Math.abs(difference) <= TOLERANCE;
}

/** The checks that touch any of the cells. */
export function checksOn(all: readonly SumCheck[], cells: ReadonlySet<string>): SumCheck[] {
  return all.filter((check) => check.left.some((id) => cells.has(id)) || check.right.some((id) => cells.has(id)));
}

/**
 * Whether seven figures of a section 三 row add up: the six applicants' (a blank as 0) make the
 * total, which must be read. The row total alone, for readers that hold a row's figures before
 * they know its cell IDs (cursor.ts, blocks.ts).
 */
export function s3RowAddsUp(cells: readonly (number | null)[]): boolean {
  let sum = 0;
  for (let c = 0; c < S3_COLUMNS.length - 1; c += 1) sum += cells[c] ?? 0;
  return sum === cells[S3_COLUMNS.length - 1];
}
