import type { Fragment } from '../../document.js';
import type { VisualLine } from './lines.js';
import { CJK } from './text.js';

/*
 * Column headers printed one character per line: a narrow column's header ("结果维持") wraps after
 * every character, so that read as lines the headers of all the columns come out interleaved,
 * "结 结 其 尚 总" over "果 果 他 未 计". Two or more lines in a row made only of single Chinese
 * characters, close below one another, are such a header: each column's characters (those at
 * the same x, within half an em) are joined top to bottom into one fragment, and the lines become
 * one line of the columns' headers, as a table with room for them would print it.
 */

/** Lines further apart than this many ems are not one wrapped header. */
const LINE_GAP_EM = 1.8;

const isStackLine = (line: VisualLine): boolean =>
  line.fragments.length >= 2 && line.fragments.every((f) => [...f.text].length === 1 && CJK.test(f.text));

function mergeStack(stack: readonly VisualLine[]): VisualLine {
  const columns: { x: number; fragment: Fragment }[] = [];
  for (const line of stack) {
    for (const fragment of line.fragments) {
      const width = fragment.x1 - fragment.x0;
      const middle = (fragment.x0 + fragment.x1) / 2;
      const column = columns.find((c) => Math.abs(c.x - middle) <= width / 2);
      if (column) column.fragment = { ...column.fragment, text: column.fragment.text + fragment.text };
      else columns.push({ x: middle, fragment });
    }
  }
  const fragments = columns.sort((p, q) => p.x - q.x).map((c) => c.fragment);
  return { text: fragments.map((f) => f.text).join('\t'), fragments, y: (stack[0] as VisualLine).y };
}

/** The lines with every stack of one-character lines joined into one line of column headers. */
export function joinStackedHeaders(lines: readonly VisualLine[]): VisualLine[] {
  const out: VisualLine[] = [];
  for (let i = 0; i < lines.length;) {
    const first = lines[i] as VisualLine;
    let end = i + 1;
    if (isStackLine(first)) {
      const em = (first.fragments[0] as Fragment).x1 - (first.fragments[0] as Fragment).x0;
      while (end < lines.length) {
        const next = lines[end] as VisualLine;
        if (!isStackLine(next) || next.y - (lines[end - 1] as VisualLine).y > LINE_GAP_EM * em) break;
        end += 1;
      }
    }
    out.push(end - i >= 2 ? mergeStack(lines.slice(i, end)) : first);
    i = end;
  }
  return out;
}
