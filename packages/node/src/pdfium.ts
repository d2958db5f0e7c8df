import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { init } from '@embedpdf/pdfium';
import type { Pdfium } from '@xxgk/core';

/*
 * PDFium compiled to WebAssembly reads PDFs for the core (see docs/pdf-engines.md). The core
 * reads no files, and instantiating the module reads its .wasm: done here, once per thread
 * (each worker thread of the parse pool has its own), and handed to `parseReport`.
 */

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
  current = module as unknown as Pdfium;
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
