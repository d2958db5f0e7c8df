import type { Source } from '../model/schema.js';

/** A value read for one cell ID: a number, or null for a blank, with its source. */
export interface ReadValue {
  readonly value: number | null;
  readonly source: Source;
}

export interface ParserFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly cells: readonly string[];
}
