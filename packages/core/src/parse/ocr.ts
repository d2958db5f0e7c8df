import type { Source } from '../model/schema.js';
import type { ExtractedDocument, Fragment } from './document.js';
import { ParseError } from './errors.js';
import { documentFromOcr, READ_AS_IMAGES, type ImageOnlyRule } from './ocr-document.js';
import type { OcrPage, OcrReader } from './ocr-types.js';
import type { ReadReport } from './read.js';

/*
 * Scans (image-only PDFs) are read by OCR, which only a runtime can run (ONNX models, native
 * code): the runtime recognises boxes of text on each page and hands them here, and this module
 * turns them into the same intermediate document the PDF text layer gives — visual lines in
 * reading order, split into fragments at wide gaps — so the one reading path reads the cells.
 * Each fragment keeps the recogniser's confidence, which ends up in the cells' provenance.
 */

/** A scan that could not be recognised here: the document stays empty and says why. */
export function ocrUnavailable(document: ExtractedDocument, error: unknown, file?: string): ExtractedDocument {
  const name = file ? `${file} ` : '此 PDF ';
  const why = error instanceof Error && error.message ? `（${error.message}）` : '';
  return {
    ...document,
    messages: [
      ...document.messages,
      {
        rule: 'pdf-ocr-unavailable',
        severity: 'error',
        message: `${name}${READ_AS_IMAGES[imageOnly(document) ?? 'pdf-no-text-layer']}，本机无法运行文字识别（OCR）${why}，其中的数字未能读取；请提供能复制出文字的 PDF 或原始 Word 文件`,
      },
    ],
  };
}

/** Reads a scan by OCR where the PDF's text layer is missing and the caller can run OCR. */
export async function readScan(
  bytes: Uint8Array,
  document: ExtractedDocument,
  ocr: OcrReader,
  file?: string,
): Promise<ExtractedDocument> {
  let pages: readonly OcrPage[];
  try {
    pages = await ocr(bytes, file ? { file } : {});
  } catch (error) {
    if (error instanceof ParseError) throw error;
    return ocrUnavailable(document, error, file);
  }
  return documentFromOcr(pages, file, imageOnly(document));
}

/** Why the PDF extractor could read no text from a PDF's text layer (a scan, or glyphs mapped to no text). */
function imageOnly(document: ExtractedDocument): ImageOnlyRule | undefined {
  if (document.source !== 'pdf') return undefined;
  const message = document.messages.find((m) => Object.hasOwn(READ_AS_IMAGES, m.rule));
  return message?.rule as ImageOnlyRule | undefined;
}

/** Whether a PDF is to be read from its pages' images: a scan, or a text layer that gives no text. */
export function isScan(document: ExtractedDocument): boolean {
  return imageOnly(document) !== undefined;
}

/** Where a cell or fragment stands, as the provenance of a value read from it says. */
function key(at: { page?: number; line?: number; table?: number; row?: number; column?: number }): string {
  return at.table === undefined ? `${at.page}:${at.line}` : `${at.page}:t${at.table}:${at.row}:${at.column}`;
}

/** Confidences by place: each table cell's, each line's fragments'. */
function confidences(document: ExtractedDocument): Map<string, readonly Fragment[] | number> {
  const places = new Map<string, readonly Fragment[] | number>();
  for (const node of document.nodes) {
    if (node.kind === 'line' && node.fragments) places.set(key(node.at), node.fragments);
    if (node.kind !== 'table') continue;
    for (const cell of node.rows.flat())
      if (cell.at.confidence !== undefined) places.set(key(cell.at), cell.at.confidence);
  }
  return places;
}

/**
 * The cells read from a scan carry the recogniser's confidence in their provenance: the table
 * cell's, or the fragment's at the value's line whose text is the value's (the least on the line
 * when no one fragment's text is the value's).
 */
export function withOcrConfidence(report: ReadReport, document: ExtractedDocument): ReadReport {
  const places = confidences(document);
  const provenance = report.provenance;
  if (!provenance || places.size === 0) return report;
  const out: Record<string, Source> = {};
  for (const [id, source] of Object.entries(provenance) as [string, Source][]) {
    const place = places.get(key(source));
    let confidence: number | undefined;
    if (typeof place === 'number') confidence = place;
    else if (place) {
      const known = place.map((part) => part.confidence).filter((c): c is number => c !== undefined);
      const own = place.find((part) => part.text.trim() === source.text?.trim())?.confidence;
      confidence = own ?? (known.length > 0 ? Math.min(...known) : undefined);
    }
    out[id] = confidence === undefined ? source : { ...source, confidence };
  }
  return { ...report, provenance: out };
}
