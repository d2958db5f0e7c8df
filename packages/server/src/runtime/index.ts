/** What the core needs from a Node process to render PDFs and read CID-font PDFs: fonts and CMaps. */
export { chooseFont, FontError, loadFonts } from './fonts.js';
export { readCMap } from './cmaps.js';
