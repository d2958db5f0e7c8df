export { renderHtml, tableHtml, escapeHtml, type HtmlOptions } from './html.js';
export { renderMarkdown } from './markdown.js';
export { renderText, type TextLayout } from './text.js';
export { renderDocx } from './docx.js';
export { renderPdf, type PdfFonts } from './pdf.js';
export { enablePdfFontCache, type Fontkit } from './pdf-font-cache.js';
export {
  cellsCsvHeader,
  cellsCsvRow,
  flatCells,
  renderCellsJson,
  renderCellsCsv,
  renderJson,
  CSV_META_COLUMNS,
  type FlatCells,
} from './cells.js';
