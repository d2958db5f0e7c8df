import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
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
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(3.7 * TWIPS_PER_CM),
  bottom: Math.round(3.5 * TWIPS_PER_CM),
  left: Math.round(2.8 * TWIPS_PER_CM),
  right: Math.round(2.6 * TWIPS_PER_CM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const LATIN = 'Times New Roman';
function font(eastAsia: string): IRunOptions['font'] {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN };
}
const BODY = { font: font('仿宋_GB2312'), size: 32 } as const;
const TITLE = { font: font('方正小标宋简体'), size: 44 } as const;
const HEADING = { font: font('黑体'), size: 32 } as const;
const SUBHEADING = { font: font('楷体_GB2312'), size: 32 } as const;
const TABLE_TEXT = { font: font('宋体'), size: 21 } as const;
const SMALL_TABLE_TEXT = { font: font('宋体'), size: 18 } as const;
const FIXED_LINE = { line: 560, lineRule: 'exact' } as const;

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

function table(report: Report, layout: LayoutTable): Table {
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
            const content = cell.cellId !== undefined ? displayValue(report, cell.cellId) : (cell.text ?? '');
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

function block(report: Report, item: ReportBlock): (Paragraph | Table)[] {
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
