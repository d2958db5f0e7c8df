/**
 * The letters an organ sends about an application (依申请公开): the answer and the notices of
 * correction, extension, fee and consultation, from templates that cite the 条例 (国令第711号).
 * One text model (`letterParagraphs`) feeds the DOCX and the plain-text renderers.
 */
export { LETTER_KINDS, LETTER_TITLES, LetterInputSchema, type LetterInput, type LetterKind } from './schema.js';
export type { LetterParagraph, LetterTable } from './model.js';
export { letterParagraphs, letterTitle } from './paragraphs.js';
export { remedyClause } from './kinds/answer.js';
export { renderLetterDocx } from './docx.js';
export { renderLetterText } from './text.js';
