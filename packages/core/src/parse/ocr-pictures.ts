import type { DocumentNode, ExtractedDocument } from './document.js';
import { ParseError } from './errors.js';
import { documentFromOcr } from './ocr-document.js';
import type { OcrPage, OcrReader } from './ocr-types.js';
import type { ReadReport } from './read.js';

/*
 * A text PDF whose tables were pasted in as pictures (a screenshot of the table in the Word file),
 * or printed, stamped, scanned and put back among the text pages: the text layer has the report's
 * words but not those figures. The pages that may hold them are read by OCR, as a scan's are, in
 * place of their text layer (OCR reads the page's words too, in one reading order); the other
 * pages keep their text.
 */

/** Rule of the notice that some pages were read by OCR, and of the one that they could not be. */
export const PICTURES_READ = 'pdf-ocr-pictures';
/**
 * A table pasted as a picture is scaled to the text's width: its print is smaller than a scan's
 * (a 7-column table's labels about 6 pt), which the recogniser reads whole at 200 dpi, not at 150.
 */
const PICTURE_DPI = 200;
/** The PDF reader's warning of a page with (almost) no text. */
const PAGE_NO_TEXT = 'pdf-page-no-text';

/** The national format's tables, by their cell IDs' prefixes: every report has all three. */
const TABLES = ['s2.', 's3.', 's4.'];

/**
 * The pages to read by OCR: those whose content may be only in pictures, where the text gave no
 * figure of one of the tables, which may be among the pictures.
 */
export function picturePages(document: ExtractedDocument, report: ReadReport): readonly number[] {
  if (document.source !== 'pdf' || !document.pictures) return [];
  const read = Object.entries(report.cells as Record<string, number | null | undefined>)
    .filter(([, value]) => typeof value === 'number')
    .map(([id]) => id);
  const missing = TABLES.some((table) => !read.some((id) => id.startsWith(table)));
  return missing ? document.pictures : [];
}

/**
 * The document with `pages` read by OCR in place of their text layer, and whether any was
 * (`recognised`). Where OCR cannot run or stops (a limit), the document stays as it was and says
 * why: its text is still read.
 */
export async function readPictures(
  bytes: Uint8Array,
  document: ExtractedDocument,
  ocr: OcrReader | undefined,
  pages: readonly number[],
  file?: string,
): Promise<{ readonly document: ExtractedDocument; readonly recognised: boolean }> {
  const said = (which: readonly number[]): string =>
    `${file ? `${file} ` : '此 PDF '}第 ${which.join('、')} 页的内容可能只在图片中（表格以图片插入，或是扫描页）`;
  const unread = (why: string) => {
    const message = `${said(pages)}，但${why}，其中的数字未能读取；请提供表格为文字的 PDF 或原始 Word 文件`;
    const messages = [...document.messages, { rule: PICTURES_READ, severity: 'warning' as const, message }];
    return { document: { ...document, messages }, recognised: false };
  };
  if (!ocr) return unread('未做文字识别（OCR）');
  let read: readonly OcrPage[];
  try {
    read = await ocr(bytes, { ...(file ? { file } : {}), pages, dpi: PICTURE_DPI });
  } catch (error) {
    const why = error instanceof Error && error.message ? `（${error.message}）` : '';
    return unread(`${error instanceof ParseError ? '文字识别（OCR）未能完成' : '本机无法运行文字识别（OCR）'}${why}`);
  }
  const tablesBefore = document.nodes.filter((node) => node.kind === 'table').length;
  const byPage = new Map<number, DocumentNode[]>();
  for (const node of documentFromOcr(read).nodes) {
    const page = pages[(node.at.page ?? 1) - 1] as number;
    const at = { ...node.at, page, ...(node.at.table === undefined ? {} : { table: tablesBefore + node.at.table }) };
    const moved: DocumentNode =
      node.kind === 'line'
        ? { ...node, at }
        : { ...node, at, rows: node.rows.map((row) => row.map((cell) => ({ ...cell, at: { ...cell.at, ...at } }))) };
    const onPage = byPage.get(page);
    if (onPage) onPage.push(moved);
    else byPage.set(page, [moved]);
  }
  // Pages where OCR found nothing either (a blank page) keep what they had, and are not said read.
  const recognised = pages.filter((page) => byPage.has(page));
  if (recognised.length === 0) return { document, recognised: false };
  const nodes: DocumentNode[] = [];
  const count = document.pages ?? Math.max(0, ...pages);
  for (let page = 1; page <= count; page += 1)
    nodes.push(...(byPage.get(page) ?? document.nodes.filter((node) => node.at.page === page)));
  const message = `${said(recognised)}，这几页由文字识别（OCR）从页面图像读出；数值可能有误，请与原件核对`;
  // A page read so is no longer one whose content could not be read.
  const kept = document.messages.filter((m) => m.rule !== PAGE_NO_TEXT || !recognised.includes(m.at?.page ?? 0));
  const messages = [...kept, { rule: PICTURES_READ, severity: 'warning' as const, message }];
  return { document: { ...document, nodes, messages }, recognised: true };
}
