import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/*
 * The character maps of CID fonts (UniGB-UCS2-H and the like, which Chinese PDFs from Word and
 * WPS name when they do not embed their fonts) ship with pdf.js as packed .bcmap files. The
 * core reads no files, so the CLI hands it this reader.
 */

let cmapDirectory: string | undefined;

/** pdf.js's cmaps/ folder: pdfjs-dist is a dependency of the core, so it is looked up from there. */
function cmapDir(): string {
  if (!cmapDirectory) {
    const require = createRequire(import.meta.url);
    let packageJson: string;
    try {
      packageJson = createRequire(require.resolve('@xxgk/core')).resolve('pdfjs-dist/package.json');
    } catch {
      packageJson = require.resolve('pdfjs-dist/package.json');
    }
    cmapDirectory = join(dirname(packageJson), 'cmaps');
  }
  return cmapDirectory;
}

/** A CMap name as pdf.js's files are named; the name comes from the PDF, so nothing else may reach the file system. */
const CMAP_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads one of pdf.js's packed CMaps by name, e.g. `readCMap('UniGB-UCS2-H')`. */
export async function readCMap(name: string): Promise<Uint8Array> {
  if (!CMAP_NAME.test(name)) throw new Error(`无效的 CMap 名称：${name}`);
  return new Uint8Array(await readFile(join(cmapDir(), `${name}.bcmap`)));
}
