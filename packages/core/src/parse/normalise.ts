import * as OpenCC from 'opencc-js/t2cn';
import { LABEL_NUMBERING } from './extract/label-variants.js';
import { detached } from '../model/interned.js';

/*
 * Labels come in every spelling a clerk or a site can produce: full- and half-width
 * punctuation, stray spaces, curly or straight quotes, 繁体 from a site's traditional mirror.
 * Matching happens on one canonical form of each.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/** Characters that only traditional text uses among the words of a report; converting costs, so only when needed. */
const TRADITIONAL_CHARS = '報總規處結轉請數項機關與會於個這為們資開條復議訟審計類許強製費購係辦務單員繼續險廳縣區黨門';

/*
 * Every report's whole text is tested for them several times: a table by code unit scans it about
 * three times faster than a regular expression with a class of fifty ideographs. The table spans
 * every code unit (64 KB), so that each character costs one load and no range test: nearly every
 * ideograph of a report falls inside the range of the fifty.
 */
const IS_TRADITIONAL = new Uint8Array(0x10000);
for (const char of TRADITIONAL_CHARS) IS_TRADITIONAL[char.charCodeAt(0)] = 1;

export function simplify(text: string): string {
  return isTraditional(text) ? toSimplified(text) : text;
}

/** Whether a document is in traditional script: then every piece of it is converted, not only those with a tell-tale character. */
export function isTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (IS_TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

/**
 * A reading in pinyin a 繁体 mirror site prints after some characters ("規(guī)章", "數(shù)量"): a
 * bracket right after a Chinese character holding one syllable with a tone mark. Not part of the text.
 */
const PINYIN_NOTE = /(?<=[\u4e00-\u9fff])\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g;

export function toSimplifiedText(text: string): string {
  return toSimplified(text.includes('(') ? text.replace(PINYIN_NOTE, '') : text);
}

/** Whether a code unit is one `String.prototype.trim` takes off (white space or a line terminator). */
export function isTrimmed(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The canonical form of a cell or heading: simplified, NFKC, no spaces, no quotes. */
export function canonical(text: string): string {
  let form = canonicalForms.get(text);
  if (form === undefined) {
    form = canonicalUncached(text);
    if (canonicalForms.size >= CANONICAL_CACHE_SIZE) canonicalForms.clear();
    form = detached(form);
    canonicalForms.set(detached(text), form);
  }
  return form;
}

/**
 * The first character of a short text's canonical form, when it is surely the text's own: a common
 * ideograph (U+4E00–U+9FFF), which NFKC keeps and which simplification leaves unless the text is
 * in traditional script. Else undefined: ask `canonical`. (A quick no for most cells, without a lookup.)
 */
export function plainFirstCharacter(text: string): string | undefined {
  return firstIsPlain(text, text.charCodeAt(0)) ? text[0] : undefined;
}

/**
 * `plainFirstCharacter` by code unit: whether `first`, the text's first code unit, surely starts
 * its canonical form. Asked after a table of first characters said no (`firstTable`), it spares a
 * string of one character and its hashing, and the scan for traditional characters when it said yes.
 */
export function firstIsPlain(text: string, first: number): boolean {
  return first >= 0x4e00 && first <= 0x9fff && text.length <= 40 && !isTraditional(text);
}

/** A table by code unit of the first characters of some words: 1 where one starts. */
export function firstTable(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const word of words) if (word.length > 0) table[word.charCodeAt(0)] = 1;
  return table;
}

/** Cell texts recur across reports ("0", "规章", "总计"): their canonical forms are kept. */
const CANONICAL_CACHE_SIZE = 50_000;
const canonicalForms = new Map<string, string>();

function canonicalUncached(text: string): string {
  return simplify(text)
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/．/g, '.');
}

/** Numbering in front of a label: 一、 (一) 1. 1、 (6) 〔六〕 — what the label says without it. */
const NUMBERING = LABEL_NUMBERING;

export interface NumberedLabel {
  /** The numbering as written, canonical: "三、", "(六)", "3." or "". */
  readonly numbering: string;
  readonly core: string;
}

export function splitNumbering(canonicalText: string): NumberedLabel {
  const match = NUMBERING.exec(canonicalText);
  if (!match) return { numbering: '', core: canonicalText };
  return { numbering: match[0], core: canonicalText.slice(match[0].length) };
}

/** A value cell: a number with an optional unit, or a mark that the cell is blank. */
export type CellReading =
  { readonly kind: 'number'; readonly value: number } | { readonly kind: 'blank' } | { readonly kind: 'text' };

const BLANK_MARKS = new Set(['', '-', '—', '——', '–', '－', '/', '／', '\\', '…', '无', '空', '×']);
/** A cell that says the row does not apply to the organ ("本机关不涉及"): no number, so blank. */
const NOT_APPLICABLE = /^(?:本机关|本单位|我局|我单位)?(?:不涉及|未涉及|无此项|无此类|不适用)(?:此项|该项)?[。.]?$/;
const UNITS = /(?:万元|亿元|元|件次|件|个|项|条|次|宗|人次|人|家|份|篇|期|场)$/;

/**
 * 本年增/减 written in words before the number, as some organs fill it ("减4", "增加2", "减少1个"):
 * the word is the sign. Only at the start and before a digit, so no label or prose reads as a number.
 */
const CHANGE_WORD = /^(增加|减少|增|减)(?=\d)/;
const changeSign = (word: string): string => (word.startsWith('减') ? '-' : '+');

/** A scan read by OCR prints 0 as O and 1 as l or I: in a cell of digits and those letters only, they are digits. */
const OCR_NUMBER = /^[-+−–—]?[\dOoIl]+(?:\.[\dOoIl]+)?$/;

export function ocrDigits(text: string): string {
  if (!OCR_NUMBER.test(text) || !/[OoIl]/.test(text)) return text;
  // Letters alone are a number only when short ("O", "lO"): no word of a report is spelt so.
  if (!/\d/.test(text) && text.replace(/^[-+−–—]/, '').length > 4) return text;
  return text.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
}

/**
 * A number in ASCII digits alone ("105", "-3", "102.85"): what the normalisation below leaves as
 * it is and then reads as a number.
 */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A "?" standing apart before a cell's value ("? 0"): a character the page's encoding could not
 * hold (a special space, as a site converting to GBK leaves it). Every digit survives such a
 * conversion, so it hides no digit.
 */
const LOST_CHARACTER = /^[?？]+[\s\u3000\u00a0]+(?=\S)/;

/*
 * The common ideographs (U+4E00–U+9FFF, which NFKC and the steps below keep as they are) that a
 * cell read as a number or a blank may hold: the units, the words of 增/减, the blank marks and
 * "本机关不涉及". A text holding any other is text, known without the normalisation: most label and
 * prose cells are told so at their first or second character, where the normalisation costs
 * several regular expressions and an NFKC pass (the cursor asks about every cell after a label).
 */
const VALUE_IDEOGRAPHS = new Set(
  [...'万亿元件次个项条宗人家份篇期场增加减少无空本机关单位我局不涉及未此类适用该'].map((char) => char.charCodeAt(0)),
);

/** Whether a text holds a common ideograph no number or blank mark can hold (see VALUE_IDEOGRAPHS). */
function surelyText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff && !VALUE_IDEOGRAPHS.has(code)) return true;
  }
  return false;
}

/** The readings without a value, one object each: they are never changed (the type is read-only). */
const BLANK: CellReading = { kind: 'blank' };
const TEXT: CellReading = { kind: 'text' };

/** Reads a cell's text as a table value: "105件" → 105, "102.85万元" → 102.85, "—" → blank. */
export function readCell(text: string): CellReading {
  // Most cells are plain counts: read them without the normalisation below.
  if (PLAIN_NUMBER.test(text)) return { kind: 'number', value: Number(text) };
  if (surelyText(text)) return TEXT;
  const compact = text
    .replace(LOST_CHARACTER, '')
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '');
  if (BLANK_MARKS.has(compact) || NOT_APPLICABLE.test(compact)) return BLANK;
  const bare = ocrDigits(compact.replace(CHANGE_WORD, changeSign))
    .replace(UNITS, '')
    .replace(/(?<=\d),(?=\d{3}(?:\D|$))/g, '')
    .replace(/^[−–—]/, '-');
  if (/^[-+]?\d+(?:\.\d+)?$/.test(bare)) return { kind: 'number', value: Number(bare) };
  return TEXT;
}
