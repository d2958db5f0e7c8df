/*
 * The part of PDFium's C API, as `@embedpdf/pdfium` wraps it for WebAssembly, that the reader
 * calls (pdfium.ts). A file of types alone: the extractors' options name it without importing
 * the reader.
 */

/** A pointer into the WebAssembly memory, and a handle PDFium gives out (both numbers). */
export type Ptr = number;
export type Handle = number;

/** The part of PDFium's C API, as `@embedpdf/pdfium` wraps it, that the reader calls. */
export interface Pdfium {
  readonly pdfium: {
    readonly HEAPU8: Uint8Array;
    readonly HEAP32: Int32Array;
    readonly HEAPF32: Float32Array;
    readonly HEAPF64: Float64Array;
    readonly wasmExports: { malloc(size: number): Ptr; free(ptr: Ptr): void };
  };
  FPDF_LoadMemDocument(data: Ptr, size: number, password: string): Handle;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: Handle): number;
  FPDF_LoadPage(doc: Handle, index: number): Handle;
  FPDF_ClosePage(page: Handle): void;
  FPDF_CloseDocument(doc: Handle): void;
  FPDFPage_GetMediaBox(page: Handle, left: Ptr, bottom: Ptr, right: Ptr, top: Ptr): boolean;
  FPDFText_LoadPage(page: Handle): Handle;
  FPDFText_ClosePage(textPage: Handle): void;
  FPDFText_CountChars(textPage: Handle): number;
  FPDFText_GetUnicode(textPage: Handle, index: number): number;
  FPDFText_IsGenerated(textPage: Handle, index: number): number;
  FPDFText_GetFontSize(textPage: Handle, index: number): number;
  FPDFText_GetTextObject(textPage: Handle, index: number): Handle;
  FPDFText_GetCharOrigin(textPage: Handle, index: number, x: Ptr, y: Ptr): boolean;
  FPDFText_GetLooseCharBox(textPage: Handle, index: number, rect: Ptr): boolean;
  FPDFText_GetMatrix(textPage: Handle, index: number, matrix: Ptr): boolean;
  FPDFPage_GetRotation(page: Handle): number;
  FPDFPage_CountObjects(page: Handle): number;
  FPDFPage_GetObject(page: Handle, index: number): Handle;
  FPDFPageObj_GetType(object: Handle): number;
  FPDFPageObj_GetMatrix(object: Handle, matrix: Ptr): boolean;
  FPDFPageObj_GetBounds(object: Handle, left: Ptr, bottom: Ptr, right: Ptr, top: Ptr): boolean;
  FPDFFormObj_CountObjects(form: Handle): number;
  FPDFFormObj_GetObject(form: Handle, index: number): Handle;
  FPDFPath_GetDrawMode(path: Handle, fillMode: Ptr, stroke: Ptr): boolean;
  FPDFPath_CountSegments(path: Handle): number;
  FPDFPath_GetPathSegment(path: Handle, index: number): Handle;
  FPDFPathSegment_GetPoint(segment: Handle, x: Ptr, y: Ptr): boolean;
  FPDFPathSegment_GetType(segment: Handle): number;
  FPDFPathSegment_GetClose(segment: Handle): boolean;
}
