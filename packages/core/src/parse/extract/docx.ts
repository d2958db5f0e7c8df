/** Kept for the imports of this path that predate extract/docx/ (the server's tests); new code imports docx/index.js. */
export { extractDocx } from './docx/index.js';
