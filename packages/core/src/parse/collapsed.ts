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
): Map<string, number> {
  const get = (id: string) => values.get(id)?.value ?? 0;
  const has = (id: string) => values.has(id);
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
      if (others.every((row) => has(`s3.${row}.${column}`))) {
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
 * Places the values of collapsed rows into columns. When the last value is the sum of the others
 * it is the 总计; the others go to the applicant columns whose sums they complete, or, when the
 * sums say nothing, to the leftmost. Every placement is reported as a finding, and the columns
 * left without a value are blank (null), not 0.
 */
export function placeCollapsedRows(
  rows: readonly CollapsedRow[],
  values: Map<string, ReadValue>,
  format: ReportFormat,
  other: OtherRowLayout,
): ParserFinding[] {
  const findings: ParserFinding[] = [];
  if (rows.length === 0) return findings;
  const outcomeRows = S3_OUTCOME_GROUPS.flatMap((group) => outcomeRowKeys(group, format, other)).concat();
  for (const row of rows) {
    const numbers = row.values.map((v) => v.value ?? 0);
    const sum = numbers.slice(0, -1).reduce((a, b) => a + b, 0);
    const lastIsTotal = numbers.length >= 2 && numbers[numbers.length - 1] === sum;
    const applicantValues = lastIsTotal ? row.values.slice(0, -1) : row.values;
    const residual = residuals(row.rowKey, values, outcomeRows);
    let best: number[] = applicantValues.map((_, i) => i);
    let bestScore = -1;
    if (applicantValues.length <= APPLICANTS.length) {
      for (const choice of combinations(APPLICANTS.length, applicantValues.length)) {
        const score = choice.filter(
          (columnIndex, i) => residual.get(APPLICANTS[columnIndex] as string) === applicantValues[i]?.value,
        ).length;
        if (score > bestScore) {
          best = choice;
          bestScore = score;
        }
      }
    }
    const placed: string[] = [];
    const ids = [...APPLICANTS, 'total'].map((column) => `s3.${row.rowKey}.${column}`);
    for (const id of ids) values.set(id, { value: null, source: row.values[0]?.source ?? {} });
    best.forEach((columnIndex, i) => {
      const read = applicantValues[i];
      if (!read) return;
      values.set(`s3.${row.rowKey}.${APPLICANTS[columnIndex]}`, read);
      placed.push(`${APPLICANT_COLUMNS[columnIndex]?.label} ${read.value}`);
    });
    const total = lastIsTotal ? row.values[row.values.length - 1] : undefined;
    if (total) {
      values.set(`s3.${row.rowKey}.total`, total);
      placed.push(`总计 ${total.value}`);
    }
    findings.push({
      rule: 'collapsed-row',
      severity: 'warning',
      message: `第三部分“${row.label}”一行的空白单元格在原文中被合并，只读到 ${row.values.map((v) => v.value).join('、')}；${bestScore > 0 ? '依据行列合计' : '无法由合计判断，按从左到右'}定为 ${placed.join('、')}，其余单元格为空`,
      cells: ids,
    });
  }
  return findings;
}
