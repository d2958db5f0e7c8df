import {
  AlignmentType,
  Document,
  FileChild,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IContext,
  type IRunOptions,
  type IXmlableObject,
} from 'docx';
import { displayValue, reportView, type ReportBlock } from '../layout/report-view.js';
import type { LayoutTable } from '../layout/tables.js';
import type { ProseSection, Report } from '../model/schema.js';

/*
 * Page and type follow GB/T 9704 (党政机关公文格式), which officers expect of a published report:
 * A4; margins top 3.7 cm, bottom 3.5 cm, left 2.8 cm, right 2.6 cm; title in 二号 方正小标宋;
 * body in 三号 仿宋_GB2312 at a fixed 28 pt line; first-level headings in 黑体, second-level in
 * 楷体; tables in 五号 宋体. Word and WPS on government machines have these fonts; LibreOffice
 * substitutes its own CJK fonts.
 */
const TWIPS_PER_CM = 567;
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = {
  top: Math.round(3.7 * TWIPS_PER_CM),
  bottom: Math.round(3.5 * TWIPS_PER_CM),
  left: Math.round(2.8 * TWIPS_PER_CM),
  right: Math.round(2.6 * TWIPS_PER_CM),
};
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const LATIN = 'Times New Roman';
function font(eastAsia: string): IRunOptions['font'] {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN };
}
export const BODY = { font: font('仿宋_GB2312'), size: 32 } as const;
export const TITLE = { font: font('方正小标宋简体'), size: 44 } as const;
const HEADING = { font: font('黑体'), size: 32 } as const;
const SUBHEADING = { font: font('楷体_GB2312'), size: 32 } as const;
export const TABLE_TEXT = { font: font('宋体'), size: 21 } as const;
const SMALL_TABLE_TEXT = { font: font('宋体'), size: 18 } as const;
export const FIXED_LINE = { line: 560, lineRule: 'exact' } as const;

function bodyParagraph(text: string, run: IRunOptions = BODY): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, ...run })],
    indent: { firstLine: 640 },
    spacing: FIXED_LINE,
    alignment: AlignmentType.JUSTIFIED,
  });
}

function prose(section: ProseSection): Paragraph[] {
  return [
    ...section.paragraphs.map((p) => bodyParagraph(p)),
    ...section.subsections.flatMap((sub) => [
      bodyParagraph(sub.heading, SUBHEADING),
      ...sub.paragraphs.map((p) => bodyParagraph(p)),
    ]),
  ];
}

/** The docx table of a layout, with `value(cellId)` printed in each value cell. */
function buildTable(layout: LayoutTable, value: (cellId: string) => string): Table {
  const total = layout.widths.reduce((a, b) => a + b, 0);
  const columnWidths = layout.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const text = layout.widths.length > 10 ? SMALL_TABLE_TEXT : TABLE_TEXT;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: layout.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < layout.headerRows,
          cantSplit: true,
          children: row.map((cell) => {
            const content = cell.cellId !== undefined ? value(cell.cellId) : (cell.text ?? '');
            return new TableCell({
              ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              verticalAlign: VerticalAlignTable.CENTER,
              margins: { left: 40, right: 40 },
              children: [
                new Paragraph({
                  alignment: cell.alignLeft ? AlignmentType.LEFT : AlignmentType.CENTER,
                  children: [new TextRun({ text: content, ...text })],
                }),
              ],
            });
          }),
        }),
    ),
  });
}

/*
 * The tables' XML, built once. A table of the national format is the same in every report but
 * for the values in it, and building its ~300 cells as docx components and turning them into
 * XML was most of the time of a DOCX. So each table layout is built once as a docx Table with a
 * placeholder in each value cell, docx turns it into its XML (the object form of the XML that
 * docx then writes out, with all else in the document), and each report's table is that XML with
 * the report's values in place of the placeholders: the very XML that building the table anew
 * gives, as a value is plain text in a text element either way, and nothing else in a table's
 * XML depends on the document it is in (its widths are in twips; it has no images, links or
 * lists, which would add to the document's other parts). The table is handed to docx as a
 * FileChild whose `prepForXml` gives that XML, which is how docx's components, and those one
 * makes oneself (its documented extension point), give theirs.
 *
 * Only the elements on the way to a value are copied for each report; the rest of the XML is
 * shared by all documents, and frozen: docx writes XML out without changing it (it changes a
 * document's XML only to fill in a table of contents or page numbers, which these documents do
 * not have), and if a later docx did, it would fail loudly rather than change other documents.
 */

/** The placeholder of a value cell: its cell ID between characters of Unicode's private use area. */
const PLACEHOLDER = '\uE000';
const placeholder = (cellId: string) => `${PLACEHOLDER}${cellId}${PLACEHOLDER}`;
const placeholderId = (text: string) =>
  text.length > 2 && text.startsWith(PLACEHOLDER) && text.endsWith(PLACEHOLDER) ? text.slice(1, -1) : undefined;

interface TableTemplate {
  readonly xml: IXmlableObject;
  /** The arrays and objects of the XML that hold a placeholder, deep down; all else is frozen. */
  readonly holders: WeakSet<object>;
}

function template(xml: IXmlableObject): TableTemplate {
  const holders = new WeakSet<object>();
  const visit = (node: unknown): boolean => {
    if (typeof node === 'string') return placeholderId(node) !== undefined;
    if (node === null || typeof node !== 'object') return false;
    let holds = false;
    for (const item of Object.values(node)) if (visit(item)) holds = true;
    if (holds) holders.add(node);
    else Object.freeze(node);
    return holds;
  };
  visit(xml);
  return { xml, holders };
}

/** The template's XML with `value(cellId)` in place of each placeholder. */
function fill({ xml, holders }: TableTemplate, value: (cellId: string) => string): IXmlableObject {
  const copy = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const cellId = placeholderId(node);
      return cellId === undefined ? node : value(cellId);
    }
    if (node === null || typeof node !== 'object' || !holders.has(node)) return node;
    if (Array.isArray(node)) return node.map(copy);
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(node)) result[key] = copy((node as Record<string, unknown>)[key]);
    return result;
  };
  return copy(xml) as IXmlableObject;
}

/** Each table layout's template, made in the first document that has the table. */
const templates = new WeakMap<LayoutTable, TableTemplate>();

class LayoutTableXml extends FileChild {
  constructor(
    private readonly layout: LayoutTable,
    private readonly value: (cellId: string) => string,
  ) {
    super('w:tbl');
  }

  override prepForXml(context: IContext): IXmlableObject {
    let made = templates.get(this.layout);
    if (!made) {
      const xml = buildTable(this.layout, placeholder).prepForXml(context);
      if (!xml) throw new Error(`docx gave no XML for table ${this.layout.id}`);
      made = template(xml);
      templates.set(this.layout, made);
    }
    return fill(made, this.value);
  }
}

function table(report: Report, layout: LayoutTable): FileChild {
  return new LayoutTableXml(layout, (cellId) => displayValue(report, cellId));
}

function block(report: Report, item: ReportBlock): FileChild[] {
  const heading = new Paragraph({
    children: [new TextRun({ text: item.title, ...HEADING })],
    indent: { firstLine: 640 },
    spacing: FIXED_LINE,
  });
  if (item.kind === 'prose') return [heading, ...prose(item.section)];
  return item.table ? [heading, table(report, item.table), new Paragraph({})] : [heading];
}

/** The report as a Word document (DOCX) with the tables' real merged cells. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const view = reportView(report);
  const doc = new Document({
    creator: 'xxgk',
    title: view.title,
    description: `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`,
    styles: { default: { document: { run: BODY } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: view.title, ...TITLE })],
          }),
          ...view.blocks.flatMap((item) => block(report, item)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
