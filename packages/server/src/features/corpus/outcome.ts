/*
 * What an import says of each file, shared by the batch (import.ts) and the group writer
 * (import-group.ts) in a file of its own so that neither imports the other for it.
 */

/** What became of one file: `existing` when the same bytes were imported before (by any batch). */
export type CorpusStatus = 'read' | 'review' | 'failed' | 'existing';

export interface CorpusOutcome {
  readonly file: string;
  readonly status: CorpusStatus;
  /** Why it failed or needs review, in Chinese, naming the file. */
  readonly reason?: string;
  readonly organ?: string;
  readonly year?: number;
  readonly version?: number;
}
