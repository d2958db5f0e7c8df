import type { TemplateAlignment } from './dp.js';
import { hypotheses, place, type BlockTarget, type Hypothesis } from './blocks.js';
import { sumChecks, type SumCheck } from './sums.js';
import type { Candidate } from './stream.js';

/*
 * Section 三's last rows printed on a page of their own, apart from their labels. pdftotext's
 * default reading order takes a ruled table a PDF writer (LibreOffice) split over two pages by
 * text blocks: on the second page the row labels come first ("5.属于三类内部事务信息 … （七）总计
 * 四、结转下年度继续办理"), then the repeated column header, then every figure of those rows as one
 * run up to section 四's heading, rows of seven in blocks of consecutive rows, each block printed
 * row by row or column by column (blocks.ts reads the same shapes between two rows read). The
 * aligner reads none of these rows: no label stands before any figure.
 *
 * Here the run just before section 四, whose text before it ends with the last row's label and
 * the header, is taken as the table's last k rows when it holds exactly 7k counts, and read where
 * every way to read it that keeps each row's total gives the same values, and no sum the table
 * can check against what else was read fails; else the rows stay open.
 */

const WIDTH = 7;
/** Fewest rows a tail block must hold: a row or two of seven figures proves little by its totals. */
const LEAST_ROWS = 3;
/** Confidence where a sum across rows checks the block, and where only each row's own total does. */
const CHECKED = 0.85;
const ROWS_ONLY = 0.6;
/** Section 四's heading or header, where the tail block ends. */
const SECTION_FOUR = /行政复议/;
/** The table's last row's label: the labels came before the figures. */
const LAST_LABEL = /结转下年度/;
/** The column header after it ("… 其他 总计"): the figures follow the header. */
const HEADER_END = /总计\s*$/;

/** Where the table's runs start (the first after its heading), and the run holding its last rows. */
function tailRun(stream: readonly Candidate[]): { start: number; at: number } | undefined {
  const s3Start = stream.findIndex((run) => /收到和处理政府信息公开申请/.test(run.before));
  if (s3Start < 0) return undefined;
  // A section 四 with no figures ("未发生行政复议") leaves the table's last run the text's last.
  const found = stream.findIndex((run, i) => i > s3Start && SECTION_FOUR.test(run.before));
  const s4 = found < 0 ? stream.length : found;
  if (s4 <= s3Start + 1) return undefined;
  const run = stream[s4 - 1] as Candidate;
  return LAST_LABEL.test(run.before) && HEADER_END.test(run.before) ? { start: s3Start, at: s4 - 1 } : undefined;
}

/**
 * Whether the values fail no sum they take part in: a check whose cells are all known must hold;
 * one whose single total is known must not be exceeded by the known parts (counts are never
 * negative). Returns how many checks across rows held, or -1 where one fails.
 */
export function acrossChecks(
  values: ReadonlyMap<string, number>,
  cells: ReadonlySet<string>,
  checks: readonly SumCheck[],
) {
  const row = (id: string) => id.slice(0, id.lastIndexOf('.'));
  let across = 0;
  for (const check of checks) {
    const ids = [...check.left, ...check.right];
    if (!ids.some((id) => cells.has(id))) continue;
    const acrossRows = ids.some((id) => row(id) !== row(ids[0] as string));
    const left = check.left.reduce((sum, id) => sum + (values.get(id) ?? 0), 0);
    const right = check.right.reduce((sum, id) => sum + (values.get(id) ?? 0), 0);
    if (ids.every((id) => values.has(id))) {
      if (left !== right) return -1;
      if (acrossRows) across += 1;
    } else if (check.right.every((id) => values.has(id)) && left > right) return -1;
  }
  return across;
}

/** `acrossChecks` of cells about to be placed, with section 三's values read already. */
export function checkedAcross(placing: ReadonlyMap<string, number>, out: BlockTarget): number {
  const values = new Map<string, number>();
  for (const [id, value] of out.values) if (id.startsWith('s3.') && value.value !== null) values.set(id, value.value);
  for (const [id, value] of placing) values.set(id, value);
  return acrossChecks(values, new Set(placing.keys()), sumChecks(out.format, out.other));
}

/** The runs of the table before its tail block, and how many rows the tail holds. */
export interface TableHead {
  readonly runs: readonly Candidate[];
  readonly rows: number;
}

/**
 * The table's last rows printed apart on their page (see above), read where the sums decide them.
 * Returns the runs before them and the rows they leave, for the first page (head.ts).
 */
export function readTableTail(
  best: TemplateAlignment,
  stream: readonly Candidate[],
  out: BlockTarget,
): TableHead | undefined {
  const where = tailRun(stream);
  if (!where) return undefined;
  const run = stream[where.at] as Candidate;
  const pieces = run.run.pieces.length;
  const s3 = best.template.rows.filter((row) => row.table === 's3');
  const k = pieces / WIDTH;
  if (!Number.isInteger(k) || k < LEAST_ROWS || k > s3.length) return undefined;
  const rows = s3.slice(s3.length - k);
  // Rows the alignment read already: the run is not theirs alone.
  if (rows.some((row) => row.ids.some((id) => out.values.has(id)))) return undefined;
  // The plain shapes first; two columns printed together only where those read nothing.
  const plain = hypotheses(rows, [run]);
  const found = plain.length > 0 ? plain : hypotheses(rows, [run], true);
  const first = found[0];
  if (!first) return undefined;
  // Each cell every reading gives alike: the others stay open (two readings of a run of noughts differ).
  const agreed = new Map([...first.values].filter(([id, value]) => found.every((h) => h.values.get(id) === value)));
  if (agreed.size === 0) return undefined;
  const across = checkedAcross(agreed, out);
  if (across < 0) return undefined;
  const hypothesis: Hypothesis = { ...first, values: agreed };
  const open = first.values.size - agreed.size;
  const rest = open > 0 ? `；其余 ${open} 格有多种读法，留空` : '';
  if (across > 0) place(hypothesis, out, CHECKED, `各行合计与各列合计均相符${rest}`);
  else place(hypothesis, out, ROWS_ONLY, `各行合计均相符（其余各行未读出，列合计无从核对）${rest}`);
  out.rowsFound.s3 += k;
  return { runs: stream.slice(where.start, where.at), rows: s3.length - k };
}
