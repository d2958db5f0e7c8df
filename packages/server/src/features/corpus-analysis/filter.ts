/**
 * What every corpus figure and list may be narrowed to, shared by the summary queries and the
 * stored outliers (its own file so that neither repository imports the other for it).
 */
export interface CorpusFilter {
  readonly year?: number;
  /** A 行政区划 code prefix: 2 digits a province, 4 a prefecture, 6 a county. */
  readonly region?: string;
  readonly level?: string;
  readonly kind?: string;
}
