export { compileReport } from './compile.js';
export { compareReports, type CellDifference } from './compare.js';
export { CompileError } from './errors.js';
export { figureCellIds, isDocumentCell } from './figures.js';
export { documentName } from './documents.js';
export { feeSentence, feeSummary, type FeeSummary } from './fees.js';
export type {
  ApplicationRecord,
  CellSource,
  CompileInput,
  CompiledReport,
  DocumentRecord,
  ReviewRecord,
  YearFigures,
} from './records.js';
