import { E, type CellBuilder, type Container, type ParagraphBuilder, type TableBuilder } from './elements.js';
import type { ListCounter } from './numbering.js';
import { attribute, clamp, isOn, toInt } from './xml.js';

/** A bound on gridSpan/gridBefore values (Word allows 63 columns), so that a damaged file cannot ask for millions. */
const MAX_SPAN = 64;
/** Tables nested deeper than this are refused as damage (Word's own limit is far lower in practice). */
const MAX_TABLE_DEPTH = 64;

/** The names of the attributes read, with the document's WordprocessingML prefix. */
export interface AttributeNames {
  readonly val: string;
  readonly width: string;
  readonly fldCharType: string;
}

const top = <T>(stack: T[]): T | undefined => stack[stack.length - 1];

/**
 * Builds the body's paragraphs and tables from the elements the scanner reports, start tag by
 * end tag: the state of open paragraphs, runs, fields, tables, cells, text boxes and
 * alternate-content branches.
 */
export class BodyBuilder {
  readonly body: Container = { items: [] };
  altChunks = 0;
  /** Inside a w:t whose text counts: the scanner hands its character data to `text`. */
  inText = false;
  private readonly containers: Container[] = [this.body];
  private readonly paragraphs: ParagraphBuilder[] = [];
  private readonly tables: TableBuilder[] = [];
  private readonly cells: CellBuilder[] = [];
  /** For each open mc:AlternateContent, whether one of its branches has been read. */
  private readonly alternates: boolean[] = [];
  /** Open complex fields: true once past their separator (showing the result). */
  private readonly fields: boolean[] = [];
  private fieldsInInstruction = 0;

  constructor(
    private readonly names: AttributeNames,
    private readonly lists?: ListCounter,
  ) {}

  /** Character data of the current paragraph. */
  text(text: string): void {
    top(this.paragraphs)?.parts.push(text);
  }

  private container(): Container {
    return top(this.containers) as Container;
  }

  /** Handles a start tag; returns false when the element's content is to be skipped. */
  open(code: E, tag: string, selfClosing: boolean): boolean {
    switch (code) {
      case E.Skip:
        return false;
      case E.Tbl:
      case E.GridCol:
      case E.Tr:
      case E.GridBefore:
      case E.GridAfter:
      case E.Tc:
      case E.GridSpan:
      case E.VMerge:
      case E.HMerge:
        this.openTablePart(code, tag, selfClosing);
        return true;
      case E.TxbxContent:
      case E.AltContent:
      case E.Choice:
      case E.Fallback:
      case E.AltChunk:
        return this.openContent(code, selfClosing);
      default:
        this.openParagraphPart(code, tag, selfClosing);
        return true;
    }
  }

  private openParagraphPart(code: E, tag: string, selfClosing: boolean): void {
    const paragraph = top(this.paragraphs);
    switch (code) {
      case E.P:
        if (!selfClosing) {
          this.paragraphs.push({ parts: [], anchored: [], inRun: false, inRunProps: false, hidden: false });
        } else this.container().items.push('');
        return;
      case E.R:
        if (paragraph && !selfClosing) {
          paragraph.inRun = true;
          paragraph.hidden = false;
        }
        return;
      case E.RPr:
        if (paragraph?.inRun && !selfClosing) paragraph.inRunProps = true;
        return;
      case E.Vanish:
        if (paragraph?.inRunProps && isOn(attribute(tag, this.names.val))) paragraph.hidden = true;
        return;
      case E.T:
        if (!selfClosing && paragraph?.inRun && !paragraph.hidden && this.fieldsInInstruction === 0) this.inText = true;
        return;
      case E.Tab:
      case E.Br:
      case E.NoBreakHyphen:
        if (paragraph?.inRun && !paragraph.inRunProps && !paragraph.hidden && this.fieldsInInstruction === 0) {
          paragraph.parts.push(code === E.Tab ? '\t' : code === E.Br ? '\n' : '-');
        }
        return;
      case E.FldChar:
        this.fieldChar(attribute(tag, this.names.fldCharType));
        return;
      case E.PStyle:
      case E.NumId:
      case E.Ilvl:
        // Paragraph properties only (the same names in a run's properties mean nothing here).
        if (paragraph && !paragraph.inRun) {
          const value = attribute(tag, this.names.val);
          if (code === E.PStyle) paragraph.style = value;
          else if (code === E.NumId) paragraph.numId = value;
          else paragraph.ilvl = toInt(value, 0);
        }
        return;
      default:
        return;
    }
  }

  private fieldChar(type: string | undefined): void {
    const fields = this.fields;
    if (type === 'begin') {
      fields.push(false);
      this.fieldsInInstruction += 1;
    } else if (type === 'separate') {
      if (fields.length > 0 && fields[fields.length - 1] === false) {
        fields[fields.length - 1] = true;
        this.fieldsInInstruction -= 1;
      }
    } else if (type === 'end') {
      if (fields.length > 0 && fields.pop() === false) this.fieldsInInstruction -= 1;
    }
  }

  private openTablePart(code: E, tag: string, selfClosing: boolean): void {
    const tables = this.tables;
    const cell = top(this.cells);
    switch (code) {
      case E.Tbl:
        if (!selfClosing) {
          if (tables.length >= MAX_TABLE_DEPTH) throw new Error('表格嵌套过深');
          tables.push({ grid: [], rows: [] });
        }
        return;
      case E.GridCol:
        top(tables)?.grid.push(toInt(attribute(tag, this.names.width), NaN));
        return;
      case E.Tr:
        if (!selfClosing) top(tables)?.rows.push({ cells: [], before: 0 });
        return;
      case E.GridBefore:
      case E.GridAfter: {
        // gridAfter only pads the row's end, which no origin cell's position depends on.
        const row = top(top(tables)?.rows ?? []);
        if (row && code === E.GridBefore) row.before = clamp(toInt(attribute(tag, this.names.val), 0), 0, MAX_SPAN);
        return;
      }
      case E.Tc:
        if (!selfClosing) {
          const opened: CellBuilder = { items: [], span: 1, vMerge: 'none', hMergeContinue: false };
          this.cells.push(opened);
          this.containers.push(opened);
        } else top(top(tables)?.rows ?? [])?.cells.push({ items: [], span: 1, vMerge: 'none', hMergeContinue: false });
        return;
      case E.GridSpan:
        if (cell) cell.span = clamp(toInt(attribute(tag, this.names.val), 1), 1, MAX_SPAN);
        return;
      case E.VMerge:
        if (cell) cell.vMerge = attribute(tag, this.names.val) === 'restart' ? 'restart' : 'continue';
        return;
      case E.HMerge:
        if (cell) cell.hMergeContinue = attribute(tag, this.names.val) !== 'restart';
        return;
      default:
        return;
    }
  }

  private openContent(code: E, selfClosing: boolean): boolean {
    const alternates = this.alternates;
    switch (code) {
      case E.TxbxContent:
        if (!selfClosing) this.containers.push({ items: [] });
        return true;
      case E.AltContent:
        if (!selfClosing) alternates.push(false);
        return true;
      case E.Choice:
      case E.Fallback:
        // Read the first branch only: the Choice (DrawingML) and Fallback (VML) of a text box
        // hold the same paragraphs.
        if (alternates.length === 0) return true;
        if (alternates[alternates.length - 1]) return false;
        alternates[alternates.length - 1] = true;
        return true;
      case E.AltChunk:
        this.altChunks += 1;
        return true;
      default:
        return true;
    }
  }

  /** Handles an end tag. */
  close(code: E): void {
    const paragraph = top(this.paragraphs);
    switch (code) {
      case E.T:
        this.inText = false;
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
        const done = this.paragraphs.pop();
        if (!done) return;
        const items = this.container().items;
        const number = this.lists?.next(done.numId, done.ilvl, done.style) ?? '';
        const text = done.parts.join('');
        // Word puts a tab after the number; a space after a Latin one ("1. "), nothing after "一、".
        items.push(number === '' ? text : `${number}${/[\w.)]$/.test(number) ? ' ' : ''}${text}`);
        for (const item of done.anchored) items.push(item);
        return;
      }
      case E.Tbl: {
        const table = this.tables.pop();
        if (table) this.container().items.push(table);
        return;
      }
      case E.Tc: {
        const cell = this.cells.pop();
        this.containers.pop();
        if (cell) top(top(this.tables)?.rows ?? [])?.cells.push(cell);
        return;
      }
      case E.TxbxContent: {
        const box = this.containers.pop();
        if (!box) return;
        // A text box's paragraphs belong where the box is anchored: after its paragraph.
        const anchor = top(this.paragraphs);
        if (anchor) anchor.anchored.push(...box.items);
        else this.container().items.push(...box.items);
        return;
      }
      case E.AltContent:
        this.alternates.pop();
        return;
      default:
        return;
    }
  }
}
