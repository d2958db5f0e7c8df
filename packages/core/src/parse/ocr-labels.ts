import { S2_BLOCKS, S3_OUTCOME_GROUPS, S4_GROUPS, s3Rows, REPORT_FORMATS } from '../model/cells.js';
import { ROW_LABELS } from './labels.js';
import { canonical, splitNumbering } from './normalise.js';

/*
 * A row's label OCR read with one character wrong, missing or extra ("属于三类内部事务信意",
 * "（一）予以公并", "2.申请人逾期末按收费通知要求缴纳费用、…"): the reader matches labels by their
 * words, and a row it cannot name is lost whole — seven cells of section 三 at once, the most
 * common loss on the bench's speckled scans. Text one edit from exactly one label, and from none
 * by no edit, is that label. Labels are compared as the template prints them (numbering and note:
 * a short label's numbering makes it long enough to be told apart, a long note carries the
 * misread character past a bare form's end) and as bare forms of five characters or more; shorter
 * bare words are left alone ("规章" and "其他" are one edit from many words).
 */
const MIN_MENDED = 5;
const ALL_FORMS = new Set(ROW_LABELS.flatMap((label) => label.forms));
const LABEL_FORMS = [...ALL_FORMS].filter((f) => f.length >= MIN_MENDED);

/** The section 三 rows as printed (both formats, with their groups' headings) and section 四's headers. */
const PRINTED = new Set(
  [
    ...REPORT_FORMATS.flatMap((format) => s3Rows(format, 'subRows').map((row) => row.label)),
    ...S3_OUTCOME_GROUPS.map((group) => group.label),
    ...Object.values(S2_BLOCKS)
      .flat()
      .flatMap((block) => block.rows.map((row) => row.label)),
    ...S4_GROUPS.map((group) => group.label),
  ].map(canonical),
);
/*
 * Section 四's headers: the reader finds its table by the 行政复议 header cell, so a misread one
 * loses fifteen cells. Four characters, but no other table word is within one edit of them.
 */
const S4_HEADERS = new Set([canonical(S4_GROUPS[0].label), canonical('行政诉讼')]);
/*
 * Section 二's rows of four characters ("行政许可", "行政处罚", "行政强制"), which a transcript
 * misreads as often ("行正许可", "行政外罚"): no other table word is within one edit of them either.
 */
const S2_SHORT = new Set(
  Object.values(S2_BLOCKS)
    .flat()
    .flatMap((block) => block.rows.map((row) => canonical(row.label)))
    .filter((label) => label.length === MIN_MENDED - 1 && label.startsWith('行政')),
);
const PRINTED_MENDED = [...new Set([...PRINTED, ...S4_HEADERS])].filter(
  (label) => label.length >= MIN_MENDED || S4_HEADERS.has(label) || S2_SHORT.has(label),
);

/** A cell's text as the one statutory label it is a single misread character from; else as it was. */
export function mendOcrLabel(text: string): string {
  const form = canonical(text);
  const { numbering, core } = splitNumbering(form);
  if (PRINTED.has(form) || ALL_FORMS.has(core)) return text;
  const printed = PRINTED_MENDED.filter((label) => oneEditApart(label, form));
  const bare = core.length >= MIN_MENDED ? LABEL_FORMS.filter((f) => oneEditApart(f, core)) : [];
  // Both ways may name the one row ("二上年结转…": the printed label without its 、, the bare form with a 二 before it).
  if (printed.length === 1 && bare.every((f) => (printed[0] as string).includes(f))) return printed[0] as string;
  return printed.length === 0 && bare.length === 1 ? numbering + (bare[0] as string) : text;
}

/** Whether `b` is `a` with one character replaced, left out or added. */
export function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start += 1;
  let [endA, endB] = [a.length, b.length];
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) [endA, endB] = [endA - 1, endB - 1];
  return endA - start <= 1 && endB - start <= 1;
}
