import type { ParseLimits } from '@xxgk/core';
import { ignorePdfJsLeaks } from '@xxgk/node';
import { parseFile, type FileResult } from './parse-file.js';
import type { OutputMode } from './parse-output.js';

// This thread only ever reads files (see ignorePdfJsLeaks).
ignorePdfJsLeaks();

export interface FileTask {
  readonly file: string;
  readonly limits: ParseLimits;
  readonly mode: OutputMode;
  readonly explain?: string;
}

/** The task of one worker thread of `xxgk parse`: one file in, its output text (or its failure) out. */
export default async function parseInWorker(task: FileTask): Promise<FileResult> {
  return parseFile(task.file, task.limits, task.mode, task.explain);
}
