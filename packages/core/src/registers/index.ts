export { decodeCsv } from './decode.js';
export { parseRegisterDate } from './dates.js';
export type { CsvImport, CsvRowError } from './table.js';
export {
  DOCUMENT_KIND_LABELS,
  DOCUMENTS_CSV_HEADER,
  documentsCsvTemplate,
  parseDocumentsCsv,
  writeDocumentsCsv,
} from './documents.js';
export {
  REVIEW_KIND_LABELS,
  REVIEW_RESULT_LABELS,
  REVIEWS_CSV_HEADER,
  parseReviewsCsv,
  reviewsCsvTemplate,
  writeReviewsCsv,
  type ReviewRow,
} from './reviews.js';
export { FIGURES_CSV_HEADER, figuresCsvTemplate, parseFiguresCsv, writeFiguresCsv, type FigureRow } from './figures.js';
