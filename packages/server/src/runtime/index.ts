/** What the core needs from a Node process: fonts and CMaps to render and read PDFs, and worker threads to read uploads. */
export { chooseFont, FontError, loadFonts } from './fonts.js';
export { readCMap } from './cmaps.js';
export { closeParsePool, ParsePool, parseUpload, UPLOAD_PARSING, type ParsePoolOptions } from './parse-pool.js';
