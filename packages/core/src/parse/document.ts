/**
 * The intermediate form every input becomes before it is read as a report: a list of text
 * lines and tables in reading order, each carrying where it came from. Extractors (text,
 * HTML, DOCX, DOC, PDF) produce it; the reader (`read.ts`) maps it onto the report model.
 */

/** Where a piece of text stands in the input file. Pages and lines count from 1; tables, rows and columns from 0. */
export interface Position {
  readonly page?: number;
  readonly line?: number;
  readonly table?: number;
  readonly row?: number;
  readonly column?: number;
  /** For text read by OCR from a scan: the recogniser's confidence (0–1) in the text at this place. */
  readonly confidence?: number;
}

/** A run of text on one line with its horizontal extent, for sources with geometry (PDF). */
export interface Fragment {
  readonly text: string;
  /** Left and right edge in points from the page's left edge. */
  readonly x0: number;
  readonly x1: number;
  /** For text read by OCR from a scan: the recogniser's confidence (0–1), the least of its characters'. */
  readonly confidence?: number;
}

/** A line (or paragraph) of text outside any table. */
export interface TextLine {
  readonly kind: 'line';
  readonly text: string;
  readonly at: Position;
  /** The line's pieces with their positions, where the source has them; a wide gap between two means a new column. */
  readonly fragments?: readonly Fragment[];
}

/** One cell of a table as it starts in its row (HTML semantics: a spanned-over position is not repeated). */
export interface TableCell {
  readonly text: string;
  /** Grid position of the cell's top-left corner, counting spans. */
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly at: Position;
}

export interface Table {
  readonly kind: 'table';
  /** Rows of origin cells, left to right. Nested tables are flattened into the cell that holds them. */
  readonly rows: readonly (readonly TableCell[])[];
  readonly at: Position;
}

export type DocumentNode = TextLine | Table;

export type SourceKind = 'text' | 'html' | 'docx' | 'doc' | 'pdf';

/** Something an extractor noticed that the user should know (e.g. a scanned PDF with no text). */
export interface ExtractMessage {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly at?: Position;
}

/**
 * What a page's head says of the report, apart from its text: government sites print the title,
 * the publishing organ and the date into standard `<meta>` fields (ArticleTitle, ContentSource,
 * PubDate) that stay right when the page's visible chrome runs into the title.
 */
export interface PageFields {
  readonly title?: string;
  readonly organ?: string;
  readonly publishedOn?: string;
}

export interface ExtractedDocument {
  readonly source: SourceKind;
  /** The page's own metadata fields, where the format has them. */
  readonly page?: PageFields;
  readonly nodes: readonly DocumentNode[];
  readonly messages: readonly ExtractMessage[];
  /** The page count, for paged sources. */
  readonly pages?: number;
  /**
   * Pages (from 1) whose content may be only in pictures (PDF): a picture as wide as a table (PDFium
   * tells), or no text at all (a scanned page among text pages, text drawn as outlines).
   */
  readonly pictures?: readonly number[];
}
