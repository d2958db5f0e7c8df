import { ParseError } from '../../errors.js';
import type { Extractor } from '../types.js';
import { documentFrom, readPage, type PageContent } from './pages.js';
import { binaryDataFactory, loadPdfJs, type PdfDocument, type PdfJs } from './pdfjs.js';
import { readWithPdfium } from './pdfium.js';
import { checkPdfStreams } from './streams.js';

/*
 * PDF → intermediate document, with PDFium (WebAssembly) when the caller hands it in, as the CLI
 * and the server do, else with pdf.js (its legacy build, which runs in Node ≥ 20 and in
 * browsers); docs/pdf-engines.md compares them. A PDF has no lines or tables, only glyph runs
 * and strokes placed on a page:
 *
 * - tables drawn with ruling lines (as Word, WPS, LibreOffice and pdfmake draw them) are
 *   rebuilt from the rules, with merged cells, and their text assigned to cells by position;
 *   tables ruled only horizontally take their columns from the gaps in their text;
 * - column headers printed one character per line are joined into the columns' headers;
 * - all other text is grouped into visual lines by baseline, each split into fragments with
 *   their horizontal extent where a wide gap leaves a column (a borderless table, a tab stop);
 * - running page numbers and headers are dropped;
 * - a PDF with no text layer (a scan) reads as no nodes and an error message, not an error.
 *
 * The caller's file is never touched: bytes in, document out. pdf.js gets no network, no
 * `eval`, no font loading into a DOM, and only the CMaps the caller's `readCMap` serves.
 */

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function loadError(error: unknown, file: string | undefined): ParseError {
  if (error instanceof ParseError) return error;
  if (errorName(error) === 'PasswordException') {
    return new ParseError('encrypted', 'PDF 已加密，需要密码才能打开；请提供未加密的文件', file);
  }
  // pdf.js's own words, for whoever looks into it, unless they say no more than the message.
  const said = error instanceof Error && errorName(error) !== 'InvalidPDFException' ? error.message : '';
  return new ParseError('corrupt', `PDF 文件已损坏或不完整，无法读取${said ? `（pdf.js：${said}）` : ''}`, file);
}

/**
 * Reads a PDF's text layer: ruled tables become tables (merged cells found from missing
 * rules), all other text becomes visual lines split into fragments at wide gaps. A PDF without
 * a text layer (a scan) reads as no nodes and a `pdf-no-text-layer` error message.
 */
export const extractPdf: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new ParseError(
      'too-large',
      `文件过大（${mb(bytes.length)} MB），超过 ${mb(limits.maxBytes)} MB 的上限`,
      file,
    );
  }
  // Before pdf.js, which inflates a stream whole and unbounded.
  await checkPdfStreams(bytes, limits, file, options.inflate);
  if (options.pdfium) {
    const engine = await options.pdfium();
    try {
      return documentFrom(readWithPdfium(engine, bytes, limits, file), new Set(), options);
    } catch (error) {
      if (error instanceof ParseError) throw error;
      // A trap inside the WebAssembly (a damaged file PDFium did not expect): the module may be left inconsistent.
      options.pdfium(engine).catch(() => {});
      const said = error instanceof Error ? error.message : String(error);
      throw new ParseError('corrupt', `PDF 文件已损坏或不完整，无法读取（PDFium：${said}）`, file);
    }
  }
  const pdfjs = await loadPdfJs();
  const missingCMaps = new Set<string>();
  let task: ReturnType<PdfJs['getDocument']>;
  try {
    task = pdfjs.getDocument({
      /*
       * pdf.js takes over (detaches) the buffer it is given, and refuses a Node Buffer: hand it
       * a plain copy, never the caller's bytes.
       */
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWasm: false,
      useWorkerFetch: false,
      enableXfa: false,
      // Images are never decoded: only text and ruling lines are read.
      maxImageSize: 1,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
      BinaryDataFactory: binaryDataFactory(options.readCMap, missingCMaps),
    });
  } catch (error) {
    throw loadError(error, file);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(limits.timeoutMs / 100) / 10;
      reject(new ParseError('timeout', `读取 PDF 超过 ${seconds} 秒仍未完成，文件可能已损坏或过于复杂`, file));
    }, limits.timeoutMs);
  });
  const work = (async () => {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      throw loadError(error, file);
    }
    if (doc.numPages > limits.maxPages) {
      throw new ParseError('too-many-pages', `PDF 有 ${doc.numPages} 页，超过 ${limits.maxPages} 页的上限`, file);
    }
    const pages: PageContent[] = [];
    try {
      for (let number = 1; number <= doc.numPages && !settled; number += 1) {
        pages.push(await readPage(doc, number, pdfjs));
      }
    } catch (error) {
      throw loadError(error, file);
    }
    return documentFrom(pages, missingCMaps, options);
  })();
  // The loser of the race must not surface as an unhandled rejection.
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    settled = true;
    clearTimeout(timer);
    // Destroying the loading task destroys its document and worker, and aborts pending work.
    await task.destroy().catch(() => {});
  }
};
