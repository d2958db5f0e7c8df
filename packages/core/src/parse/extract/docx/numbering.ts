import { attribute, decodeEntities, toInt } from './xml.js';

/*
 * Automatic numbering (w:numPr): Word and WPS draw "一、", "（一）", "1." in front of a paragraph
 * from word/numbering.xml, and the paragraph's text holds none of it. A report whose section
 * headings are numbered so reads "总体情况" where the reader looks for "一、总体情况", and a row
 * label "（六）其他" as "其他". The numbers are counted here as Word counts them: per list
 * (w:num), each level from its w:start, a level's counter restarting when a higher level
 * advances, the level's w:lvlText with %1…%9 replaced by each level's number in its w:numFmt.
 * A paragraph's list is its own w:numPr or its paragraph style's (word/styles.xml).
 */

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** w:isLgl: every level's number shown in Arabic digits. */
  readonly legal: boolean;
}

export interface NumberingDefinitions {
  /** numId → its abstract definition's levels, with start overrides applied. */
  readonly lists: ReadonlyMap<string, readonly (Level | undefined)[]>;
  /** Paragraph style id → the numbering it carries. */
  readonly styles: ReadonlyMap<string, { numId: string; ilvl: number }>;
}

const DIGITS = '零一二三四五六七八九';
const TRADITIONAL = '甲乙丙丁戊己庚辛壬癸';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word's chineseCounting writes them). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) zero = out !== '';
    else {
      out += (zero ? '零' : '') + DIGITS[d] + unit;
      zero = false;
    }
  });
  return n >= 10 && n < 20 ? out.replace(/^一十/, '十') : out;
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, letters] of table) while (n >= value) [out, n] = [out + letters, n - value];
  return out;
}

/** A counter in a w:numFmt. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return TRADITIONAL[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
    case 'lowerLetter': {
      const letter = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return format === 'upperLetter' ? letter : letter.toLowerCase();
    }
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/**
 * The start tags and bodies of the `name` elements in `xml` (which never nest in themselves). Split
 * at end tags rather than matched by a pattern: a pattern backtracks over the rest of the file at
 * every unclosed start tag, which a damaged file may have by the thousand.
 */
function* elements(xml: string, name: string): Generator<{ tag: string; body: string }> {
  const pieces = xml.split(`</${name}>`);
  pieces.pop();
  for (const piece of pieces) {
    const start = lastStartTag(piece, name);
    if (start < 0) continue;
    const end = piece.indexOf('>', start);
    if (end >= 0) yield { tag: piece.slice(start, end + 1), body: piece.slice(end + 1) };
  }
}

/** Where the last start tag `<name …>` in `text` begins, or -1. */
function lastStartTag(text: string, name: string): number {
  for (let at = text.lastIndexOf(`<${name}`); at >= 0; at = text.lastIndexOf(`<${name}`, at - 1)) {
    if (/[\s/>]/.test(text.charAt(at + name.length + 1))) return at;
    if (at === 0) break;
  }
  return -1;
}

/** The `val` attribute of the first `name` element (an empty one, `<w:start w:val="1"/>`) in `xml`. */
const valueOf = (xml: string, name: string, val: string): string | undefined => {
  for (let at = xml.indexOf(`<${name}`); at >= 0; at = xml.indexOf(`<${name}`, at + 1)) {
    if (!/[\s/>]/.test(xml.charAt(at + name.length + 1))) continue;
    const end = xml.indexOf('>', at);
    return end < 0 ? undefined : attribute(xml.slice(at, end + 1), val);
  }
  return undefined;
};

/** Reads word/numbering.xml and word/styles.xml (either may be missing) with the document's prefix `w`. */
export function readNumbering(
  numberingXml: string | undefined,
  stylesXml: string | undefined,
  w: string,
): NumberingDefinitions {
  const q = (local: string): string => (w ? `${w}:${local}` : local);
  const val = q('val');
  const abstract = new Map<string, (Level | undefined)[]>();
  for (const { tag, body } of elements(numberingXml ?? '', q('abstractNum'))) {
    const levels: (Level | undefined)[] = [];
    for (const level of elements(body, q('lvl'))) {
      const ilvl = toInt(attribute(level.tag, q('ilvl')), -1);
      if (ilvl < 0 || ilvl > 8) continue;
      levels[ilvl] = {
        start: toInt(valueOf(level.body, q('start'), val), 1),
        format: valueOf(level.body, q('numFmt'), val) ?? 'decimal',
        text: decodeEntities(valueOf(level.body, q('lvlText'), val) ?? ''),
        legal: level.body.includes(`<${q('isLgl')}`),
      };
    }
    const id = attribute(tag, q('abstractNumId'));
    if (id !== undefined) abstract.set(id, levels);
  }
  const lists = new Map<string, (Level | undefined)[]>();
  for (const { tag, body } of elements(numberingXml ?? '', q('num'))) {
    const id = attribute(tag, q('numId'));
    const levels = abstract.get(valueOf(body, q('abstractNumId'), val) ?? '');
    if (id === undefined || !levels) continue;
    const own = [...levels];
    for (const override of elements(body, q('lvlOverride'))) {
      const ilvl = toInt(attribute(override.tag, q('ilvl')), -1);
      const start = valueOf(override.body, q('startOverride'), val);
      const level = own[ilvl];
      if (level && start !== undefined) own[ilvl] = { ...level, start: toInt(start, level.start) };
    }
    lists.set(id, own);
  }
  const styles = new Map<string, { numId: string; ilvl: number }>();
  for (const { tag, body } of elements(stylesXml ?? '', q('style'))) {
    const id = attribute(tag, q('styleId'));
    const numId = valueOf(body, q('numId'), val);
    if (id !== undefined && numId !== undefined)
      styles.set(id, { numId, ilvl: toInt(valueOf(body, q('ilvl'), val), 0) });
  }
  return { lists, styles };
}

/** The numbers of the paragraphs in document order: call `next` once per numbered paragraph. */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  /** The number text of a paragraph with this numbering (its own w:numPr, else its style's), or ''. */
  next(numId: string | undefined, ilvl: number | undefined, style: string | undefined): string {
    const fromStyle = style === undefined ? undefined : this.definitions.styles.get(style);
    const id = numId ?? fromStyle?.numId;
    // numId 0 removes the numbering a style would give.
    if (id === undefined || id === '0') return '';
    const levels = this.definitions.lists.get(id);
    const depth = Math.min(Math.max(ilvl ?? fromStyle?.ilvl ?? 0, 0), 8);
    const level = levels?.[depth];
    if (!levels || !level) return '';
    const counts = this.counters.get(id) ?? [];
    this.counters.set(id, counts);
    counts[depth] = counts[depth] === undefined ? level.start : (counts[depth] as number) + 1;
    counts.length = depth + 1;
    return level.text.replace(/%([1-9])/g, (_, k: string) => {
      const at = Number(k) - 1;
      const of = levels[at];
      const n = counts[at] ?? of?.start ?? 1;
      return formatNumber(n, level.legal ? 'decimal' : (of?.format ?? 'decimal'));
    });
  }
}
