/*
 * The CMap reader now lives in @xxgk/node. This re-export is kept only for the core's
 * parse/extract/pdf.test.ts, which imports it by path; point that test at @xxgk/node and
 * delete this file.
 */
export { readCMap } from '@xxgk/node';
