/**
 * What the core needs from a Node process, shared by the server and the CLI: fonts and CMaps to
 * render and read PDFs, report files read within the readers' size limit, and worker threads to
 * read reports on.
 */
export { bundledFont, chooseFont, FontError, loadFonts } from './fonts.js';
export { readCMap } from './cmaps.js';
export { loadPdfium } from './pdfium.js';
export { inflatedSize } from './inflate.js';
export { fileSha256, readReportFile } from './files.js';
export { archiveEntries, isReportArchive, type ArchiveEntry } from './archive.js';
export { OCR_LIMITS, ocrPdf, ocrReader, OcrUnavailableError, type OcrLimits } from './ocr/index.js';
export {
  closeParsePool,
  ParsePool,
  parseUpload,
  PoolBusyError,
  UPLOAD_PARSING,
  type ParsePoolOptions,
} from './parse-pool.js';
export { reportFigures, type ReportFigures } from './report-figures.js';
export {
  ignorePdfJsLeaks,
  WorkerFailure,
  WorkerPool,
  type WorkerFailureReason,
  type WorkerPoolOptions,
} from './worker-pool.js';
