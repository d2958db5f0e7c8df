import { readFile, stat } from 'node:fs/promises';
import { DEFAULT_LIMITS, ParseError } from '@xxgk/core';
import { archiveEntries, fileSha256, isReportArchive, readReportFile } from '@xxgk/node';
import { archiveInputs, type CorpusInput } from '@xxgk/server';
import { collectFiles } from './files.js';

/**
 * An archive is read into memory whole to list its reports (the entries are inflated one at a
 * time as they are imported); past this it is refused, and should be unpacked into a folder.
 */
export const MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** A report file on disk: read within the readers' size limit, or refused by its hash and size. */
function fileInput(file: string, maxBytes: number): CorpusInput {
  return {
    name: file,
    read: async () => {
      try {
        return { bytes: await readReportFile(file, maxBytes) };
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        return { sha256: await fileSha256(file), size: (await stat(file)).size, error };
      }
    },
  };
}

/**
 * The reports named on the command line: files, folders read recursively, and ZIP archives of
 * reports (a DOCX, also a ZIP, is a report). In a stable order, so that a rerun meets the files
 * it already imported first.
 */
export async function corpusInputs(
  paths: readonly string[],
  maxBytes = DEFAULT_LIMITS.maxBytes,
): Promise<CorpusInput[]> {
  const inputs: CorpusInput[] = [];
  for (const file of await collectFiles(paths)) {
    if (!/\.zip$/iu.test(file)) {
      inputs.push(fileInput(file, maxBytes));
      continue;
    }
    const size = (await stat(file)).size;
    const bytes = size <= MAX_ARCHIVE_BYTES ? new Uint8Array(await readFile(file)) : undefined;
    if (!bytes || !isReportArchive(file, bytes)) {
      inputs.push(fileInput(file, maxBytes));
      continue;
    }
    let entries;
    try {
      entries = archiveEntries(bytes, file, maxBytes);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      inputs.push(fileInput(file, maxBytes));
      continue;
    }
    inputs.push(...archiveInputs(entries));
  }
  return inputs;
}
