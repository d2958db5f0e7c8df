import {
  APPLICANT_COLUMNS,
  S3_OUTCOME_GROUPS,
  outcomeRowKeys,
  type OtherRowLayout,
  type ReportFormat,
} from '../model/cells.js';
import type { Source } from '../model/schema.js';
import type { ParserFinding, ReadValue } from './readings.js';

/** A section 三 row that printed fewer values than columns: its blank cells collapsed away. */
export interface CollapsedRow {
  readonly rowKey: string;
  readonly label: string;
  readonly values: readonly { readonly value: number | null; readonly source: Source }[];
}

const APPLICANTS = APPLICANT_COLUMNS.map((column) => column.key);

function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  const walk = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i < n; i += 1) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return out;
}

/**
 * What each applicant column still lacks for the table's sums to hold, given the rows read so
 * far: (七)总计 against the outcome rows, and 一 + 二 = (七) + 四 for the other four rows.
 */
function residuals(
  rowKey: string,
  values: ReadonlyMap<string, ReadValue>,
  outcomeRows: readonly string[],
  known: RowsKnown,
): Map<string, number> {
  const get = (id: string) => values.get(id)?.value ?? 0;
  const has = (id: string) => values.has(id) || known.blank.has(id.slice(3, id.lastIndexOf('.')));
  // A row still to be placed leaves every column's sum open.
  if (outcomeRows.includes(rowKey) && outcomeRows.some((row) => row !== rowKey && known.pending.has(row)))
    return new Map();
  const out = new Map<string, number>();
  for (const column of [...APPLICANTS, 'total']) {
    if (outcomeRows.includes(rowKey) && has(`s3.total.${column}`)) {
      out.set(
        column,
        get(`s3.total.${column}`) -
          outcomeRows.filter((row) => row !== rowKey).reduce((sum, row) => sum + get(`s3.${row}.${column}`), 0),
      );
    } else if (['new', 'carriedIn', 'total', 'carriedOut'].includes(rowKey)) {
      const sign = rowKey === 'new' || rowKey === 'carriedIn' ? 1 : -1;
      const others = ['new', 'carriedIn', 'total', 'carriedOut'].filter((row) => row !== rowKey);
      if (others.every((row) => !known.pending.has(row) && has(`s3.${row}.${column}`))) {
        // new + carriedIn − total − carriedOut = 0, solved for this row.
        const signed = others.reduce(
          (sum, row) => sum + (row === 'new' || row === 'carriedIn' ? 1 : -1) * get(`s3.${row}.${column}`),
          0,
        );
        out.set(column, -sign * signed);
      }
    }
  }
  return out;
}

/**
 * What is known of the other rows: `blank`, rows printed with no value at all (every cell blank,
 * 0 in the sums); `pending`, collapsed rows not placed yet (their cells unknown).
 */
interface RowsKnown {
  readonly blank: ReadonlySet<string>;
  readonly pending: ReadonlySet<string>;
}

/** A way to put a collapsed row's values into cells: cell id → the value read. */
type Placing = Map<string, ReadValue>;

/**
 * Every way to put the row's values into its cells that keeps the sums known so far: the values in
 * their printed order, the last either the 总计 (when it is the others' sum) or one more applicant
 * column; each known residual met exactly, a column left out counting as blank (0).
 */
function placings(row: CollapsedRow, residual: ReadonlyMap<string, number>): Placing[] {
  const numbers = row.values.map((v) => v.value ?? 0);
  const sum = numbers.slice(0, -1).reduce((a, b) => a + b, 0);
  const ways = [false];
  // A lone 0 may be the 总计 of a row of blanks as well as one applicant's 0.
  if (numbers.length >= 1 && numbers[numbers.length - 1] === sum) ways.push(true);
  // A column whose residual is known must get exactly it (a column left out gets 0).
  const meets = (column: string, value: number | null | undefined) => {
    const wanted = residual.get(column);
    return wanted === undefined || (value ?? 0) === wanted;
  };
  const out: Placing[] = [];
  for (const withTotal of ways) {
    const applicantValues = withTotal ? row.values.slice(0, -1) : row.values;
    const total = withTotal ? row.values[row.values.length - 1] : undefined;
    if (applicantValues.length > APPLICANTS.length) continue;
    if (!meets('total', total?.value)) continue;
    for (const choice of combinations(APPLICANTS.length, applicantValues.length)) {
      if (!APPLICANTS.every((column, c) => meets(column, applicantValues[choice.indexOf(c)]?.value))) continue;
      const placing: Placing = new Map();
      choice.forEach((c, i) => placing.set(`s3.${row.rowKey}.${APPLICANTS[c]}`, applicantValues[i] as ReadValue));
      if (total) placing.set(`s3.${row.rowKey}.total`, total);
      out.push(placing);
    }
  }
  return out;
}

/**
 * The cells every placing gives the same number: the same value, or 0 where some placings put a
 * printed 0 and the others leave the cell blank (its number is 0 either way; only whether the organ
 * printed it is open). A cell some placings give another number is not agreed.
 */
function agreed(ways: readonly Placing[], ids: readonly string[]): Map<string, ReadValue> {
  const out = new Map<string, ReadValue>();
  for (const id of ids) {
    const reads = ways.map((way) => way.get(id));
    const given = reads.find((read) => read !== undefined);
    if (!given) continue;
    const same = reads.every((read) => read?.value === given.value);
    const zeroOrBlank = reads.every((read) => read === undefined || read.value === 0);
    if (same || zeroOrBlank) out.set(id, given);
  }
  return out;
}

/**
 * Places the values of collapsed rows into columns, only where the table's sums decide them: a
 * cell is given when every placing that keeps the sums gives it the same value; the rest are
 * blank (null), never put by position, and the finding lists the values read and what became of
 * them, for a person to check against the source.
 */
export function placeCollapsedRows(
  rows: readonly CollapsedRow[],
  values: Map<string, ReadValue>,
  format: ReportFormat,
  other: OtherRowLayout,
  blank: ReadonlySet<string> = new Set(),
): ParserFinding[] {
  if (rows.length === 0) return [];
  const said = new Map<CollapsedRow, ParserFinding>();
  const outcomeRows = S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other)).concat();
  const pending = new Set(rows.map((row) => row.rowKey));
  const decide = (row: CollapsedRow, ids: readonly string[]) =>
    agreed(placings(row, residuals(row.rowKey, values, outcomeRows, { blank, pending })), ids);
  // A row the sums place whole makes the others' sums known: place those first, again and again.
  for (let progress = true; progress;) {
    progress = false;
    for (const row of rows) {
      if (!pending.has(row.rowKey)) continue;
      const ids = rowIds(row);
      pending.delete(row.rowKey);
      const decided = decide(row, ids);
      if (decided.size < ids.length) {
        pending.add(row.rowKey);
        continue;
      }
      said.set(row, commit(row, ids, decided, values));
      progress = true;
    }
  }
  // The rest: what the sums decide of each, in print order, the other cells blank.
  for (const row of rows) {
    if (!pending.has(row.rowKey)) continue;
    const ids = rowIds(row);
    pending.delete(row.rowKey);
    said.set(row, commit(row, ids, decide(row, ids), values));
  }
  // The cells and findings in print order, whatever order the sums placed the rows in.
  for (const row of rows) {
    for (const id of rowIds(row)) {
      const read = values.get(id) as ReadValue;
      values.delete(id);
      values.set(id, read);
    }
  }
  return rows.map((row) => said.get(row) as ParserFinding);
}

function rowIds(row: CollapsedRow): string[] {
  return [...APPLICANTS, 'total'].map((column) => `s3.${row.rowKey}.${column}`);
}

/** Puts a collapsed row's decided cells into the values, the rest blank, and says what became of it. */
function commit(
  row: CollapsedRow,
  ids: readonly string[],
  decided: ReadonlyMap<string, ReadValue>,
  values: Map<string, ReadValue>,
): ParserFinding {
  for (const id of ids) values.set(id, decided.get(id) ?? { value: null, source: row.values[0]?.source ?? {} });
  const placed = [...decided].map(([id, read]) => `${columnLabel(id)} ${read.value}`);
  const read = row.values.map((v) => v.value).join('、');
  return {
    rule: 'collapsed-row',
    severity: 'warning',
    message:
      `第三部分“${row.label}”一行的空白单元格在原文中被合并，只读到 ${read}；` +
      (placed.length > 0
        ? `依据行列合计定为 ${placed.join('、')}，其余单元格为空`
        : '行列合计不能确定各数所在的列，整行留空，请对照原文'),
    cells: [...ids],
  };
}

/** The column's words for a cell id of a section 三 row. */
function columnLabel(id: string): string {
  const column = id.slice(id.lastIndexOf('.') + 1);
  return column === 'total' ? '总计' : (APPLICANT_COLUMNS.find((c) => c.key === column)?.label ?? column);
}
