import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LayoutTable } from '../../src/layout/tables.js';
import type { Report } from '../../src/model/schema.js';
import type { ExtractedDocument, Table, TextLine } from '../../src/parse/document.js';
import { ParseError } from '../../src/parse/errors.js';

/** Helpers the extractors' tests share. */

export const fixture = (path: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../fixtures/parse/${path}`, import.meta.url))));
export const fixtureReport = (path: string): Report => JSON.parse(new TextDecoder().decode(fixture(path))) as Report;

export async function failure(promise: Promise<unknown>): Promise<ParseError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError);
    return error as ParseError;
  }
  throw new Error('expected a ParseError');
}

export const tables = (doc: ExtractedDocument): Table[] => doc.nodes.filter((n): n is Table => n.kind === 'table');
export const lines = (doc: ExtractedDocument): TextLine[] => doc.nodes.filter((n): n is TextLine => n.kind === 'line');

/** Every layout cell with its grid row and column, placed as HTML places cells. */
export function layoutGrid(table: LayoutTable) {
  const taken = new Set<string>();
  const placed: { row: number; column: number; rowSpan: number; colSpan: number; text?: string; cellId?: string }[] =
    [];
  table.rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row) {
      while (taken.has(`${r},${column}`)) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let i = 0; i < rowSpan; i += 1) for (let j = 0; j < colSpan; j += 1) taken.add(`${r + i},${column + j}`);
      placed.push({ row: r, column, rowSpan, colSpan, text: cell.text, cellId: cell.cellId });
      column += colSpan;
    }
  });
  return placed;
}
