import { damaged, i16, u16, u32, u8 } from './binary.js';

/* The Word binary's tables of pieces and of paragraph and character properties ([MS-DOC]). */

export interface Piece {
  readonly cpStart: number;
  readonly cpEnd: number;
  /** Byte offset of the piece's first character in the WordDocument stream. */
  readonly fc: number;
  readonly compressed: boolean;
}

/** One row's cell layout, from sprmTDefTable (and sprmTVertMerge). */
export interface RowDef {
  /** Cell boundaries in twips: itcMac + 1 of them. */
  readonly centers: number[];
  /** Per cell: 0 none, 1 first of a horizontal merge, 2/3 merged into the previous cell. */
  readonly horz: number[];
  /** Per cell: 0 none, 1 continues the cell above, 2/3 starts a vertical merge. */
  readonly vert: number[];
}

export interface ParagraphProps {
  inTable: boolean;
  ttp: boolean;
  depth: number;
  innerCell: boolean;
  innerTtp: boolean;
  row?: RowDef;
}

export interface Run<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

/** Calls `each(sprm, operandOffset, operandLength)` for every SPRM of a grpprl. */
export function forEachSprm(
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

export function paragraphRuns(
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
export function removedRuns(word: Uint8Array, table: Uint8Array, fc: number, lcb: number): Run<true>[] {
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

export function findRun<T>(runs: readonly Run<T>[], fc: number): T | undefined {
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

export function readPieces(table: Uint8Array, fc: number, lcb: number, wordLength: number): Piece[] {
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
