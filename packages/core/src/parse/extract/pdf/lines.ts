import type { Fragment } from '../../document.js';
import { CJK, type Run } from './text.js';

/* Visual lines: runs on one baseline, split into fragments where a wide gap leaves a column. */

export interface VisualLine {
  readonly text: string;
  readonly fragments: readonly Fragment[];
  /** Mean baseline. */
  readonly y: number;
}

/*
 * Gaps are measured in ems of the larger of the two fonts. Glyphs of one word or CJK phrase
 * touch (a gap near 0); a Latin word space is about 0.25–0.35 em. Outside ruled tables (which
 * are split at their rules instead) a wider gap is a column boundary of a borderless table or
 * a tab stop: LibreOffice leaves as little as 0.58 em between a full cell and the next.
 */
const WIDE_GAP_EM = 0.5;
/** Below this, two runs are one word, even between Latin letters. */
const TOUCHING_GAP_EM = 0.1;
/** Runs whose baselines differ by less than this (in ems of the smaller font) share a line. */
const SAME_LINE_EM = 0.4;

export function joiner(left: string, right: string, gap: number, em: number): string {
  if (gap < TOUCHING_GAP_EM * em || /\s$/.test(left) || /^\s/.test(right)) return '';
  if (CJK.test(left.slice(-1)) || CJK.test(right.charAt(0))) return '';
  return ' ';
}

/**
 * One visual line from runs on one baseline: sorted left to right and split into fragments at
 * gaps wider than `wideGap` ems (`Infinity`: one fragment).
 */
function buildLine(runs: Run[], wideGap: number): VisualLine {
  runs.sort((p, q) => p.x0 - q.x0);
  const fragments: Fragment[] = [];
  let text = '';
  let x0 = 0;
  let x1 = 0;
  let last: Run | undefined;
  for (const run of runs) {
    const em = last ? Math.max(last.size, run.size) : run.size;
    // Some producers draw a run twice, slightly offset, to fake bold: keep one copy.
    if (last && run.text === last.text && Math.abs(run.x0 - last.x0) < 0.3 * em) continue;
    const gap = last ? run.x0 - x1 : 0;
    if (last && gap <= wideGap * em) {
      text += joiner(text, run.text, gap, em) + run.text;
      x1 = Math.max(x1, run.x1);
    } else {
      if (last) fragments.push({ text: text.trim(), x0, x1 });
      text = run.text;
      x0 = run.x0;
      x1 = run.x1;
    }
    last = run;
  }
  if (last) fragments.push({ text: text.trim(), x0, x1 });
  const kept = fragments.filter((fragment) => fragment.text !== '');
  const y = runs.reduce((sum, run) => sum + run.y, 0) / Math.max(runs.length, 1);
  return { text: kept.map((fragment) => fragment.text).join('\t'), fragments: kept, y };
}

/** Groups runs into visual lines, top to bottom. */
export function visualLines(runs: Run[], wideGap = WIDE_GAP_EM): VisualLine[] {
  runs.sort((p, q) => p.y - q.y || p.x0 - q.x0);
  const lines: VisualLine[] = [];
  let current: Run[] = [];
  let anchor: Run | undefined;
  for (const run of runs) {
    if (anchor && run.y - anchor.y > SAME_LINE_EM * Math.min(anchor.size, run.size)) {
      lines.push(buildLine(current, wideGap));
      current = [];
      anchor = undefined;
    }
    anchor ??= run;
    current.push(run);
  }
  if (current.length > 0) lines.push(buildLine(current, wideGap));
  return lines.filter((line) => line.text !== '');
}
