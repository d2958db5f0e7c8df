import type { DocumentNode } from '../../document.js';
import { ParseError } from '../../errors.js';
import { damaged, u16, u32 } from './binary.js';
import { BodyReader } from './body.js';
import { emitItems, type Emitter } from './cells.js';
import type { CompoundFile } from './compound-file.js';
import { findRun, paragraphRuns, readPieces, removedRuns, type Piece, type Run } from './properties.js';

const utf16 = new TextDecoder('utf-16le');
const cp1252 = new TextDecoder('windows-1252');

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

export interface Extracted {
  nodes: DocumentNode[];
  tablesWithoutRows: number;
}

type Walk = (from: number, to: number, each: (code: number, fc: number, cp: number) => void) => void;

/** The File Information Block's fields read here: the flags, the character counts and the (fc, lcb) pairs. */
function readFib(word: Uint8Array): {
  flags: number;
  ccp: (i: number) => number;
  fcLcb: (i: number) => [number, number];
} {
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
  return { flags, ccp, fcLcb };
}

/** Calls `each` with every character of the CP range, its FC and CP, skipping field instructions and removed text. */
function textWalker(word: Uint8Array, pieces: readonly Piece[], removed: readonly Run<true>[]): Walk {
  return (from, to, each) => {
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
}

export function extractWord(cfb: CompoundFile): Extracted {
  const word = cfb.stream('WordDocument') as Uint8Array;
  const { flags, ccp, fcLcb } = readFib(word);
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
  const walk = textWalker(word, pieces, removed);
  const boxes = textBoxes(word, tableStream, fcLcb, ccp, walk);

  const reader = new BodyReader();
  walk(0, ccpText, (code, fc, cp) => {
    if (code === 0x0d || code === 0x07 || code === 0x0c) reader.paragraphEnd(code, findRun(paragraphs, fc));
    else reader.char(cleanChar(code), boxes.get(cp));
  });
  if (reader.pending) reader.paragraphEnd(0x0d, findRun(paragraphs, -1));
  reader.closeTable();
  const out: Emitter = { nodes: [], line: 0, table: 0 };
  emitItems(reader.body, out);
  return { nodes: out.nodes, tablesWithoutRows: reader.tablesWithoutRows };
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
  walk: Walk,
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
