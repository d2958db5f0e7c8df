/*
 * The WordprocessingML elements the scanner looks at, by code, and what it builds from them.
 */

// Element codes. Anything not listed is transparent (its children are read as if it were absent).
export const enum E {
  Other,
  Body,
  P,
  R,
  RPr,
  T,
  Tab,
  Br,
  NoBreakHyphen,
  Skip,
  FldChar,
  Vanish,
  Tbl,
  GridCol,
  Tr,
  GridBefore,
  GridAfter,
  Tc,
  GridSpan,
  VMerge,
  HMerge,
  TxbxContent,
  AltContent,
  Choice,
  Fallback,
  AltChunk,
  PStyle,
  NumId,
  Ilvl,
}

export type Item = string | TableBuilder;

export interface CellBuilder {
  items: Item[];
  span: number;
  vMerge: 'none' | 'restart' | 'continue';
  hMergeContinue: boolean;
}

export interface RowBuilder {
  cells: CellBuilder[];
  before: number;
}

export interface TableBuilder {
  grid: number[];
  rows: RowBuilder[];
}

export interface ParagraphBuilder {
  parts: string[];
  /** Paragraphs and tables of text boxes anchored in this paragraph, emitted after it. */
  anchored: Item[];
  inRun: boolean;
  inRunProps: boolean;
  hidden: boolean;
  /** Its automatic numbering (w:numPr) and paragraph style, for the number Word draws before it. */
  numId?: string | undefined;
  ilvl?: number | undefined;
  style?: string | undefined;
}

export interface Container {
  items: Item[];
}

export function elementCodes(w: string, mc: string): Map<string, E> {
  const codes = new Map<string, E>();
  const put = (local: string, code: E): void => {
    codes.set(w ? `${w}:${local}` : local, code);
  };
  put('body', E.Body);
  put('p', E.P);
  put('r', E.R);
  put('rPr', E.RPr);
  put('t', E.T);
  put('tab', E.Tab);
  put('ptab', E.Tab);
  put('br', E.Br);
  put('cr', E.Br);
  put('noBreakHyphen', E.NoBreakHyphen);
  put('fldChar', E.FldChar);
  put('vanish', E.Vanish);
  put('tbl', E.Tbl);
  put('gridCol', E.GridCol);
  put('tr', E.Tr);
  put('gridBefore', E.GridBefore);
  put('gridAfter', E.GridAfter);
  put('tc', E.Tc);
  put('gridSpan', E.GridSpan);
  put('vMerge', E.VMerge);
  put('hMerge', E.HMerge);
  put('txbxContent', E.TxbxContent);
  put('altChunk', E.AltChunk);
  put('pStyle', E.PStyle);
  put('numId', E.NumId);
  put('ilvl', E.Ilvl);
  // Not text of the document as it reads now: deleted and moved-away revisions, field
  // instructions, ruby (phonetic guide) text, and the previous state of changed properties
  // (a tblGridChange holds the old grid, a tcPrChange the old spans).
  for (const local of [
    'del',
    'moveFrom',
    'delText',
    'instrText',
    'delInstrText',
    'rt',
    'pPrChange',
    'rPrChange',
    'tcPrChange',
    'trPrChange',
    'tblPrChange',
    'tblPrExChange',
    'sectPrChange',
    'tblGridChange',
    'numberingChange',
  ]) {
    put(local, E.Skip);
  }
  const m = (local: string): string => (mc ? `${mc}:${local}` : local);
  codes.set(m('AlternateContent'), E.AltContent);
  codes.set(m('Choice'), E.Choice);
  codes.set(m('Fallback'), E.Fallback);
  return codes;
}
