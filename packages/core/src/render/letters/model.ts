import type { CheckedLetterInput } from './schema.js';

/**
 * A letter as a list of paragraphs, in order: the single source the DOCX and the plain-text
 * renderers both print, so the two always say the same.
 */
export type LetterParagraph =
  /** 标题, centred in 方正小标宋. */
  | { readonly kind: 'title'; readonly text: string }
  /** 文号, centred under the title. */
  | { readonly kind: 'serialNo'; readonly text: string }
  /** 主送: the applicant (or the third party) followed by a full-width colon. */
  | { readonly kind: 'addressee'; readonly text: string }
  /** A paragraph of the text, first line indented two characters. */
  | { readonly kind: 'body'; readonly text: string }
  | LetterTable
  /**
   * 署名 and 成文日期, right-aligned; `rightIndent` is the space left at the right margin in
   * characters, so that the signature stands centred over the date (GB/T 9704 7.3.5.1).
   */
  | { readonly kind: 'signature'; readonly text: string; readonly rightIndent: number }
  | { readonly kind: 'date'; readonly text: string; readonly rightIndent: number };

export interface LetterTable {
  readonly kind: 'table';
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What a paragraph of a kind's text may be: a line of prose or a table. */
export type LetterBlock = string | LetterTable;

/** The part of a letter that depends on its kind; the frame around it is the same for all. */
export interface KindContent {
  /** To whom the letter is addressed. */
  readonly addressee: string;
  /** The paragraphs after the addressee, before the officer's own. */
  readonly opening: readonly LetterBlock[];
  /** The paragraphs after the officer's own, such as the remedy clause of an answer. */
  readonly closing: readonly string[];
}

export type KindHandler = (input: CheckedLetterInput) => KindContent;
