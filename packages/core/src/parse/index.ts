import { FIRST_2021_FORMAT_YEAR } from '../rules/format.js';
import { checkReport, type Finding } from '../rules/index.js';
import { detectKind } from './detect.js';
import type { ExtractedDocument, SourceKind } from './document.js';
import { DEFAULT_LIMITS, ParseError, type ParseLimits } from './errors.js';
import { extractDoc } from './extract/doc/index.js';
import { extractDocx } from './extract/docx/index.js';
import { extractHtml } from './extract/html/index.js';
import { extractPdf } from './extract/pdf/index.js';
import { extractText } from './extract/text.js';
import type { ExtractOptions, Extractor } from './extract/types.js';
import type { OcrReader } from './ocr-types.js';
import { isScan, readScan, withOcrConfidence } from './ocr.js';
import { checkScanCells } from './ocr-check.js';
import { picturePages, readPictures } from './ocr-pictures.js';
import { readDocument, withYear, type ReadReport, type ReadResult } from './read.js';

export interface ParseOptions {
  /** The file's name, for messages and provenance. */
  readonly file?: string;
  readonly limits?: Partial<ParseLimits>;
  readonly readCMap?: ExtractOptions['readCMap'];
  readonly pdfium?: ExtractOptions['pdfium'];
  readonly inflate?: ExtractOptions['inflate'];
  /**
   * Recognises the text of a scan (a PDF without a text layer), where the runtime can run OCR
   * (`@xxgk/node`'s `ocrPdf`); without it a scan reads as no text and an error finding.
   */
  readonly ocr?: OcrReader;
}

export interface ParsedReport {
  /** What the file says; its year is null when the file states none (a finding says so). */
  readonly report: ReadReport;
  readonly source: SourceKind;
  /** What the extractor made of the file: its lines and tables in reading order, with positions. */
  readonly document: ExtractedDocument;
  /** The reader's own findings, then the consistency rules' findings on what it read. */
  readonly findings: readonly Finding[];
  /** For each value the aligner placed (text whose table lost its layout): how sure it is, and how placed. */
  readonly placements?: ReadResult['placements'];
}

/** One extractor per kind of input; kinds found by content (see detect.ts). */
const EXTRACTORS: Record<SourceKind, Extractor> = {
  text: extractText,
  html: extractHtml,
  docx: extractDocx,
  doc: extractDoc,
  pdf: extractPdf,
};

const LATIN1 = new TextDecoder('latin1');
const LESS_THAN = 0x3c;

function kindOf(bytes: Uint8Array): SourceKind {
  // The head is only read for HTML markup, which starts with "<": most text has none, and is not decoded.
  const window = bytes.subarray(0, 4096);
  const head = window.includes(LESS_THAN) ? LATIN1.decode(window) : '';
  const kind = detectKind(bytes, head);
  // A ZIP is read as DOCX and an OLE file as DOC; their extractors say so when they are not.
  if (kind === 'zip') return 'docx';
  if (kind === 'ole') return 'doc';
  return kind;
}

/** The rules that judge a report against the year it reports on (title, format, publication date). */
const YEAR_RULES = new Set(['format-year', 'publication-late', 'text-year-mismatch']);

/**
 * The rules on a report whose year is unknown: those that need the year cannot say anything, so
 * they run on a stand-in year and what they find is dropped; every other rule ignores the year.
 */
function checkWithoutYear(report: ReadReport, cellIds: readonly string[]): Finding[] {
  return checkReport({ report: withYear(report, FIRST_2021_FORMAT_YEAR) }, undefined, cellIds).filter(
    (f) => !YEAR_RULES.has(f.rule),
  );
}

/**
 * Reads a published report from the bytes of a file of any supported kind: detects the kind by
 * content, extracts text and tables, reads them as the model, and runs the consistency rules.
 * Throws ParseError when the file cannot be read at all.
 */
export async function parseReport(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedReport> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (bytes.length === 0) throw new ParseError('empty', '文件为空', options.file);
  if (bytes.length > limits.maxBytes) {
    throw new ParseError('too-large', `文件大小 ${bytes.length} 字节，超过上限 ${limits.maxBytes} 字节`, options.file);
  }
  // A Node Buffer is a Uint8Array, but pdf.js refuses one: read through a plain view of the same memory.
  if (Object.getPrototypeOf(bytes) !== Uint8Array.prototype)
    bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const source = kindOf(bytes);
  let document = await EXTRACTORS[source](bytes, {
    limits,
    ...(options.file ? { file: options.file } : {}),
    ...(options.readCMap ? { readCMap: options.readCMap } : {}),
    ...(options.pdfium ? { pdfium: options.pdfium } : {}),
    ...(options.inflate ? { inflate: options.inflate } : {}),
  });
  let scanned = options.ocr !== undefined && isScan(document);
  if (options.ocr && scanned) document = await readScan(bytes, document, options.ocr, options.file);
  // What OCR read is checked as a scan's is (ocr-check.ts).
  const readNow = (): ReadResult =>
    scanned ? checkScanCells(readDocument(document, options.file), document) : readDocument(document, options.file);
  let read = readNow();
  const pictures = scanned ? [] : picturePages(document, read.report);
  if (pictures.length > 0) {
    ({ document, recognised: scanned } = await readPictures(bytes, document, options.ocr, pictures, options.file));
    read = readNow();
  }
  const { findings, placements, cellIds } = read;
  const report = scanned ? withOcrConfidence(read.report, document) : read.report;
  const rules =
    report.meta.year === null
      ? checkWithoutYear(report, cellIds)
      : checkReport({ report: withYear(report, report.meta.year) }, undefined, cellIds);
  return {
    report,
    source,
    document,
    findings: [...findings, ...rules],
    ...(placements ? { placements } : {}),
  };
}

export { ParseError, DEFAULT_LIMITS, type ParseLimits } from './errors.js';
export type { ExtractedDocument, DocumentNode, Position, SourceKind, Table, TableCell, TextLine } from './document.js';
export { decodeText } from './encoding.js';
export { documentFromOcr, mendOcrFigure } from './ocr-document.js';
export type { OcrBox, OcrPage, OcrReader, OcrRule } from './ocr-types.js';
export { readDocument, withYear, type ReadReport } from './read.js';
export type { Pdfium } from './extract/pdf/pdfium-api.js';
export { damageText, DAMAGE_KINDS, type DamageKind } from './align/damage.js';
export type { Placement } from './align/merge.js';
