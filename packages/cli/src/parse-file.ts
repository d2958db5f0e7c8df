import { DEFAULT_LIMITS, ParseError, parseReport, type ParseLimits } from '@xxgk/core';
import { inflatedSize, loadPdfium, ocrPdf, readCMap, readReportFile } from '@xxgk/node';
import { formatParsed, type OutputMode } from './parse-output.js';

/** The outcome of reading one file, as it crosses from a worker thread: its output text, or why it failed. */
export type FileResult =
  | { readonly ok: true; readonly file: string; readonly text: string }
  | { readonly ok: false; readonly file: string; readonly code: string; readonly message: string };

/** Reads, parses and formats one file; every failure becomes a result, never an exception. */
export async function parseFile(
  file: string,
  limits: ParseLimits = DEFAULT_LIMITS,
  mode: OutputMode = 'summary',
  explainCell?: string,
): Promise<FileResult> {
  try {
    const bytes = await readReportFile(file, limits.maxBytes);
    const parsed = await parseReport(bytes, {
      file,
      limits,
      readCMap,
      pdfium: loadPdfium,
      inflate: inflatedSize,
      ocr: ocrPdf,
    });
    return { ok: true, file, text: formatParsed({ file, ...parsed }, mode, explainCell) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, file, code: error.code, message: error.message };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      return { ok: false, file, code: 'unreadable', message: `${file}：无法读取（${code}）` };
    }
    // A reader bug must not stop a batch: report it against the file, with what was thrown.
    return { ok: false, file, code: 'internal', message: `${file}：读取时出错（${(error as Error).message}）` };
  }
}
