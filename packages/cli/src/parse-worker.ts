import type { ParseLimits } from '@xxgk/core';
import { parseFile, type FileResult } from './parse-file.js';

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

/** The task of one worker thread of `xxgk parse`: one file in, one result out. */
export default async function parseInWorker({
  file,
  limits,
}: {
  file: string;
  limits: ParseLimits;
}): Promise<FileResult> {
  return parseFile(file, limits);
}
