// PDFs whose text layer says nothing: fonts that map their glyphs to no text. Some producers (old
// office suites, OA systems that print to PDF, "protect against copying" options) write fonts
// without a /ToUnicode map; the glyphs draw the right Chinese, but a reader, pdftotext or the
// browser's copy gives glyph numbers ("#$%&'(") or nothing. Shared by the core's and the node
// package's tests.

const KEY = new TextEncoder().encode('/ToUnicode');

/**
 * The PDF with every font's /ToUnicode key renamed in place (same length, so the cross-reference
 * offsets stay right): the maps are still in the file, but no reader finds them.
 */
export function withoutToUnicode(pdf) {
  const out = new Uint8Array(pdf);
  for (let i = out.indexOf(KEY[0]); i >= 0; i = out.indexOf(KEY[0], i + 1))
    if (KEY.every((byte, k) => out[i + k] === byte)) out[i + KEY.length - 1] = 0x58; // "X"
  return out;
}
