import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ExtractedDocument, Table, TableCell, TextLine } from '../../src/parse/document.js';
import { DEFAULT_LIMITS, ParseError, type ParseErrorCode } from '../../src/parse/errors.js';
import { extractHtml } from '../../src/parse/extract/html/index.js';

/** Helpers the HTML extractor's tests share. */

export const fixtures = new URL('../../../../fixtures/parse/html/', import.meta.url);
export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, fixtures)));
export const options = { limits: DEFAULT_LIMITS, file: 'page.html' };
export const utf8 = (html: string) => new TextEncoder().encode(html);
export const extract = (html: string | Uint8Array) =>
  extractHtml(typeof html === 'string' ? utf8(html) : html, options);

export const linesOf = (doc: ExtractedDocument) => doc.nodes.filter((n): n is TextLine => n.kind === 'line');
export const tablesOf = (doc: ExtractedDocument) => doc.nodes.filter((n): n is Table => n.kind === 'table');
export const texts = (doc: ExtractedDocument) => linesOf(doc).map((line) => line.text);
/** A table as rows of "text@column" (with "/rRxC" for spans), for compact structural assertions. */
export const grid = (table: Table) =>
  table.rows.map((row) =>
    row.map((c) => `${c.text}@${c.column}${c.rowSpan > 1 || c.colSpan > 1 ? `/r${c.rowSpan}x${c.colSpan}` : ''}`),
  );
export const cellAt = (table: Table, row: number, column: number): TableCell | undefined =>
  table.rows[row]?.find((cell) => cell.column === column);
/** The 1-based line of the first occurrence of `needle` in `source`. */
export const sourceLine = (source: string, needle: string) =>
  source.slice(0, source.indexOf(needle)).split('\n').length;

export async function rejects(html: string | Uint8Array, code: ParseErrorCode, opts = options): Promise<ParseError> {
  const error = await extractHtml(typeof html === 'string' ? utf8(html) : html, opts).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ParseError);
  expect((error as ParseError).code).toBe(code);
  return error as ParseError;
}
