/*
 * The numbering in front of a row label as organs spell it. The national table prints "（六）其他处理";
 * published reports also write "(6)其他处理", "6)其他处理", "〔六〕其他处理", "【六】", "六、", "六.",
 * "六：", "⑥" and the like (Word's numbering formats, a typist's habit, a site's editor). The
 * labels match on the words after the numbering, so every spelling of the numbering must be
 * recognised as numbering, or "(6)其他处理" is no label at all.
 *
 * Matched against canonical text (simplified, NFKC, no spaces: full-width "（６）" is "(6)",
 * "⑥" is "6" and "：" is ":" by then).
 */

const CHINESE = '[一二三四五六七八九十]+';
const NUMERAL = `(?:${CHINESE}|\\d{1,2})`;
/** Opening and closing brackets around a number: ( ) 〔 〕 【 】 [ ] 〈 〉 《 》. */
const OPEN = '[(〔【\\[〈《]';
const CLOSE = '[)〕】\\]〉》]';

/** The forms of numbering, longest first where one is a prefix of another. */
export const NUMBERING_VARIANTS: readonly string[] = [
  // (六) (6) 〔六〕 【6】, with a mark after the bracket: (六)、 (6).
  `${OPEN}${NUMERAL}${CLOSE}[、.:]?`,
  // 六) 6) — a closing bracket alone.
  `${NUMERAL}\\)[、.:]?`,
  // 六、 六. 六:
  `${CHINESE}[、.:]`,
  // 6. 6、 6: 6 — not the start of a longer number.
  `\\d{1,2}[.、:]?(?!\\d)`,
  // l. I、 — an OCR's reading of 1. (a letter where the digit was).
  `[lI][.、]`,
];

/** Numbering at the start of a canonical label. */
export const LABEL_NUMBERING = new RegExp(`^(?:${NUMBERING_VARIANTS.join('|')})`);
