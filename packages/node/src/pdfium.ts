import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';
import type { Pdfium } from '@xxgk/core';

/*
 * PDFium compiled to WebAssembly reads PDFs for the core (see docs/pdf-engines.md). The core
 * reads no files, and instantiating the module reads its .wasm: done here, once per thread
 * (each worker thread of the parse pool has its own), and handed to `parseReport`.
 */

/**
 * The functions the core calls, all on numbers only. The package's wrappers go through
 * Emscripten's `ccall` (argument conversion, a stack frame) on every call, which was a fifth of a
 * read's time at one call per glyph: the raw WebAssembly exports (`FPDFText_GetUnicode`…) are
 * called instead. (A boolean comes back as 0 or 1, which the core only tests for truth.)
 */
const NUMERIC: readonly (keyof Pdfium)[] = [
  'FPDF_GetLastError',
  'FPDF_GetPageCount',
  'FPDF_LoadPage',
  'FPDF_ClosePage',
  'FPDF_CloseDocument',
  'FPDFPage_GetMediaBox',
  'FPDFPage_GetRotation',
  'FPDFText_LoadPage',
  'FPDFText_ClosePage',
  'FPDFText_CountChars',
  'FPDFText_GetUnicode',
  'FPDFText_IsGenerated',
  'FPDFText_GetFontSize',
  'FPDFText_GetTextObject',
  'FPDFText_GetCharOrigin',
  'FPDFText_GetLooseCharBox',
  'FPDFText_GetMatrix',
  'FPDFPage_CountObjects',
  'FPDFPage_GetObject',
  'FPDFPageObj_GetType',
  'FPDFPageObj_GetMatrix',
  'FPDFPageObj_GetBounds',
  'FPDFFormObj_CountObjects',
  'FPDFFormObj_GetObject',
  'FPDFPath_GetDrawMode',
  'FPDFPath_CountSegments',
  'FPDFPath_GetPathSegment',
  'FPDFPathSegment_GetPoint',
  'FPDFPathSegment_GetType',
  'FPDFPathSegment_GetClose',
];

function direct(module: Pdfium): Pdfium {
  // The exports themselves: the module's `_FPDF…` functions wrap them once more, with assertions.
  const raw = module.pdfium.wasmExports as unknown as Record<string, unknown>;
  const fast: Record<string, unknown> = {};
  for (const name of NUMERIC) if (typeof raw[name] === 'function') fast[name] = raw[name];
  const load = raw.FPDF_LoadMemDocument as ((data: number, size: number, password: number) => number) | undefined;
  // No password is ever given: a null pointer rather than an empty string put on the stack.
  if (load) fast.FPDF_LoadMemDocument = (data: number, size: number) => load(data, size, 0);
  return Object.assign(Object.create(module) as Pdfium, fast);
}

let engine: Promise<Pdfium> | undefined;
let current: Pdfium | undefined;

async function instantiate(): Promise<Pdfium> {
  const wasm = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm');
  const module = await init({ wasmBinary: (await readFile(wasm)).buffer });
  module.PDFiumExt_Init();
  // The heap views are on the module at run time; the package's types leave them out.
  const heaps = module.pdfium as Partial<Pdfium['pdfium']>;
  if (!heaps.HEAPU8 || !heaps.HEAP32 || !heaps.HEAPF32 || !heaps.HEAPF64) {
    throw new Error('@embedpdf/pdfium 未提供内存视图（HEAPU8 等），无法使用');
  }
  current = direct(module as unknown as Pdfium);
  return current;
}

/**
 * The thread's PDFium, initialised on first use; pass it as `parseReport(bytes, { pdfium: loadPdfium })`.
 * Given the module that trapped on a damaged file, drops it: the next read gets a fresh one.
 */
export function loadPdfium(failed?: Pdfium): Promise<Pdfium> {
  if (failed && failed === current) {
    engine = undefined;
    current = undefined;
  }
  return (engine ??= instantiate().catch((error: unknown) => {
    engine = undefined;
    throw error;
  }));
}
