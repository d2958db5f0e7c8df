import type { ParseLimits } from '@xxgk/core';
import { parseFile, type FileResult } from './parse-file.js';
import type { OutputMode } from './parse-output.js';

/*
 * pdf.js, run in this thread, leaves a stray rejected promise behind on some damaged PDFs
 * (mozilla/pdf.js#8608) after the read itself has ended in a ParseError. In a worker thread an
 * unhandled rejection would end the thread and fail whichever file it reads next, so this thread,
 * which only ever reads files, lets pdf.js's own exceptions go.
 */
process.on('unhandledRejection', (reason) => {
  const name = (reason as { name?: string } | undefined)?.name ?? '';
  if (!/Exception$|^FormatError$/.test(name)) throw reason;
});

/** The task of one worker thread of `xxgk parse`: one file in, its output text (or its failure) out. */
export default async function parseInWorker(task: {
  file: string;
  limits: ParseLimits;
  mode: OutputMode;
  explain?: string;
}): Promise<FileResult> {
  return parseFile(task.file, task.limits, task.mode, task.explain);
}
