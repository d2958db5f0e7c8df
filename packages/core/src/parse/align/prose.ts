import { simplify } from '../normalise.js';

/*
 * Values the report states in its prose: "本年度制发行政规范性文件62件", "现行有效行政规范性文件
 * 698件". They decide between the readings of a digit run the table's sums leave open, and fill
 * cells the table lacks. Notes in the table's own words beside it ("本年废止件数 22") are notes.ts's.
 */

const GAP = '[^。；;\\d]{0,12}?';
const DOCS = '(?:行政)?规范性文件';
/** The rest of a sentence that named the documents: "本年制发规范性文件3件，废止1件，现行有效件数644件". */
const LATER = `${DOCS}[^。；;]{0,40}?`;

const PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['s2.normativeDocs.issued', new RegExp(`(?:制发|印发|出台)${GAP}${DOCS}\\s*(\\d+)\\s*件`, 'g')],
  ['s2.normativeDocs.issued', new RegExp(`${DOCS}${GAP}(?:制发|印发)\\s*(\\d+)\\s*件`, 'g')],
  ['s2.normativeDocs.inForce', new RegExp(`现行有效${GAP}${DOCS}\\s*(\\d+)\\s*件`, 'g')],
  ['s2.normativeDocs.inForce', new RegExp(`${LATER}现行有效(?:件数|的)?(?:为|共|计)?\\s*(\\d+)\\s*件`, 'g')],
  ['s2.normativeDocs.repealed', new RegExp(`废止${GAP}${DOCS}\\s*(\\d+)\\s*件`, 'g')],
  ['s2.normativeDocs.repealed', new RegExp(`${LATER}废止(?:件数)?\\s*(\\d+)\\s*件`, 'g')],
];

/** The cells the prose can state: a reading that names none of them has no need of the prose. */
export const PROSE_CELLS: ReadonlySet<string> = new Set(PATTERNS.map(([id]) => id));

/** A sentence on another year's figures ("上年制发规范性文件5件") is no witness for this year's table. */
const OTHER_YEAR = /上年|上一年|去年|前年|同比/;

/**
 * Whether the sentence names a year other than the report's: "2022年，本办共制定规范性文件0件，废止
 * 规范性文件0件" in a 2023 report (a paragraph kept from the year before, its table saying otherwise).
 */
function namesOtherYear(sentence: string, year: number | undefined): boolean {
  if (year === undefined) return false;
  for (const match of sentence.matchAll(/(\d{4})\s*年/g)) if (Number(match[1]) !== year) return true;
  return false;
}

/**
 * The values the prose states, by cell ID; a cell the prose states twice differently is left out, and
 * so is a sentence on another year (`year` the report's, when known).
 */
export function proseValues(text: string, year?: number): Map<string, number> {
  const body = simplify(text.normalize('NFKC'));
  const found = new Map<string, Set<number>>();
  for (const [id, pattern] of PATTERNS) {
    for (const match of body.matchAll(pattern)) {
      // The sentence's start (NFKC left "；" a ";"); three searches, no array a match.
      const start = Math.max(
        body.lastIndexOf('。', match.index),
        body.lastIndexOf('；', match.index),
        body.lastIndexOf(';', match.index),
      );
      const sentence = body.slice(start + 1, match.index + match[0].length);
      if (OTHER_YEAR.test(sentence) || namesOtherYear(sentence, year)) continue;
      const values = found.get(id) ?? new Set<number>();
      values.add(Number(match[1]));
      found.set(id, values);
    }
  }
  const out = new Map<string, number>();
  for (const [id, values] of found) if (values.size === 1) out.set(id, [...values][0] as number);
  return out;
}
