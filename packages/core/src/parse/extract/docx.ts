import type { DocumentNode, ExtractMessage, Table, TableCell, TextLine } from '../document.js';
import { ParseError } from '../errors.js';
import type { Extractor } from './types.js';
import { findEntry, openZip, readEntries, type ZipArchive } from './zip.js';

/*
 * DOCX (WordprocessingML) → intermediate document, in one pass over word/document.xml with a
 * small hand-written tag scanner: no DOM, no namespace resolution beyond finding the prefixes
 * the root element binds, and only the handful of elements that carry text or table shape are
 * looked at. Headers, footers, footnotes and comments live in other parts and are not read.
 */

const W_NS = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];
const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const OFFICE_DOCUMENT_REL = /\/officeDocument$/;

/** Grid columns narrower than this (in twips, ~1 mm) hold no text: they are drawing slivers. */
const SLIVER_TWIPS = 60;
/** A bound on gridSpan/gridBefore values (Word allows 63 columns), so that a damaged file cannot ask for millions. */
const MAX_SPAN = 64;
/** Tables nested deeper than this are refused as damage (Word's own limit is far lower in practice). */
const MAX_TABLE_DEPTH = 64;

// Element codes. Anything not listed is transparent (its children are read as if it were absent).
const enum E {
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
}

type Item = string | TableBuilder;

interface CellBuilder {
  items: Item[];
  span: number;
  vMerge: 'none' | 'restart' | 'continue';
  hMergeContinue: boolean;
}

interface RowBuilder {
  cells: CellBuilder[];
  before: number;
}

interface TableBuilder {
  grid: number[];
  rows: RowBuilder[];
}

interface ParagraphBuilder {
  parts: string[];
  /** Paragraphs and tables of text boxes anchored in this paragraph, emitted after it. */
  anchored: Item[];
  inRun: boolean;
  inRunProps: boolean;
  hidden: boolean;
}

interface Container {
  items: Item[];
}

function elementCodes(w: string, mc: string): Map<string, E> {
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

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The value of attribute `name` in the raw text of a start tag, entity-decoded. */
function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = tag.indexOf(name, from);
    if (i < 0) return undefined;
    from = i + name.length;
    const before = tag.charCodeAt(i - 1);
    // Preceded by whitespace and followed by optional whitespace and "=".
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let j = from;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    if (tag[j] !== '=') continue;
    j += 1;
    while (tag.charCodeAt(j) === 0x20) j += 1;
    const quote = tag[j];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = tag.indexOf(quote, j + 1);
    if (end < 0) return undefined;
    return decodeEntities(tag.slice(j + 1, end));
  }
}

/** The prefixes the root element binds to the WordprocessingML and markup-compatibility namespaces. */
function namespacePrefixes(rootTag: string): { w: string | undefined; mc: string | undefined } {
  let w: string | undefined;
  let mc: string | undefined;
  const re = /\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(rootTag); m; m = re.exec(rootTag)) {
    const prefix = m[1] ?? '';
    const uri = m[2] ?? m[3] ?? '';
    if (W_NS.includes(uri)) w = prefix;
    else if (uri === MC_NS) mc = prefix;
  }
  return { w, mc };
}

function toInt(value: string | undefined, fallback: number): number {
  const n = value === undefined ? NaN : parseInt(value, 10);
  return Number.isFinite(n) ? n : fallback;
}

/** An OOXML on/off value: absent or anything but false/0/off means on. */
const isOn = (value: string | undefined): boolean => value === undefined || !/^(false|0|off)$/i.test(value);

interface Parsed {
  items: Item[];
  altChunks: number;
}

/** Scans word/document.xml. Throws a plain Error with a Chinese reason when it is not well-formed. */
function parseDocumentXml(xml: string): Parsed {
  // Find the root element and the prefixes it binds.
  let i = 0;
  let rootStart = -1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const close = next === 0x21 && xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    rootStart = lt;
    break;
  }
  if (rootStart < 0) throw new Error('没有根元素');
  const rootEnd = xml.indexOf('>', rootStart);
  if (rootEnd < 0) throw new Error('根元素不完整');
  // Word binds both on the root; when a generator binds them lower down, assume the usual prefixes.
  const bound = namespacePrefixes(xml.slice(rootStart, rootEnd + 1));
  const w = bound.w ?? 'w';
  const codes = elementCodes(w, bound.mc ?? 'mc');
  const valName = w ? `${w}:val` : 'val';
  const widthName = w ? `${w}:w` : 'w';
  const fldCharTypeName = w ? `${w}:fldCharType` : 'fldCharType';

  const body: Container = { items: [] };
  const containers: Container[] = [body];
  const paragraphs: ParagraphBuilder[] = [];
  const tables: TableBuilder[] = [];
  const cells: CellBuilder[] = [];
  /** For each open mc:AlternateContent, whether one of its branches has been read. */
  const alternates: boolean[] = [];
  /** Open complex fields: true once past their separator (showing the result). */
  const fields: boolean[] = [];
  let fieldsInInstruction = 0;
  let altChunks = 0;

  const names: string[] = [];
  /** While > 0, everything below the element at this depth is ignored. */
  let skipDepth = 0;
  let inText = false;

  const top = <T>(stack: T[]): T | undefined => stack[stack.length - 1];
  const currentContainer = (): Container => top(containers) as Container;

  i = rootStart;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim() !== '') throw new Error('文末有多余的内容');
      break;
    }
    if (lt > i && inText) {
      const p = top(paragraphs);
      if (p) p.parts.push(decodeEntities(xml.slice(i, lt)));
    }
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new Error('结束标签不完整');
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = names.pop();
      if (open !== name) throw new Error(`标签 <${open ?? ''}> 与 </${name}> 不匹配`);
      i = gt + 1;
      if (skipDepth > 0) {
        if (names.length < skipDepth) skipDepth = 0;
        continue;
      }
      closeElement(codes.get(name) ?? E.Other);
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new Error('注释不完整');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new Error('CDATA 不完整');
        if (inText) top(paragraphs)?.parts.push(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        throw new Error('含有不应出现的 DOCTYPE 声明');
      }
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new Error('处理指令不完整');
      i = end + 2;
      continue;
    }
    // A start tag: find its end outside quoted attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j += 1) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (j >= n) throw new Error('开始标签不完整');
    let k = lt + 1;
    for (; k < j; k += 1) {
      const c = xml.charCodeAt(k);
      if (c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
    }
    const name = xml.slice(lt + 1, k);
    if (name === '') throw new Error('标签没有名称');
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
    i = j + 1;
    if (!selfClosing) names.push(name);
    if (skipDepth > 0) continue;
    const code = codes.get(name) ?? E.Other;
    if (code === E.Other) continue;
    if (!openElement(code, xml.slice(lt, j + 1), selfClosing) && !selfClosing) skipDepth = names.length;
  }
  if (names.length > 0) throw new Error(`元素 <${names[names.length - 1] ?? ''}> 没有结束`);
  return { items: body.items, altChunks };

  /** Handles a start tag; returns false when the element's content is to be skipped. */
  function openElement(code: E, tag: string, selfClosing: boolean): boolean {
    const paragraph = top(paragraphs);
    switch (code) {
      case E.Skip:
        return false;
      case E.P:
        if (!selfClosing) {
          paragraphs.push({ parts: [], anchored: [], inRun: false, inRunProps: false, hidden: false });
        } else currentContainer().items.push('');
        return true;
      case E.R:
        if (paragraph && !selfClosing) {
          paragraph.inRun = true;
          paragraph.hidden = false;
        }
        return true;
      case E.RPr:
        if (paragraph?.inRun && !selfClosing) paragraph.inRunProps = true;
        return true;
      case E.Vanish:
        if (paragraph?.inRunProps && isOn(attribute(tag, valName))) paragraph.hidden = true;
        return true;
      case E.T:
        if (!selfClosing && paragraph?.inRun && !paragraph.hidden && fieldsInInstruction === 0) inText = true;
        return true;
      case E.Tab:
      case E.Br:
      case E.NoBreakHyphen:
        if (paragraph?.inRun && !paragraph.inRunProps && !paragraph.hidden && fieldsInInstruction === 0) {
          paragraph.parts.push(code === E.Tab ? '\t' : code === E.Br ? '\n' : '-');
        }
        return true;
      case E.FldChar: {
        const type = attribute(tag, fldCharTypeName);
        if (type === 'begin') {
          fields.push(false);
          fieldsInInstruction += 1;
        } else if (type === 'separate') {
          if (fields.length > 0 && fields[fields.length - 1] === false) {
            fields[fields.length - 1] = true;
            fieldsInInstruction -= 1;
          }
        } else if (type === 'end') {
          if (fields.length > 0 && fields.pop() === false) fieldsInInstruction -= 1;
        }
        return true;
      }
      case E.Tbl:
        if (!selfClosing) {
          if (tables.length >= MAX_TABLE_DEPTH) throw new Error('表格嵌套过深');
          tables.push({ grid: [], rows: [] });
        }
        return true;
      case E.GridCol:
        top(tables)?.grid.push(toInt(attribute(tag, widthName), NaN));
        return true;
      case E.Tr:
        if (!selfClosing) top(tables)?.rows.push({ cells: [], before: 0 });
        return true;
      case E.GridBefore:
      case E.GridAfter: {
        // gridAfter only pads the row's end, which no origin cell's position depends on.
        const row = top(top(tables)?.rows ?? []);
        if (row && code === E.GridBefore) row.before = clamp(toInt(attribute(tag, valName), 0), 0, MAX_SPAN);
        return true;
      }
      case E.Tc:
        if (!selfClosing) {
          const cell: CellBuilder = { items: [], span: 1, vMerge: 'none', hMergeContinue: false };
          cells.push(cell);
          containers.push(cell);
        } else top(top(tables)?.rows ?? [])?.cells.push({ items: [], span: 1, vMerge: 'none', hMergeContinue: false });
        return true;
      case E.GridSpan: {
        const cell = top(cells);
        if (cell) cell.span = clamp(toInt(attribute(tag, valName), 1), 1, MAX_SPAN);
        return true;
      }
      case E.VMerge: {
        const cell = top(cells);
        if (cell) cell.vMerge = attribute(tag, valName) === 'restart' ? 'restart' : 'continue';
        return true;
      }
      case E.HMerge: {
        const cell = top(cells);
        if (cell) cell.hMergeContinue = attribute(tag, valName) !== 'restart';
        return true;
      }
      case E.TxbxContent:
        if (!selfClosing) containers.push({ items: [] });
        return true;
      case E.AltContent:
        if (!selfClosing) alternates.push(false);
        return true;
      case E.Choice:
      case E.Fallback: {
        // Read the first branch only: the Choice (DrawingML) and Fallback (VML) of a text box
        // hold the same paragraphs.
        if (alternates.length === 0) return true;
        if (alternates[alternates.length - 1]) return false;
        alternates[alternates.length - 1] = true;
        return true;
      }
      case E.AltChunk:
        altChunks += 1;
        return true;
      default:
        return true;
    }
  }

  function closeElement(code: E): void {
    const paragraph = top(paragraphs);
    switch (code) {
      case E.T:
        inText = false;
        return;
      case E.R:
        if (paragraph) {
          paragraph.inRun = false;
          paragraph.hidden = false;
        }
        return;
      case E.RPr:
        if (paragraph) paragraph.inRunProps = false;
        return;
      case E.P: {
        const done = paragraphs.pop();
        if (!done) return;
        const items = currentContainer().items;
        items.push(done.parts.join(''));
        for (const item of done.anchored) items.push(item);
        return;
      }
      case E.Tbl: {
        const table = tables.pop();
        if (table) currentContainer().items.push(table);
        return;
      }
      case E.Tc: {
        const cell = cells.pop();
        containers.pop();
        if (cell) top(top(tables)?.rows ?? [])?.cells.push(cell);
        return;
      }
      case E.TxbxContent: {
        const box = containers.pop();
        if (!box) return;
        // A text box's paragraphs belong where the box is anchored: after its paragraph.
        const anchor = top(paragraphs);
        if (anchor) anchor.anchored.push(...box.items);
        else currentContainer().items.push(...box.items);
        return;
      }
      case E.AltContent:
        alternates.pop();
        return;
      default:
        return;
    }
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** A nested table as text: its rows on lines, cells separated by tabs. */
function flattenTable(table: TableBuilder): string {
  return table.rows
    .map((row) =>
      row.cells
        .filter((cell) => cell.vMerge !== 'continue' && !cell.hMergeContinue)
        .map((cell) => cellText(cell).replace(/\s*\n\s*/g, ' '))
        .join('\t'),
    )
    .join('\n');
}

/**
 * A cell's text: its paragraphs joined by line breaks. A table nested in a cell is flattened
 * into the cell's text, because the intermediate document has no nested tables, and in
 * published reports a table inside a statutory-table cell is a layout device (a box around a
 * figure, a two-part header), not data of its own.
 */
function cellText(cell: CellBuilder): string {
  return cell.items
    .map((item) => (typeof item === 'string' ? item : flattenTable(item)))
    .join('\n')
    .trim();
}

interface Emitter {
  nodes: DocumentNode[];
  line: number;
  table: number;
}

/**
 * A 1×1 table that holds other tables is a frame some authors draw around a whole report (or
 * around each section): its content is read as if it stood in the body.
 */
function isFrame(table: TableBuilder): boolean {
  const cells = table.rows.flatMap((row) => row.cells);
  return cells.length === 1 && (cells[0] as CellBuilder).items.some((item) => typeof item !== 'string');
}

function emitItems(items: readonly Item[], out: Emitter): void {
  for (const item of items) {
    if (typeof item === 'string') {
      out.line += 1;
      // Empty paragraphs only space the page; they keep their number but are not emitted.
      if (item.trim() !== '') out.nodes.push({ kind: 'line', text: item, at: { line: out.line } } satisfies TextLine);
    } else if (isFrame(item)) {
      emitItems((item.rows.find((row) => row.cells.length > 0) as RowBuilder).cells[0]?.items ?? [], out);
    } else {
      out.nodes.push(buildTable(item, out.table));
      out.table += 1;
    }
  }
}

/**
 * Origin cells with grid positions. Columns come from w:gridSpan and w:gridBefore against the
 * table grid, with sliver grid columns (narrower than SLIVER_TWIPS, which LibreOffice and hand
 * edits leave when borders do not quite line up) folded into their neighbours so that the
 * same table has the same column numbers whoever saved it. w:vMerge="continue" cells extend
 * the rowSpan of the cell above that starts in the same column and are not emitted.
 */
function buildTable(table: TableBuilder, index: number): Table {
  let width = table.grid.length;
  for (const row of table.rows) {
    width = Math.max(
      width,
      row.cells.reduce((sum, cell) => sum + cell.span, row.before),
    );
  }
  // logical[g] = the logical column where grid column g starts (slivers do not count).
  const logical = new Array<number>(width + 1);
  const realColumns = table.grid.filter((w) => !(w < SLIVER_TWIPS)).length;
  let count = 0;
  for (let g = 0; g <= width; g += 1) {
    logical[g] = count;
    const w = table.grid[g];
    if (g < width && (realColumns === 0 || w === undefined || !(w < SLIVER_TWIPS))) count += 1;
  }
  interface Origin {
    text: string;
    row: number;
    column: number;
    rowSpan: number;
    colSpan: number;
  }
  /** The origin cell open for vertical merging in each logical column. */
  const open = new Map<number, Origin>();
  const grid: Origin[][] = table.rows.map((row, r) => {
    const out: Origin[] = [];
    let g = row.before;
    for (const cell of row.cells) {
      const start = logical[Math.min(g, width)] as number;
      const end = logical[Math.min(g + cell.span, width)] as number;
      g += cell.span;
      const previous = out[out.length - 1];
      if (cell.hMergeContinue && previous) {
        previous.colSpan = Math.max(previous.colSpan, end - previous.column);
        continue;
      }
      if (cell.vMerge === 'continue') {
        const above = open.get(start);
        if (above && above.row + above.rowSpan === r) {
          above.rowSpan += 1;
          continue;
        }
      }
      const text = cellText(cell);
      if (end === start && text === '') continue; // a cell lying wholly in slivers
      const origin: Origin = { text, row: r, column: start, rowSpan: 1, colSpan: Math.max(1, end - start) };
      out.push(origin);
      if (cell.vMerge === 'none') open.delete(start);
      else open.set(start, origin);
    }
    return out;
  });
  const rows: TableCell[][] = grid.map((row) =>
    row.map((cell) => ({ ...cell, at: { table: index, row: cell.row, column: cell.column } })),
  );
  return { kind: 'table', rows, at: { table: index } };
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** The main document part: the officeDocument relationship's target, else word/document.xml. */
function mainPart(zip: ZipArchive, limit: number, file: string | undefined): string {
  const rels = findEntry(zip, '_rels/.rels');
  if (rels && rels.size < Math.min(limit, 1024 * 1024)) {
    // Under 1 MiB declared, and stopped at 1 MiB while inflating should the size be forged.
    const [bytes] = readEntries(zip, [rels], limit, file, 'DOCX 文件', 1024 * 1024);
    const xml = decodeXml(bytes as Uint8Array);
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const type = attribute(m[0], 'Type');
      const target = attribute(m[0], 'Target');
      if (type && target && OFFICE_DOCUMENT_REL.test(type) && !/^[a-z]+:/i.test(target)) {
        const part = target.replace(/^\.?\//, '');
        if (findEntry(zip, part)) return part;
      }
    }
  }
  return 'word/document.xml';
}

export const extractDocx: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    throw new ParseError('too-large', `文件过大（${bytes.length} 字节），超过 ${limits.maxBytes} 字节的上限`, file);
  }
  const zip = openZip(bytes, file, 'DOCX 文件');
  const part = mainPart(zip, limits.maxInflatedBytes, file);
  const entry = findEntry(zip, part);
  if (!entry) {
    if (findEntry(zip, 'xl/workbook.xml'))
      throw new ParseError('unsupported', '这是 Excel 工作簿（XLSX），不是 Word 文档', file);
    if (findEntry(zip, 'ppt/presentation.xml')) {
      throw new ParseError('unsupported', '这是 PowerPoint 演示文稿（PPTX），不是 Word 文档', file);
    }
    if (findEntry(zip, 'content.xml') && findEntry(zip, 'mimetype')) {
      throw new ParseError('unsupported', '这是 OpenDocument（ODT 等）文件，请另存为 DOCX 或 DOC 后再读取', file);
    }
    throw new ParseError('corrupt', `不是有效的 DOCX 文件：压缩包中没有 ${part}`, file);
  }
  // The package relationships read above (under 1 MiB) count against the same budget.
  const relsSize = findEntry(zip, '_rels/.rels')?.size ?? 0;
  const budget = Math.max(0, limits.maxInflatedBytes - (relsSize < 1024 * 1024 ? relsSize : 0));
  const [xmlBytes] = readEntries(zip, [entry], budget, file, 'DOCX 文件', limits.maxPartBytes);
  let parsed: Parsed;
  try {
    parsed = parseDocumentXml(decodeXml(xmlBytes as Uint8Array));
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError('corrupt', `DOCX 文件的正文（${part}）已损坏：${reason}`, file);
  }
  const out: Emitter = { nodes: [], line: 0, table: 0 };
  emitItems(parsed.items, out);
  const messages: ExtractMessage[] = [];
  if (parsed.altChunks > 0) {
    messages.push({
      rule: 'docx-alt-chunk',
      severity: 'warning',
      message: `文档中有 ${parsed.altChunks} 处嵌入的外部内容（altChunk，常见于网页生成的 Word 文件），其中的文字未读取`,
    });
  }
  return { source: 'docx', nodes: out.nodes, messages };
};
