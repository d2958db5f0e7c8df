import type { Source } from '../model/schema.js';
import type { DocumentNode, ExtractedDocument, ExtractMessage, Fragment } from './document.js';
import { ParseError } from './errors.js';
import type { ReadReport } from './read.js';

/*
 * Scans (image-only PDFs) are read by OCR, which only a runtime can run (ONNX models, native
 * code): the runtime recognises boxes of text on each page and hands them here, and this module
 * turns them into the same intermediate document the PDF text layer gives — visual lines in
 * reading order, split into fragments at wide gaps — so the one reading path reads the cells.
 * Each fragment keeps the recogniser's confidence, which ends up in the cells' provenance.
 */

/** One box of text the recogniser found, in points from the page's top-left corner. */
export interface OcrBox {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** The recogniser's confidence in the text, 0–1 (the least of its characters'). */
  readonly confidence: number;
}

/** One page as the recogniser saw it: its size in points and the boxes of text on it. */
export interface OcrPage {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly OcrBox[];
}

/**
 * Recognises the text on each page of a PDF that has no text layer. Throws ParseError (a time
 * limit, too many pages) to stop the read, or any other error when OCR cannot run here (the
 * model does not load): the read then goes on without text and says why.
 */
export type OcrReader = (bytes: Uint8Array, options: { readonly file?: string }) => Promise<readonly OcrPage[]>;

/*
 * What the recogniser confuses in figures: a lone zero read as the letter o, a one as l or I.
 * Only a fragment that is a figure but for these letters is mended; words are left alone.
 */
const AS_ZERO = /[oOQD〇○]/g;
const AS_ONE = /[lI|!丨]/g;
const FIGURE_LIKE = /^[\d,，.oOQD〇○lI|!丨]+$/;

/** Mends the letters OCR reads for digits in a fragment that is otherwise a number. */
export function mendOcrFigure(text: string): string {
  const trimmed = text.trim();
  if (!FIGURE_LIKE.test(trimmed)) return text;
  // A lone letter or a run that holds a digit: "o" → "0", "1O" → "10"; "lol" stays a word only in English.
  return trimmed.replace(AS_ZERO, '0').replace(AS_ONE, '1');
}

interface Line {
  y0: number;
  y1: number;
  boxes: OcrBox[];
}

/** Boxes into visual lines: a box joins the line its vertical middle falls within. */
function visualLines(boxes: readonly OcrBox[]): Line[] {
  const lines: Line[] = [];
  const byTop = [...boxes].filter((box) => box.text.trim() !== '').sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  for (const box of byTop) {
    const middle = (box.y0 + box.y1) / 2;
    const line = lines.find((l) => middle > l.y0 && middle < l.y1);
    if (line) {
      line.boxes.push(box);
      line.y0 = Math.min(line.y0, box.y0);
      line.y1 = Math.max(line.y1, box.y1);
    } else lines.push({ y0: box.y0, y1: box.y1, boxes: [box] });
  }
  for (const line of lines) line.boxes.sort((a, b) => a.x0 - b.x0);
  return lines.sort((a, b) => a.y0 - b.y0);
}

const DIGIT_EDGE = /\d$|^\d/;

/**
 * A line's boxes as fragments: two boxes closer than half the line's height are one run of
 * words (the detector may split a phrase), unless a figure stands at the gap — the columns of
 * a table of small numbers stand that close.
 */
function fragments(line: Line): Fragment[] {
  const height = line.y1 - line.y0;
  const out: { text: string; x0: number; x1: number; confidence: number }[] = [];
  for (const box of line.boxes) {
    const last = out.at(-1);
    const text = box.text.trim();
    if (
      last &&
      box.x0 - last.x1 < height / 2 &&
      !DIGIT_EDGE.test(last.text.slice(-1)) &&
      !DIGIT_EDGE.test(text.slice(0, 1))
    ) {
      last.text += text;
      last.x1 = box.x1;
      last.confidence = Math.min(last.confidence, box.confidence);
    } else out.push({ text, x0: box.x0, x1: box.x1, confidence: box.confidence });
  }
  return out.map((f) => ({ ...f, text: mendOcrFigure(f.text), confidence: Math.round(f.confidence * 1000) / 1000 }));
}

/** The intermediate document of a scan read by OCR: the pages' lines in reading order. */
export function documentFromOcr(pages: readonly OcrPage[], file?: string): ExtractedDocument {
  const nodes: DocumentNode[] = [];
  pages.forEach((ocrPage, index) => {
    const page = index + 1;
    visualLines(ocrPage.boxes).forEach((line, l) => {
      const parts = fragments(line);
      const text = parts.map((part) => part.text).join('\t');
      nodes.push({ kind: 'line', text, fragments: parts, at: { page, line: l + 1 } });
    });
  });
  const name = file ? `${file} ` : '此 PDF ';
  const messages: ExtractMessage[] = [
    {
      rule: 'pdf-ocr',
      severity: 'warning',
      message: `${name}是扫描件（没有文字层），其中的文字由文字识别（OCR）读出，共 ${pages.length} 页；数值可能有误，请与原件核对`,
    },
  ];
  return { source: 'pdf', nodes, messages, pages: pages.length };
}

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
        message: `${name}是扫描件，本机无法运行文字识别（OCR）${why}，其中的数字未能读取；请提供带文字层的 PDF 或原始 Word 文件`,
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
  return documentFromOcr(pages, file);
}

/** Whether the PDF extractor found no text layer (a scan). */
export function isScan(document: ExtractedDocument): boolean {
  return document.source === 'pdf' && document.messages.some((m) => m.rule === 'pdf-no-text-layer');
}

/**
 * The cells read from a scan carry the recogniser's confidence in their provenance: the
 * fragment at the cell's page and line whose text is the cell's (the least on the line when
 * the reader's text is not one fragment's).
 */
export function withOcrConfidence(report: ReadReport, document: ExtractedDocument): ReadReport {
  const lines = new Map<string, readonly Fragment[]>();
  for (const node of document.nodes) {
    if (node.kind === 'line' && node.fragments) lines.set(`${node.at.page}:${node.at.line}`, node.fragments);
  }
  const provenance = report.provenance;
  if (!provenance || lines.size === 0) return report;
  const out: Record<string, Source> = {};
  for (const [id, source] of Object.entries(provenance) as [string, Source][]) {
    const parts = lines.get(`${source.page}:${source.line}`);
    const known = parts?.map((part) => part.confidence).filter((c): c is number => c !== undefined) ?? [];
    const own = parts?.find((part) => part.text.trim() === source.text?.trim())?.confidence;
    const confidence = own ?? (known.length > 0 ? Math.min(...known) : undefined);
    out[id] = confidence === undefined ? source : { ...source, confidence };
  }
  return { ...report, provenance: out };
}
