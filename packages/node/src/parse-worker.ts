import { setPriority } from 'node:os';
import { ParseError, parseReport, type ParseLimits } from '@xxgk/core';
import { readCMap } from './cmaps.js';
import { inflatedSize } from './inflate.js';
import { loadPdfium } from './pdfium.js';
import { ocrPdf } from './ocr/index.js';
import { reportFigures } from './report-figures.js';
import { ignorePdfJsLeaks } from './worker-pool.js';
import type { ReportFigures } from './report-figures.js';

/*
 * Reading yields to answering requests: on Linux the nice value is per thread, and this lowers
 * only this worker's (elsewhere it would lower the whole server's, so it is left alone). While
 * hostile uploads keep the workers busy, the request thread still gets the CPU when it needs it.
 */
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not allowed here (a container's policy): reading goes on at normal priority.
  }
}

// This thread only ever reads files (see ignorePdfJsLeaks).
ignorePdfJsLeaks();

/** One uploaded file to read on a worker thread of the parse pool. */
export interface ParseTask {
  readonly bytes: Uint8Array;
  readonly file: string;
  readonly limits: Partial<ParseLimits>;
  /** The longest the read report may be as JSON, in characters. */
  readonly maxOutputChars: number;
  /** Whether the document (lines and tables) and the prose cross back too, or the figures alone. */
  readonly whole: boolean;
}

/**
 * What crosses back: the read report as JSON (parsed again on the request thread) — for a bulk
 * import with its figures' JSON texts apart, which are not parsed there (ReportFigures) — or why it
 * failed.
 */
export type ParseOutcome =
  | { readonly ok: true; readonly json: string; readonly texts?: ReportFigures['json'] }
  | { readonly ok: false; readonly code: ParseError['code']; readonly reason: string; readonly file?: string };

// A ParseError loses its class crossing threads: its code, reason and file cross instead.
const refused = (error: ParseError): ParseOutcome => ({
  ok: false,
  code: error.code,
  reason: error.reason,
  ...(error.file ? { file: error.file } : {}),
});

export default async function parseTask(task: ParseTask): Promise<ParseOutcome> {
  try {
    const parsed = await parseReport(task.bytes, {
      file: task.file,
      limits: task.limits,
      readCMap,
      pdfium: loadPdfium,
      inflate: inflatedSize,
      ocr: ocrPdf,
    });
    const { json: texts, ...rest } = task.whole ? { json: undefined, ...parsed } : reportFigures(parsed);
    const json = JSON.stringify(rest);
    if (json.length + (texts ? texts.cells.length + texts.sources.length : 0) > task.maxOutputChars) {
      const limit = task.maxOutputChars;
      const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.ceil(limit / 1024)} KB`;
      return refused(
        new ParseError('too-large', `读取结果超过 ${size} 的上限，文件过大或结构异常，已停止读取`, task.file),
      );
    }
    return { ok: true, json, ...(texts ? { texts } : {}) };
  } catch (error) {
    if (error instanceof ParseError) return refused(error);
    throw error;
  }
}
