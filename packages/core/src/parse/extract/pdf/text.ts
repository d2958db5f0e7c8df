import { asMatrix, multiply, type Matrix } from './matrix.js';
import type { TextContentItem } from './pdfjs.js';
import type { Run } from './run.js';
import { intoFrame, isRotation, turnOf, type TurnedRun } from './turned.js';

export type { Run } from './run.js';

/* Glyph runs: the page's text items placed in display space, cleaned of what PDF producers add. */

/**
 * Word/WPS exports often map common characters to the Kangxi radicals (⼀ U+2F00 for 一, ⽇ for
 * 日…) through their ToUnicode tables: they look the same but match no label. NFKC maps them
 * back; it is applied to them alone, as full NFKC would also rewrite full-width punctuation.
 * Chrome's "print to PDF" (Skia) does the same with the CJK Radicals Supplement (⺠ U+2EA0 for
 * 民 in 民政局): a font that draws both with one glyph gets the lower code point in the
 * ToUnicode table. NFKC leaves those alone; they map to the ideographs below (the pairs Noto CJK
 * SC draws alike, each a pair of Unicode's EquivalentUnifiedIdeograph.txt).
 */
const RADICAL_FORMS =
  '⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒' +
  '⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马' +
  '⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';
const RADICAL_IDEOGRAPH = new Map(
  Array.from({ length: RADICAL_FORMS.length / 2 }, (_, i) => [RADICAL_FORMS[2 * i], RADICAL_FORMS[2 * i + 1]]),
);
const RADICAL = /[⺀-⻿⼀-⿟]/;
const RADICALS = /[⺀-⻿⼀-⿟]/g;
const normalizeText = (text: string): string =>
  RADICAL.test(text) ? text.replace(RADICALS, (c) => RADICAL_IDEOGRAPH.get(c) ?? c.normalize('NFKC')) : text;

const isTextItem = (item: TextContentItem): item is Extract<TextContentItem, { str: string }> => 'str' in item;

/** Characters that take no space between them and a neighbour (CJK ideographs, kana, full-width forms and punctuation). */
const CJK_CHARS = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
export const CJK = new RegExp(`[${CJK_CHARS}]`);
/**
 * One space between two CJK characters: pdf.js puts one in where justified or spaced-out
 * Chinese ("本 机 关", "总 计") leaves a gap between glyphs; Chinese text has none.
 */
const SPACE_IN_CJK = new RegExp(`([${CJK_CHARS}]) (?=[${CJK_CHARS}])`, 'g');
/** Two or more spaces inside a run: columns typed with the space bar ("规章      3      0"). */
const TYPED_COLUMN_GAP = /\s{2,}/;

/**
 * Splits a run at runs of typed spaces into runs of its own, placed by their share of the
 * run's width (a CJK character counting as an em, anything else as half of one), so that the
 * gap logic can see the columns.
 */
function splitTypedColumns(run: Run): Run[] {
  const text = run.text.trim();
  if (!TYPED_COLUMN_GAP.test(text)) return [run];
  const weight = (part: string): number => [...part].reduce((sum, c) => sum + (CJK.test(c) ? 1 : 0.5), 0);
  const unit = (run.x1 - run.x0) / Math.max(weight(run.text), 1e-9);
  const runs: Run[] = [];
  let x = run.x0 + weight(run.text.slice(0, run.text.indexOf(text))) * unit;
  for (const part of text.split(/(\s{2,})/)) {
    const width = weight(part) * unit;
    if (part.trim() !== '') runs.push({ ...run, text: part, x0: x, x1: x + width });
    x += width;
  }
  return runs;
}

/** What cleaning can change: white space and radicals (most runs of PDFium's have neither). */
const CLEANED = /[\s\u2e80-\u2eff\u2f00-\u2fdf]/;

/** A run as an engine read it, cleaned: radicals mapped back, spaces inside Chinese dropped, typed columns split. */
export function cleanRun(run: Run): Run[] {
  if (!CLEANED.test(run.text)) return [run];
  return splitTypedColumns({ ...run, text: normalizeText(run.text).replace(SPACE_IN_CJK, '$1') });
}

/**
 * The page's upright runs; runs turned a quarter turn are added to `turned` (in their own frame,
 * turned.ts), other turned runs left out.
 */
export function pageRuns(items: readonly TextContentItem[], viewport: Matrix, turned: TurnedRun[] = []): Run[] {
  const runs: Run[] = [];
  for (const item of items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const itemMatrix = asMatrix(item.transform as number[]);
    if (!itemMatrix) continue;
    // The run's matrix in display space (the page's rotation and crop box applied, y downwards).
    const [a, b, c, d, e, f] = multiply(viewport, itemMatrix);
    const size = Math.hypot(c, d);
    // Only upright, left-to-right runs make lines: a rotated run is a watermark ("内部资料"
    // across the page) or a stamp, and would otherwise scatter its glyphs into the body's lines.
    if (a <= 0 || Math.abs(b) > 0.05 * a || Math.abs(c) > 0.05 * Math.abs(d) || size === 0) {
      const turn = size === 0 ? undefined : turnOf(a, b, isRotation(a, b, c, d));
      if (!turn) continue;
      const [x, y] = intoFrame(turn, e, f);
      for (const run of cleanRun({ text: item.str, x0: x, x1: x + Math.max(item.width, 0), y, size }))
        turned.push({ ...run, turn });
      continue;
    }
    runs.push(...cleanRun({ text: item.str, x0: e, x1: e + Math.max(item.width, 0), y: f, size }));
  }
  return runs;
}
