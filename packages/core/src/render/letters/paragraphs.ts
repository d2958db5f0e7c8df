import { nameRegulationsOnce } from './common.js';
import { chineseDate, textWidth } from './format.js';
import { KIND_HANDLERS } from './kinds/index.js';
import type { LetterBlock, LetterParagraph } from './model.js';
import { LETTER_TITLES, parseLetterInput, type CheckedLetterInput, type LetterInput } from './schema.js';

/** The title of the letter, e.g. 政府信息公开申请答复书. */
export function letterTitle(input: Pick<LetterInput, 'kind'>): string {
  return LETTER_TITLES[input.kind];
}

/** The officer's text, one paragraph a line; blank lines and stray indentation dropped. */
function officerParagraphs(body: string | undefined): string[] {
  return (body ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * 联系地址 and 联系电话, where the organ gave them, so the applicant knows whom to ask; a line
 * each, as a telephone number cannot break and would stretch a justified line around it.
 */
function contactParagraphs({ address, phone }: CheckedLetterInput['organ']): string[] {
  return [address && `联系地址：${address}`, phone && `联系电话：${phone}`].filter((line) => line !== undefined);
}

/**
 * GB/T 9704 7.3.5.1 (a sealed document from one organ): the date stands four characters from
 * the right margin and the organ's name is centred over it; a name too long for that moves
 * both left, so that it ends at the margin and the date stays centred under it.
 */
function signature(organ: string, date: string): LetterParagraph[] {
  const dateIndent = 4;
  const centred = dateIndent + (textWidth(date) - textWidth(organ)) / 2;
  const shift = Math.max(0, -centred);
  return [
    { kind: 'signature', text: organ, rightIndent: centred + shift },
    { kind: 'date', text: date, rightIndent: dateIndent + shift },
  ];
}

const toParagraph = (block: LetterBlock): LetterParagraph =>
  typeof block === 'string' ? { kind: 'body', text: block } : block;

/**
 * The letter as paragraphs: title, 文号, addressee, the kind's text, the officer's paragraphs,
 * the closing (an answer's remedy clause), the organ's contacts, signature and date. Throws an
 * Error naming the field when the input is incomplete or wrong.
 */
export function letterParagraphs(input: LetterInput): LetterParagraph[] {
  const checked = parseLetterInput(input);
  const content = KIND_HANDLERS[checked.kind](checked);
  const blocks = nameRegulationsOnce([
    ...content.opening,
    ...officerParagraphs(checked.body),
    ...content.closing,
    ...contactParagraphs(checked.organ),
  ]);
  return [
    { kind: 'title', text: letterTitle(checked) },
    { kind: 'serialNo', text: checked.application.serialNo },
    { kind: 'addressee', text: content.addressee },
    ...blocks.map(toParagraph),
    ...signature(checked.organ.name, chineseDate(checked.issuedOn)),
  ];
}
