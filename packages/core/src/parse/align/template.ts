import {
  S2_BLOCKS,
  S3_COLUMNS,
  S4_COLUMNS,
  S4_GROUPS,
  s3Rows,
  type OtherRowLayout,
  type ReportFormat,
} from '../../model/cells.js';
import { ROW_LABELS } from '../labels.js';
import { canonical } from '../normalise.js';
import { detached, interned } from '../../model/interned.js';

/*
 * The national tables as a sequence of rows, each with the labels that name it and the cells it
 * holds, in print order: the template a document's runs of numbers are aligned to. The cells
 * come from the model (cells.ts) and the label spellings from labels.ts; nothing is redefined.
 */

export interface TemplateRow {
  readonly table: 's2' | 's3' | 's4';
  /** The row's cell IDs in print order. */
  readonly ids: readonly string[];
  /** Canonical label spellings without numbering. */
  readonly forms: readonly string[];
  /** The Chinese name of the row, for findings. */
  readonly name: string;
}

export interface Template {
  readonly format: ReportFormat;
  readonly other: OtherRowLayout;
  readonly rows: readonly TemplateRow[];
}

function formsOf(key: string): string[] {
  if (key === 'total') return ['总计'];
  if (key === 'other.other') return ['其他'];
  if (key === 'other') return ['其他处理'];
  const label = ROW_LABELS.find((row) => row.key === key);
  return label ? label.forms.map((form) => canonical(form)) : [];
}

function buildTemplate(format: ReportFormat, other: OtherRowLayout): Template {
  const rows: TemplateRow[] = [];
  for (const block of S2_BLOCKS[format]) {
    for (const row of block.rows) {
      rows.push({
        table: 's2',
        ids: row.columns.map((column) => interned(`s2.${row.key}.${column.key}`)),
        forms: formsOf(row.key),
        name: row.label,
      });
    }
  }
  for (const row of s3Rows(format, other)) {
    rows.push({
      table: 's3',
      ids: S3_COLUMNS.map((column) => interned(`s3.${row.key}.${column.key}`)),
      forms: formsOf(row.key),
      name: row.group ? `${row.group.label}${row.label}` : row.label,
    });
  }
  rows.push({
    table: 's4',
    ids: S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => interned(`s4.${group.key}.${column.key}`))),
    forms: ['行政复议'],
    name: '行政复议、行政诉讼',
  });
  return { format, other, rows };
}

/** The three tables a report can print: the 2019 format, the 2021 format with (六)'s sub-rows or with the old single row. */
export const TEMPLATES: readonly Template[] = [
  buildTemplate('2021', 'subRows'),
  buildTemplate('2019', 'single'),
  buildTemplate('2021', 'single'),
];

/** The length of the longest common subsequence of two short strings. */
function commonLength(a: string, b: string): number {
  let previous: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current: number[] = [0];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] =
        a[i - 1] === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Room after a label for its note ("（区分处理的，只计这一情形…）", "、行政机关不再处理其…"). */
const NOTE_ROOM = 45;

/**
 * How well the text printed before a run names the row, from 0 to 1: 1 when it ends with the
 * label, less when the label stands a note before the run or is damaged (characters dropped or
 * swapped), 0 when it does not name it. Labels of two characters ("规章", "其他") must end the text.
 */
export function labelScore(before: string, row: TemplateRow): number {
  return scoreText(canonical(before), row);
}

/** The rows of the three templates, each once: a run's label is scored against each of them once. */
export const ALL_ROWS: readonly TemplateRow[] = [
  ...new Map(TEMPLATES.flatMap((template) => template.rows).map((row) => [row.ids[0] as string, row])).values(),
];
const ROW_INDEX = new Map(ALL_ROWS.map((row, i) => [row.ids[0] as string, i]));

/** The index of a row among ALL_ROWS, where its score stands in `scoreAll`'s answer. */
export function rowIndex(row: TemplateRow): number {
  return ROW_INDEX.get(row.ids[0] as string) as number;
}

const NO_SCORES = new Float64Array(ALL_ROWS.length);
/** The same label texts recur in every report: their scores are kept. */
const scoreCache = new Map<string, Float64Array>();
const SCORE_CACHE_SIZE = 10_000;

/** The text's score against every row of ALL_ROWS. */
export function scoreAll(before: string): Float64Array {
  // The scores depend on the canonical form alone: kept by the text as printed too, so that a text
  // seen before takes one look, not its canonical form's and then that form's scores.
  const known = scoresByText.get(before);
  if (known !== undefined) return known;
  const found = scoreCanonical(canonical(before));
  if (scoresByText.size >= SCORE_CACHE_SIZE) scoresByText.clear();
  scoresByText.set(detached(before), found);
  return found;
}

const scoresByText = new Map<string, Float64Array>();

function scoreCanonical(text: string): Float64Array {
  // No label is shorter than two characters.
  if (text.length < 2) return NO_SCORES;
  let scores = scoreCache.get(text);
  if (!scores) {
    const chars = new Set(text.slice(-(LONGEST_FORM + 3)));
    scores = Float64Array.from(ALL_ROWS, (row) => scoreText(text, row, chars));
    if (scoreCache.size >= SCORE_CACHE_SIZE) scoreCache.clear();
    scoreCache.set(detached(text), scores);
  }
  return scores;
}

const LONGEST_FORM = Math.max(
  ...TEMPLATES.flatMap((template) => template.rows.flatMap((row) => row.forms.map((f) => f.length))),
);

/** Whether the text's tail holds enough of the form's characters to be worth comparing closely. */
function closeEnough(chars: ReadonlySet<string>, form: string): boolean {
  let shared = 0;
  for (const char of form) if (chars.has(char)) shared += 1;
  return shared >= form.length * 0.75;
}

function scoreText(text: string, row: TemplateRow, chars?: ReadonlySet<string>): number {
  if (row.table === 's4') {
    if (!text.includes('行政复议')) return 0;
    const suit = text.includes('行政诉讼') || text.includes('直接起诉');
    if (suit && /总计$/.test(text)) return 1;
    return suit ? 0.8 : 0;
  }
  let best = 0;
  for (const form of row.forms) {
    if (text.endsWith(form)) return 1;
    if (form.length <= 2) continue;
    const window = text.slice(-(form.length + NOTE_ROOM));
    if (form.length >= 4 && window.includes(form)) {
      best = Math.max(best, 0.9);
      continue;
    }
    if (form.length < 4) continue;
    const tail = text.slice(-(form.length + 3));
    if (!closeEnough(chars ?? new Set(tail), form)) continue;
    const ratio = commonLength(form, tail) / form.length;
    if (ratio >= 0.75) best = Math.max(best, ratio * 0.85);
  }
  return best;
}
