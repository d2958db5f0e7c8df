import type { DocumentNode, Table, TableCell } from '../document.js';
import { ParseError } from '../errors.js';
import type { Extractor } from './types.js';

/*
 * Word 97–2003 (.doc) → intermediate document. The file is an OLE compound file whose
 * WordDocument stream holds the text in pieces (the piece table, "CLX"); paragraph
 * properties (PAPX, in 512-byte FKP pages) say which paragraphs are table cells and which
 * mark the end of a row, and the row-end paragraph carries the row's cell boundaries and
 * merge flags (sprmTDefTable). From these the tables are rebuilt with grid positions.
 *
 * word-extractor is not used: its getBody() turns cell marks into '\t' and row ends into
 * '\n' only when the row's properties fit in the FKP page, so the rows of a wide table (whose
 * properties Word and LibreOffice store in the Data stream, sprmPHugePapx) run together; it
 * cannot tell a cell's second paragraph from a new row; its OLE reader loops forever on a
 * cyclic sector chain; and it needs Node's Buffer and streams, which the core does without.
 * References are to [MS-CFB] and [MS-DOC].
 */

/** Grid boundaries closer than this (twips, ~1 mm) are one boundary: rounding, not a column. */
const SNAP_TWIPS = 60;
const MAX_REG_SECT = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECT = 0xffffffff;

/** Thrown by the readers below; turned into ParseError('corrupt') at the top. */
class Damaged extends Error {}

const damaged = (detail: string): never => {
  throw new Damaged(detail);
};

function u8(b: Uint8Array, o: number): number {
  if (o < 0 || o >= b.length) damaged('读取位置超出数据范围');
  return b[o] as number;
}
function u16(b: Uint8Array, o: number): number {
  if (o < 0 || o + 2 > b.length) damaged('读取位置超出数据范围');
  return (b[o] as number) | ((b[o + 1] as number) << 8);
}
function u32(b: Uint8Array, o: number): number {
  if (o < 0 || o + 4 > b.length) damaged('读取位置超出数据范围');
  return (
    ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0
  );
}
const i16 = (b: Uint8Array, o: number): number => (u16(b, o) << 16) >> 16;

// ---------------------------------------------------------------------------------------------
// OLE compound file ([MS-CFB])

interface DirEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

class CompoundFile {
  private readonly sectorSize: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirEntry[];
  private miniFat: Uint32Array | undefined;
  private miniStream: Uint8Array | undefined;
  private readonly miniCutoff: number;
  private readonly firstMiniFat: number;
  /** Streams directly under the root storage, by name. */
  readonly streams = new Map<string, DirEntry>();

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512) damaged('文件头不完整');
    const shift = u16(bytes, 0x1e);
    if (shift !== 9 && shift !== 12) damaged('扇区大小无效');
    if (u16(bytes, 0x20) !== 6) damaged('小扇区大小无效');
    this.sectorSize = 1 << shift;
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    if (this.sectorCount <= 0) damaged('没有数据扇区');
    this.miniCutoff = u32(bytes, 0x38);
    this.firstMiniFat = u32(bytes, 0x3c);

    // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
    const fatCount = u32(bytes, 0x2c);
    if (fatCount > this.sectorCount) damaged('分配表大小无效');
    const fatSectors: number[] = [];
    for (let i = 0; i < 109 && fatSectors.length < fatCount; i += 1) fatSectors.push(u32(bytes, 0x4c + i * 4));
    const perDifat = this.sectorSize / 4 - 1;
    for (let s = u32(bytes, 0x44), hops = 0; fatSectors.length < fatCount && s <= MAX_REG_SECT; hops += 1) {
      if (hops > this.sectorCount) damaged('分配表链成环');
      const at = this.sectorOffset(s);
      for (let i = 0; i < perDifat && fatSectors.length < fatCount; i += 1) fatSectors.push(u32(bytes, at + i * 4));
      s = u32(bytes, at + perDifat * 4);
    }
    if (fatSectors.length < fatCount) damaged('分配表不完整');
    this.fat = new Uint32Array(fatCount * (this.sectorSize / 4));
    fatSectors.forEach((s, n) => {
      const at = this.sectorOffset(s);
      if (at + this.sectorSize > bytes.length) damaged('分配表被截断');
      for (let i = 0; i < this.sectorSize / 4; i += 1) this.fat[n * (this.sectorSize / 4) + i] = u32(bytes, at + i * 4);
    });

    const dir = this.chainBytes(u32(bytes, 0x30), Infinity);
    const v3 = u16(bytes, 0x1a) === 3;
    this.entries = [];
    for (let o = 0; o + 128 <= dir.length; o += 128) {
      const nameLength = Math.min(64, u16(dir, o + 0x40));
      let name = '';
      for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(u16(dir, o + i));
      // Version 3 files may leave garbage in the size's high half.
      const high = v3 ? 0 : u32(dir, o + 0x7c);
      this.entries.push({
        name,
        type: u8(dir, o + 0x42),
        left: u32(dir, o + 0x44),
        right: u32(dir, o + 0x48),
        child: u32(dir, o + 0x4c),
        start: u32(dir, o + 0x74),
        size: high ? Infinity : u32(dir, o + 0x78),
      });
    }
    const root = this.entries[0];
    if (!root || root.type !== 5) damaged('找不到根目录');
    // Walk the root's children (a red-black tree by left/right sibling links).
    const seen = new Set<number>();
    const todo = [(root as DirEntry).child];
    while (todo.length > 0) {
      const id = todo.pop() as number;
      if (id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries[id] as DirEntry;
      if (entry.type === 2 && !this.streams.has(entry.name)) this.streams.set(entry.name, entry);
      todo.push(entry.left, entry.right);
    }
  }

  private sectorOffset(sector: number): number {
    if (sector >= this.sectorCount) damaged('扇区编号超出文件范围，文件可能被截断');
    return (sector + 1) * this.sectorSize;
  }

  /** The sectors of a chain, concatenated, up to `limit` bytes. */
  private chainBytes(start: number, limit: number): Uint8Array {
    const sectors: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && sectors.length * this.sectorSize < limit;) {
      if (s > MAX_REG_SECT || s === FREE_SECT || s >= this.fat.length) damaged('扇区链无效');
      if (sectors.length > this.sectorCount) damaged('扇区链成环');
      sectors.push(s);
      s = this.fat[s] as number;
    }
    const length = Math.min(limit, sectors.length * this.sectorSize);
    const out = new Uint8Array(length);
    sectors.forEach((s, n) => {
      const at = this.sectorOffset(s);
      const part = this.bytes.subarray(
        at,
        Math.min(at + this.sectorSize, this.bytes.length, at + length - n * this.sectorSize),
      );
      out.set(part, n * this.sectorSize);
    });
    return out;
  }

  /** A root-level stream's bytes, or undefined when there is none by that name. */
  stream(name: string): Uint8Array | undefined {
    const entry = this.streams.get(name);
    if (!entry) return undefined;
    if (entry.size > this.bytes.length) damaged(`流 ${name} 的大小超出文件`);
    if (entry.size >= this.miniCutoff) {
      const data = this.chainBytes(entry.start, entry.size);
      if (data.length < entry.size) damaged(`流 ${name} 不完整`);
      return data;
    }
    // Small streams live in 64-byte sectors of the mini stream (the root entry's data).
    if (!this.miniStream) {
      const root = this.entries[0] as DirEntry;
      this.miniStream = this.chainBytes(root.start, root.size);
      const table = this.chainBytes(this.firstMiniFat, Infinity);
      this.miniFat = new Uint32Array(table.length / 4);
      for (let i = 0; i < this.miniFat.length; i += 1) this.miniFat[i] = u32(table, i * 4);
    }
    const miniFat = this.miniFat as Uint32Array;
    const mini = this.miniStream;
    const out = new Uint8Array(entry.size);
    let filled = 0;
    for (let s = entry.start, hops = 0; filled < entry.size; hops += 1) {
      if (s >= miniFat.length || hops > miniFat.length) damaged(`流 ${name} 的小扇区链无效`);
      const at = s * 64;
      if (at + 64 > mini.length && at + entry.size - filled > mini.length) damaged(`流 ${name} 不完整`);
      const part = mini.subarray(at, Math.min(at + 64, at + entry.size - filled));
      out.set(part, filled);
      filled += part.length;
      s = miniFat[s] as number;
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Word binary ([MS-DOC])

interface Piece {
  readonly cpStart: number;
  readonly cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  readonly fc: number;
  readonly compressed: boolean;
}

/** One row's cell layout, from sprmTDefTable (and sprmTVertMerge). */
interface RowDef {
  /** Cell boundaries in twips: itcMac + 1 of them. */
  readonly centers: number[];
  /** Per cell: 0 none, 1 first of a horizontal merge, 2/3 merged into the previous cell. */
  readonly horz: number[];
  /** Per cell: 0 none, 1 continues the cell above, 2/3 starts a vertical merge. */
  readonly vert: number[];
}

interface ParagraphProps {
  inTable: boolean;
  ttp: boolean;
  depth: number;
  innerCell: boolean;
  innerTtp: boolean;
  row?: RowDef;
}

interface Run<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

/** Calls `each(sprm, operandOffset, operandLength)` for every SPRM of a grpprl. */
function forEachSprm(
  b: Uint8Array,
  from: number,
  to: number,
  each: (sprm: number, at: number, length: number) => void,
): void {
  let o = from;
  while (o + 2 <= to) {
    const sprm = u16(b, o);
    o += 2;
    let length: number;
    switch (sprm >>> 13) {
      case 0:
      case 1:
        length = 1;
        break;
      case 2:
      case 4:
      case 5:
        length = 2;
        break;
      case 3:
        length = 4;
        break;
      case 7:
        length = 3;
        break;
      default:
        if (sprm === 0xd608 || sprm === 0xd606) {
          // sprmTDefTable: a 2-byte size counting itself minus one.
          length = u16(b, o) + 1;
        } else if (sprm === 0xc615 && u8(b, o) === 255) {
          // sprmPChgTabs with the long form: two tab lists whose sizes say the length.
          const del = u8(b, o + 1);
          const add = u8(b, o + 2 + del * 4);
          length = 1 + 1 + del * 4 + 1 + add * 3;
        } else {
          length = 1 + u8(b, o);
        }
    }
    if (o + length > to) return; // a truncated last SPRM: ignore it, as Word does
    each(sprm, o, length);
    o += length;
  }
}

function readRowDef(b: Uint8Array, at: number, length: number): RowDef | undefined {
  const end = at + length;
  const count = u8(b, at + 2);
  if (count === 0 || count > 64 || at + 3 + (count + 1) * 2 > end) return undefined;
  const centers: number[] = [];
  for (let i = 0; i <= count; i += 1) centers.push(i16(b, at + 3 + i * 2));
  const horz: number[] = [];
  const vert: number[] = [];
  const tcs = at + 3 + (count + 1) * 2;
  for (let i = 0; i < count; i += 1) {
    // TC80: 20 bytes, the first two the flags; Word may write fewer TCs than cells.
    const flags = tcs + i * 20 + 2 <= end ? u16(b, tcs + i * 20) : 0;
    horz.push(flags & 3);
    vert.push((flags >>> 5) & 3);
  }
  return { centers, horz, vert };
}

function readParagraphProps(
  b: Uint8Array,
  from: number,
  to: number,
  props: ParagraphProps,
  data: () => Uint8Array | undefined,
  huge = true,
): void {
  forEachSprm(b, from, to, (sprm, at, length) => {
    switch (sprm) {
      case 0x2416: // sprmPFInTable
        props.inTable = u8(b, at) !== 0;
        break;
      case 0x2417: // sprmPFTtp
        props.ttp = u8(b, at) !== 0;
        break;
      case 0x6649: // sprmPItap
        props.depth = u32(b, at);
        break;
      case 0x664a: // sprmPDtap
        props.depth += u32(b, at) | 0;
        break;
      case 0x244b: // sprmPFInnerTableCell
        props.innerCell = u8(b, at) !== 0;
        break;
      case 0x244c: // sprmPFInnerTtp
        props.innerTtp = u8(b, at) !== 0;
        break;
      case 0xd608: // sprmTDefTable
        props.row = readRowDef(b, at, length) ?? props.row;
        break;
      case 0xd62b: {
        // sprmTVertMerge: cell index and its vertical merge flags.
        const row = props.row;
        const cell = u8(b, at + 1);
        if (row && cell < row.vert.length) row.vert[cell] = u8(b, at + 2) & 3;
        break;
      }
      case 0x6646: {
        // sprmPHugePapx: the properties are too long for the FKP page and sit in the Data stream.
        const stream = huge ? data() : undefined;
        if (!stream) break;
        const offset = u32(b, at);
        const size = u16(stream, offset);
        readParagraphProps(stream, offset + 2, Math.min(stream.length, offset + 2 + size), props, data, false);
        break;
      }
      default:
        break;
    }
  });
}

/** The FKP runs of a PlcBte (paragraph or character properties), in file order. */
function fkpPages(word: Uint8Array, table: Uint8Array, fc: number, lcb: number): number[] {
  if (lcb < 12 || (lcb - 4) % 8 !== 0 || fc + lcb > table.length) return [];
  const n = (lcb - 4) / 8;
  const pages: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const pn = u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if ((pn + 1) * 512 > word.length) damaged('格式页超出文件范围');
    pages.push(pn);
  }
  return pages;
}

function paragraphRuns(
  word: Uint8Array,
  table: Uint8Array,
  fc: number,
  lcb: number,
  data: () => Uint8Array | undefined,
): Run<ParagraphProps>[] {
  const runs: Run<ParagraphProps>[] = [];
  for (const pn of fkpPages(word, table, fc, lcb)) {
    const page = word.subarray(pn * 512, pn * 512 + 512);
    const crun = u8(page, 511);
    if ((crun + 1) * 4 + crun * 13 > 511) damaged('段落格式页无效');
    for (let j = 0; j < crun; j += 1) {
      const props: ParagraphProps = { inTable: false, ttp: false, depth: 0, innerCell: false, innerTtp: false };
      const bx = u8(page, (crun + 1) * 4 + j * 13) * 2;
      if (bx !== 0) {
        let cb = u8(page, bx);
        let from = bx + 1;
        let length = cb * 2 - 1;
        if (cb === 0) {
          cb = u8(page, bx + 1);
          from = bx + 2;
          length = cb * 2;
        }
        // Skip the 2-byte style index before the SPRMs.
        readParagraphProps(page, from + 2, Math.min(512, from + length), props, data);
      }
      runs.push({ start: u32(page, j * 4), end: u32(page, (j + 1) * 4), value: props });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** FC ranges whose characters are deleted revisions or hidden text. */
function removedRuns(word: Uint8Array, table: Uint8Array, fc: number, lcb: number): Run<true>[] {
  const runs: Run<true>[] = [];
  for (const pn of fkpPages(word, table, fc, lcb)) {
    const page = word.subarray(pn * 512, pn * 512 + 512);
    const crun = u8(page, 511);
    if ((crun + 1) * 4 + crun > 511) damaged('字符格式页无效');
    for (let j = 0; j < crun; j += 1) {
      const offset = u8(page, (crun + 1) * 4 + j) * 2;
      if (offset === 0) continue;
      const cb = u8(page, offset);
      let removed = false;
      forEachSprm(page, offset + 1, Math.min(512, offset + 1 + cb), (sprm, at) => {
        // sprmCFRMarkDel (deleted revision), sprmCFVanish (hidden text).
        if ((sprm === 0x0800 || sprm === 0x083c) && u8(page, at) === 1) removed = true;
      });
      if (removed) runs.push({ start: u32(page, j * 4), end: u32(page, (j + 1) * 4), value: true });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

function findRun<T>(runs: readonly Run<T>[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as Run<T>;
    if (fc < run.start) hi = mid - 1;
    else if (fc >= run.end) lo = mid + 1;
    else return run.value;
  }
  return undefined;
}

function readPieces(table: Uint8Array, fc: number, lcb: number, wordLength: number): Piece[] {
  if (lcb === 0 || fc + lcb > table.length) damaged('找不到文本片段表');
  let o = fc;
  const end = fc + lcb;
  while (o < end && u8(table, o) === 1) o += 3 + u16(table, o + 1); // Prc: property modifiers
  if (u8(table, o) !== 2) damaged('文本片段表无效');
  const size = u32(table, o + 1);
  o += 5;
  if (size < 16 || (size - 4) % 12 !== 0 || o + size > table.length) damaged('文本片段表大小无效');
  const n = (size - 4) / 12;
  const pieces: Piece[] = [];
  let total = 0;
  for (let i = 0; i < n; i += 1) {
    const cpStart = u32(table, o + i * 4);
    const cpEnd = u32(table, o + (i + 1) * 4);
    // Pieces follow each other and never share bytes, so together they fit in the stream.
    total += cpEnd - cpStart;
    if (total > wordLength || (i > 0 && cpStart < (pieces[i - 1] as Piece).cpEnd)) damaged('文本片段表无效');
    const raw = u32(table, o + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const at = compressed ? (raw & 0x3fffffff) / 2 : raw;
    if (cpEnd < cpStart) damaged('文本片段顺序错乱');
    if (at + (cpEnd - cpStart) * (compressed ? 1 : 2) > wordLength) damaged('文本片段超出文件范围');
    pieces.push({ cpStart, cpEnd, fc: Math.floor(at), compressed });
  }
  return pieces;
}

const utf16 = new TextDecoder('utf-16le');
const cp1252 = new TextDecoder('windows-1252');

// ---------------------------------------------------------------------------------------------
// Text → nodes

type Item = string | TableBuild;

interface CellBuild {
  items: Item[];
}

interface RowBuild {
  cells: CellBuild[];
  def: RowDef | undefined;
}

interface TableBuild {
  rows: RowBuild[];
}

/** A nested table as text: its rows on lines, cells separated by tabs. */
function flattenTable(table: TableBuild): string {
  return table.rows
    .map((row) => row.cells.map((cell) => cellText(cell).replace(/\s*\n\s*/g, ' ')).join('\t'))
    .join('\n');
}

/** A cell's paragraphs joined by line breaks; a nested table is flattened into it, as in docx.ts. */
function cellText(cell: CellBuild): string {
  return cell.items
    .map((item) => (typeof item === 'string' ? item : flattenTable(item)))
    .join('\n')
    .trim();
}

/**
 * Grid positions from the rows' cell boundaries: the boundaries of all rows, snapped together
 * within SNAP_TWIPS, are the grid's column lines. Rows without a usable definition (cell count
 * differs from the marks found) number their cells left to right.
 */
function buildTable(table: TableBuild, index: number): Table {
  const usable = (row: RowBuild): RowDef | undefined =>
    row.def && row.def.centers.length === row.cells.length + 1 ? row.def : undefined;
  const lines: number[] = [];
  for (const row of table.rows) lines.push(...(usable(row)?.centers ?? []));
  lines.sort((a, b) => a - b);
  const snapped: number[] = [];
  for (const x of lines) {
    if (snapped.length === 0 || x - (snapped[snapped.length - 1] as number) > SNAP_TWIPS) snapped.push(x);
  }
  /** The grid line nearest to x. */
  const column = (x: number): number => {
    let lo = 0;
    let hi = snapped.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((snapped[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && x - (snapped[lo - 1] as number) <= (snapped[lo] as number) - x ? lo - 1 : lo;
  };
  interface Origin {
    text: string;
    row: number;
    column: number;
    rowSpan: number;
    colSpan: number;
  }
  const open = new Map<number, Origin>();
  const grid: Origin[][] = table.rows.map((row, r) => {
    const out: Origin[] = [];
    const def = usable(row);
    row.cells.forEach((cell, k) => {
      const text = cellText(cell);
      const start = def ? column(def.centers[k] as number) : k;
      const end = def ? column(def.centers[k + 1] as number) : k + 1;
      const previous = out[out.length - 1];
      if (def && (def.horz[k] ?? 0) >= 2 && previous) {
        previous.colSpan = Math.max(previous.colSpan, end - previous.column);
        if (text !== '') previous.text = `${previous.text}\n${text}`.trim();
        return;
      }
      const vert = def ? (def.vert[k] ?? 0) : 0;
      if (vert === 1) {
        const above = open.get(start);
        if (above && above.row + above.rowSpan === r) {
          above.rowSpan += 1;
          return;
        }
      }
      const origin: Origin = { text, row: r, column: start, rowSpan: 1, colSpan: Math.max(1, end - start) };
      out.push(origin);
      if (vert === 0) open.delete(start);
      else open.set(start, origin);
    });
    return out;
  });
  const rows: TableCell[][] = grid.map((row) =>
    row.map((cell) => ({ ...cell, at: { table: index, row: cell.row, column: cell.column } })),
  );
  return { kind: 'table', rows, at: { table: index } };
}

interface Emitter {
  nodes: DocumentNode[];
  line: number;
  table: number;
}

/** A 1×1 table holding a table is a frame around content: read what it holds as body (see docx.ts). */
function emitItems(items: readonly Item[], out: Emitter): void {
  for (const item of items) {
    if (typeof item === 'string') {
      out.line += 1;
      if (item.trim() !== '') out.nodes.push({ kind: 'line', text: item, at: { line: out.line } });
      continue;
    }
    const cells = item.rows.flatMap((row) => row.cells);
    const only = cells[0];
    if (cells.length === 1 && only && only.items.some((x) => typeof x !== 'string')) {
      emitItems(only.items, out);
      continue;
    }
    out.nodes.push(buildTable(item, out.table));
    out.table += 1;
  }
}

/** Characters of the text as they read, with Word's control characters resolved. */
function cleanChar(code: number): string {
  switch (code) {
    case 0x09:
      return '\t';
    case 0x0b:
      return '\n'; // line break inside a paragraph
    case 0x1e:
      return '-'; // non-breaking hyphen
    default:
      return code < 0x20 ? '' : String.fromCharCode(code);
  }
}

interface Extracted {
  nodes: DocumentNode[];
  tablesWithoutRows: number;
}

function extractWord(cfb: CompoundFile): Extracted {
  const word = cfb.stream('WordDocument') as Uint8Array;
  if (word.length < 0x22) damaged('文件信息块不完整');
  const ident = u16(word, 0);
  const flags = u16(word, 0x0a);
  if (flags & 0x0100) throw new ParseError('encrypted', '');
  if (ident === 0xa5dc) throw new ParseError('unsupported', '');
  if (ident !== 0xa5ec) damaged('不是 Word 97–2003 文档');

  // FIB: FibBase (32 bytes), then three variable-length arrays, each after its count.
  const csw = u16(word, 0x20);
  const rgLw = 0x22 + csw * 2 + 2;
  const cslw = u16(word, rgLw - 2);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const cbRgFcLcb = u16(word, rgFcLcb - 2);
  const ccp = (i: number): number => (i < cslw ? u32(word, rgLw + i * 4) : 0);
  const fcLcb = (i: number): [number, number] =>
    i < cbRgFcLcb ? [u32(word, rgFcLcb + i * 8), u32(word, rgFcLcb + i * 8 + 4)] : [0, 0];
  const ccpText = ccp(3);

  const table = cfb.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) damaged('找不到表格流（0Table/1Table）');
  const tableStream = table as Uint8Array;
  let dataStream: Uint8Array | undefined | null = null;
  const data = (): Uint8Array | undefined => {
    if (dataStream === null) dataStream = cfb.stream('Data');
    return dataStream;
  };

  const pieces = readPieces(tableStream, ...fcLcb(33), word.length);
  const paragraphs = paragraphRuns(word, tableStream, ...fcLcb(13), data);
  const removed = removedRuns(word, tableStream, ...fcLcb(12));

  /** Calls `each` with every character of the CP range, its FC and CP, skipping field instructions and removed text. */
  const walk = (from: number, to: number, each: (code: number, fc: number, cp: number) => void): void => {
    const fields: boolean[] = [];
    let inInstruction = 0;
    for (const piece of pieces) {
      if (piece.cpEnd <= from || piece.cpStart >= to) continue;
      const first = Math.max(from, piece.cpStart) - piece.cpStart;
      const last = Math.min(to, piece.cpEnd) - piece.cpStart;
      const width = piece.compressed ? 1 : 2;
      const raw = word.subarray(piece.fc + first * width, piece.fc + last * width);
      const chars = (piece.compressed ? cp1252 : utf16).decode(raw);
      if (chars.length !== last - first) damaged('文本片段无法解码');
      for (let k = 0; k < chars.length; k += 1) {
        const code = chars.charCodeAt(k);
        const fc = piece.fc + (first + k) * width;
        if (code === 0x13) {
          fields.push(false);
          inInstruction += 1;
        } else if (code === 0x14) {
          if (fields.length > 0 && !fields[fields.length - 1]) {
            fields[fields.length - 1] = true;
            inInstruction -= 1;
          }
        } else if (code === 0x15) {
          if (fields.length > 0 && fields.pop() === false) inInstruction -= 1;
        } else if (code === 0x0d || code === 0x07 || code === 0x0c) {
          each(code, fc, piece.cpStart + first + k);
        } else if (inInstruction === 0 && !(removed.length > 0 && findRun(removed, fc))) {
          each(code, fc, piece.cpStart + first + k);
        }
      }
    }
  };

  const boxes = textBoxes(word, tableStream, fcLcb, ccp, walk);

  const body: Item[] = [];
  let tablesWithoutRows = 0;
  let text: string[] = [];
  /** Text boxes anchored in the current paragraph, read after it. */
  let anchored: string[] = [];
  let rows: RowBuild[] = [];
  let row: CellBuild[] = [];
  let cell: CellBuild = { items: [] };
  let nestedRows: RowBuild[] = [];
  let nestedRow: CellBuild[] = [];
  let nestedCell: string[] = [];

  const closeNested = (): void => {
    if (nestedCell.length > 0) nestedRow.push({ items: nestedCell });
    if (nestedRow.length > 0) nestedRows.push({ cells: nestedRow, def: undefined });
    if (nestedRows.length > 0) cell.items.push({ rows: nestedRows });
    nestedRows = [];
    nestedRow = [];
    nestedCell = [];
  };

  const closeTable = (): void => {
    closeNested();
    if (cell.items.length > 0) row.push(cell);
    cell = { items: [] };
    if (rows.length > 0) body.push({ rows });
    rows = [];
    if (row.length > 0) {
      // Cells with no row end (their row marks could not be read): one tab-separated line,
      // which the reader reads as table rows are.
      body.push(row.map(cellText).join('\t'));
      tablesWithoutRows += 1;
    }
    row = [];
  };

  const paragraphEnd = (code: number, fc: number): void => {
    const content = text.join('');
    const boxed = anchored;
    text = [];
    anchored = [];
    const props = findRun(paragraphs, fc);
    const depth = props ? Math.max(props.depth, props.inTable ? 1 : 0) : 0;
    if (depth === 0 && code !== 0x07) {
      closeTable();
      body.push(content, ...boxed);
      return;
    }
    if (depth > 1 && props) {
      if (props.innerTtp) {
        if (nestedCell.length > 0) nestedRow.push({ items: nestedCell });
        nestedRows.push({ cells: nestedRow, def: props.row });
        nestedRow = [];
        nestedCell = [];
      } else {
        nestedCell.push(content, ...boxed);
        if (props.innerCell && depth === 2) {
          nestedRow.push({ items: nestedCell });
          nestedCell = [];
        }
      }
      return;
    }
    closeNested();
    if (code === 0x07 && props?.ttp) {
      rows.push({ cells: row, def: props.row });
      row = [];
      return;
    }
    cell.items.push(content, ...boxed);
    if (code === 0x07) {
      row.push(cell);
      cell = { items: [] };
    }
  };

  walk(0, ccpText, (code, fc, cp) => {
    if (code === 0x0d || code === 0x07 || code === 0x0c) paragraphEnd(code, fc);
    else {
      const box = boxes.get(cp);
      if (box) anchored.push(...box);
      text.push(cleanChar(code));
    }
  });
  if (text.length > 0 || anchored.length > 0) paragraphEnd(0x0d, -1);
  closeTable();
  const out: Emitter = { nodes: [], line: 0, table: 0 };
  emitItems(body, out);
  return { nodes: out.nodes, tablesWithoutRows };
}

/**
 * Text boxes of the main text by the CP of their anchor: PlcSpaMom lists the shapes anchored
 * in the main text (CP, shape id), PlcftxbxTxt the text box stories (CP range in the text box
 * document, id of the shape showing it). A story's paragraphs are read after the paragraph that
 * anchors its shape, as for DOCX.
 */
function textBoxes(
  word: Uint8Array,
  table: Uint8Array,
  fcLcb: (i: number) => [number, number],
  ccp: (i: number) => number,
  walk: (from: number, to: number, each: (code: number, fc: number, cp: number) => void) => void,
): Map<number, string[]> {
  const anchors = new Map<number, string[]>();
  const [fcSpa, lcbSpa] = fcLcb(40);
  const [fcTxbx, lcbTxbx] = fcLcb(56);
  if (lcbSpa < 30 || lcbTxbx < 26 || (lcbSpa - 4) % 30 !== 0 || (lcbTxbx - 4) % 26 !== 0) return anchors;
  // Stories of the text box document, which follows the main text, footnotes, headers,
  // comments and endnotes.
  const base = ccp(3) + ccp(4) + ccp(5) + ccp(7) + ccp(8);
  const stories = new Map<number, string[]>();
  const count = (lcbTxbx - 4) / 26;
  for (let i = 0; i < count; i += 1) {
    const from = base + u32(table, fcTxbx + i * 4);
    const to = base + u32(table, fcTxbx + (i + 1) * 4);
    const ftxbxs = fcTxbx + (count + 1) * 4 + i * 22;
    if (u16(table, ftxbxs + 8) !== 0 || to <= from || to > base + ccp(9)) continue; // reusable (empty) slot
    const lines: string[] = [];
    let current: string[] = [];
    walk(from, to, (code) => {
      if (code === 0x0d || code === 0x07 || code === 0x0c) {
        lines.push(current.join(''));
        current = [];
      } else current.push(cleanChar(code));
    });
    if (current.length > 0) lines.push(current.join(''));
    stories.set(u32(table, ftxbxs + 14), lines);
  }
  const shapes = (lcbSpa - 4) / 30;
  for (let i = 0; i < shapes; i += 1) {
    const cp = u32(table, fcSpa + i * 4);
    const lines = stories.get(u32(table, fcSpa + (shapes + 1) * 4 + i * 26));
    if (lines && lines.length > 0) anchors.set(cp, lines);
  }
  return anchors;
}

export const extractDoc: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    throw new ParseError('too-large', `文件过大（${bytes.length} 字节），超过 ${limits.maxBytes} 字节的上限`, file);
  }
  try {
    const cfb = new CompoundFile(bytes);
    if (cfb.streams.has('EncryptedPackage') || cfb.streams.has('EncryptionInfo')) {
      throw new ParseError('encrypted', '文件已加密（设置了打开密码），请提供未加密的文件', file);
    }
    if (!cfb.streams.has('WordDocument')) {
      const kind =
        cfb.streams.has('Workbook') || cfb.streams.has('Book')
          ? 'Excel 工作簿'
          : cfb.streams.has('PowerPoint Document')
            ? 'PowerPoint 演示文稿'
            : undefined;
      throw new ParseError(
        'unsupported',
        kind ? `这是${kind}，不是 Word 文档` : '这个 OLE 复合文件不是 Word 文档',
        file,
      );
    }
    let extracted: Extracted;
    try {
      extracted = extractWord(cfb);
    } catch (error) {
      if (error instanceof ParseError && error.code === 'encrypted') {
        throw new ParseError('encrypted', 'Word 文档已加密（设置了打开密码），请提供未加密的文件', file);
      }
      if (error instanceof ParseError && error.code === 'unsupported') {
        throw new ParseError(
          'unsupported',
          '这是 Word 6.0/95 格式的旧文档，请用 Word 或 WPS 另存为 DOCX 后再读取',
          file,
        );
      }
      throw error;
    }
    const messages =
      extracted.tablesWithoutRows > 0
        ? [
            {
              rule: 'doc-table-rows',
              severity: 'warning' as const,
              message: `有 ${extracted.tablesWithoutRows} 处表格读不出行的边界，其单元格按制表符分隔的一行读取`,
            },
          ]
        : [];
    return { source: 'doc', nodes: extracted.nodes, messages };
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (error instanceof Damaged)
      throw new ParseError('corrupt', `DOC 文件已损坏或不完整（${error.message}），无法读取`, file);
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new ParseError('corrupt', 'DOC 文件已损坏或不完整，无法读取', file);
    }
    throw error;
  }
};
