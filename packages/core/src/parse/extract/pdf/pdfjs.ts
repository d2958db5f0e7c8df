import type { ExtractOptions } from '../types.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
export type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;
export type TextContentItem = Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number];

/** Built-in objects whose methods pdf.js's legacy build may overwrite with core-js polyfills. */
const GUARDED_BUILTINS: readonly object[] = [
  Array.prototype,
  JSON,
  Object,
  Promise,
  String.prototype,
  Map.prototype,
  Set.prototype,
  Function.prototype,
  Number,
  Math,
];

/**
 * Loads pdf.js and its worker, and puts back any built-in method their bundled core-js
 * replaced. On Node 20 the legacy build swaps `Array.prototype.push` for a JS version (to fix
 * a V8 edge case with non-writable lengths) and `JSON.parse`/`JSON.stringify` for JS
 * versions with extensions pdf.js does not use; that made every `push` and every JSON call of
 * the whole process several times slower (a quarter of pdf.js's own time went into the
 * replaced `push`). Methods it *adds* (Promise.withResolvers, Set methods…) stay: pdf.js needs
 * them. The `self` global its worker defines is removed again, so that other libraries do not
 * take Node for a web worker.
 */
async function importPdfJs(): Promise<PdfJs> {
  const saved = GUARDED_BUILTINS.map((target) => ({
    target,
    descriptors: new Map(Reflect.ownKeys(target).map((key) => [key, Object.getOwnPropertyDescriptor(target, key)])),
  }));
  const hadSelf = Object.getOwnPropertyDescriptor(globalThis, 'self');
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    /*
     * Where there are no real workers (Node), pdf.js runs its worker on this thread and looks
     * for it on globalThis.pdfjsWorker, which importing it sets: done here, inside the window
     * in which replaced built-ins are put back. (A specifier in a variable: the worker ships
     * no type declarations.)
     */
    const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    await import(worker);
    return pdfjs;
  } finally {
    for (const { target, descriptors } of saved) {
      for (const [key, before] of descriptors) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (before && now && (before.value !== now.value || before.get !== now.get)) {
          Object.defineProperty(target, key, before);
        }
      }
    }
    if (!hadSelf) Reflect.deleteProperty(globalThis, 'self');
  }
}

let pdfjsModule: Promise<PdfJs> | undefined;
/** pdf.js is large (its worker too): loaded on the first PDF, not by every user of the core. */
export const loadPdfJs = (): Promise<PdfJs> =>
  (pdfjsModule ??= importPdfJs().catch((error: unknown) => {
    pdfjsModule = undefined;
    throw error;
  }));

/** The one kind of outside data pdf.js may ask for here: a CID font's character map. */
type ReadCMap = NonNullable<ExtractOptions['readCMap']>;

/**
 * pdf.js's `BinaryDataFactory`: it asks for CMaps ("UniGB-UCS2-H.bcmap"), standard-font data
 * and WASM decoders through it. Only CMaps are served, from the caller's `readCMap`; the rest is
 * refused, which pdf.js tolerates (it falls back to built-in metrics and JS decoders) and which
 * does not matter for text. Nothing is ever fetched from a URL. CMaps that could not be had
 * are noted in `missing`, for a message: without them a CID font's text reads as nothing.
 */
export function binaryDataFactory(
  readCMap: ReadCMap | undefined,
  missing: Set<string>,
): new (options: unknown) => object {
  return class CMapOnlyFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind !== 'cMapUrl') throw new Error(`xxgk: no ${kind} data for ${filename}`);
      const name = filename.replace(/\.bcmap$/, '');
      try {
        if (!readCMap) throw new Error('no readCMap');
        return await readCMap(name);
      } catch (error) {
        missing.add(name);
        throw error;
      }
    }
  };
}
