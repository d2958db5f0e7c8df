import type { ParseLimits } from '@xxgk/core';
import { parseFile, type FileResult } from './parse-file.js';

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
