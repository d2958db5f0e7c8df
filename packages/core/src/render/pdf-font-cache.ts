/*
 * Parsed fonts, kept across documents.
 *
 * pdfkit hands each new document's font bytes to fontkit.create(), which parses the font anew:
 * for a CJK font (tens of MB, 65,535 glyphs, CFF outlines) the parsing, the decoding of its
 * tables and glyphs, and the warming of fontkit's caches took most of the time of a PDF. fontkit
 * picks the parser of a font through the formats given to its `registerFormat` (each with a
 * static `probe(bytes)` and a constructor taking a stream of the bytes). So instead of the font's
 * bytes pdfmake is given a small handle, which only the format registered here recognises: its
 * constructor hands back the fontkit font parsed once. pdfkit then embeds a fresh subset of it in
 * each document exactly as before: the PDF is the same.
 *
 * pdfkit takes fontkit with require() from its own folder, which loads fontkit's CommonJS build,
 * a module instance of its own (`import 'fontkit'` here would load the ES build, whose format list
 * pdfkit never sees). The core cannot look that instance up without Node's module loader, so the
 * host that runs it (the CLI, the server) hands it in through `enablePdfFontCache`. Without it,
 * fonts are handed to pdfmake as bytes and parsed for every document.
 */

/** The parts of fontkit's API that the cache uses. */
export interface Fontkit {
  /** Parses a font (throws if it is none); with a name, fontkit asks the result for that face. */
  create(bytes: Uint8Array, postscriptName?: string): FontkitFont;
  registerFormat(format: FontkitFormat): void;
}
interface FontkitFont {
  /** A face of a collection (.ttc) by PostScript name, or null. */
  getFont(postscriptName: string): FontkitFont | null;
}
interface FontkitFormat {
  probe(bytes: Uint8Array): boolean;
  new (stream: { readonly buffer: Uint8Array }): object;
}
/** A handle is these 8 bytes and a 32-bit number; no font format starts so. */
const HANDLE_MAGIC = [0x78, 0x78, 0x67, 0x6b, 0x66, 0x6f, 0x6e, 0x74]; // "xxgkfont"
const HANDLE_LENGTH = HANDLE_MAGIC.length + 4;

/** The font a handle stands for: a font file, or the face of a collection that pdfkit will ask for. */
interface CachedFont {
  readonly file: { readonly bytes: Uint8Array; parsed?: FontkitFont };
  readonly face: string | undefined;
  faceFont?: FontkitFont | null;
}

function handleNumber(bytes: Uint8Array): number | undefined {
  if (bytes.length !== HANDLE_LENGTH || HANDLE_MAGIC.some((b, i) => bytes[i] !== b)) return undefined;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(HANDLE_MAGIC.length);
}

type FontSource = (bytes: Uint8Array, face: string | undefined) => Uint8Array;

/**
 * Registers the format of handles with fontkit and returns the maker of handles. The fonts stay
 * parsed for the life of the process, as their bytes stayed in pdfmake's file system before.
 */
function fontCache(fontkit: Fontkit): FontSource {
  const fonts: CachedFont[] = [];
  const files = new WeakMap<Uint8Array, CachedFont['file']>();
  const fontOf = (bytes: Uint8Array): CachedFont | undefined => {
    const n = handleNumber(bytes);
    return n === undefined ? undefined : fonts[n];
  };
  /** What fontkit.create(handle[, face]) builds: the font parsed once (parsed at first use, inside pdfkit, as before). */
  const open = (font: CachedFont): object => {
    const { file, face } = font;
    file.parsed ??= fontkit.create(file.bytes);
    const parsed = file.parsed;
    if (face === undefined) return parsed;
    // Given a face, fontkit then asks the object it built for it: answer with the face parsed once.
    return {
      getFont(postscriptName: string): FontkitFont | null {
        if (postscriptName !== face) return parsed.getFont(postscriptName);
        if (font.faceFont === undefined) font.faceFont = parsed.getFont(face);
        return font.faceFont;
      },
    };
  };
  // fontkit builds a font with `new format(stream)`, and a constructor that returns an object gives that object.
  const format = Object.assign(
    function CachedFontFormat(stream: { readonly buffer: Uint8Array }): object {
      const font = fontOf(stream.buffer);
      if (!font) throw new Error('xxgk: not a font handle');
      return open(font);
    },
    { probe: (bytes: Uint8Array) => fontOf(bytes) !== undefined },
  ) as unknown as FontkitFormat;
  fontkit.registerFormat(format);
  return (bytes, face) => {
    let file = files.get(bytes);
    if (!file) {
      file = { bytes };
      files.set(bytes, file);
    }
    const handle = new Uint8Array(HANDLE_LENGTH);
    handle.set(HANDLE_MAGIC);
    new DataView(handle.buffer).setUint32(HANDLE_MAGIC.length, fonts.length);
    fonts.push({ file, face });
    return handle;
  };
}

let cachedSource: FontSource | undefined;

/**
 * Keeps parsed fonts across PDFs (2–3× faster for a CJK font). `fontkit` must be the instance
 * pdfkit itself loads: see `packages/node/src/fonts.ts`. Calling it again does nothing.
 */
export function enablePdfFontCache(fontkit: Fontkit): void {
  cachedSource ??= fontCache(fontkit);
}

/**
 * What pdfmake is given for a font (once for each font file and face): a handle to the font parsed
 * once, or, where the cache is not enabled, its bytes.
 */
export function fontSource(bytes: Uint8Array, face: string | undefined): Uint8Array {
  return cachedSource ? cachedSource(bytes, face) : bytes;
}
