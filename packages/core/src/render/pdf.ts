import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import { displayValue, reportView, type ReportBlock } from '../layout/report-view.js';
import { layoutGrid, type LayoutTable } from '../layout/tables.js';
import type { ProseSection, Report } from '../model/schema.js';
import { fontSource } from './pdf-font-cache.js';

/** Font files for the PDF: a CJK font, embedded as a subset so every glyph is in the file. */
export interface PdfFonts {
  readonly regular: Uint8Array;
  /** PostScript name of the face inside a font collection (.ttc), e.g. NotoSerifCJKsc-Regular. */
  readonly regularFace?: string;
  readonly bold?: Uint8Array;
  readonly boldFace?: string;
}

/** The parts of pdfmake's Node build that its type definitions leave out. */
interface PdfmakeRuntime {
  readonly virtualfs: { writeFileSync(name: string, data: Uint8Array): void; existsSync(name: string): boolean };
}

const runtime = pdfmake as unknown as PdfmakeRuntime & typeof pdfmake;
type DocumentDefinition = Parameters<typeof pdfmake.createPdf>[0];
/** pdfmake reads `[file, face]` for a face of a collection, which its typings do not list. */
type FontDictionary = Parameters<typeof pdfmake.setFonts>[0];
// The core does no I/O: fonts come in as bytes, and pdfmake may fetch or read nothing.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

const fontNames = new WeakMap<Uint8Array, Map<string, string>>();
let fontCount = 0;

/**
 * The font (a face of a collection, if given) in pdfmake's in-memory file system, registered once
 * under a name of its own, and described as pdfmake reads it: `file` or `[file, face]`.
 */
function fontDescriptor(bytes: Uint8Array, faceOption: string | undefined): string | [string, string] {
  const face = faceOption || undefined;
  let names = fontNames.get(bytes);
  if (!names) {
    names = new Map();
    fontNames.set(bytes, names);
  }
  let name = names.get(face ?? '');
  if (!name) {
    fontCount += 1;
    name = `xxgk-font-${fontCount}`;
    runtime.virtualfs.writeFileSync(name, fontSource(bytes, face));
    names.set(face ?? '', name);
  }
  return face ? [name, face] : name;
}

const BODY_SIZE = 12;

function prose(section: ProseSection): Content[] {
  const paragraph = (text: string): Content => ({ text, style: 'body' });
  return [
    ...section.paragraphs.map(paragraph),
    ...section.subsections.flatMap((sub) => [
      { text: sub.heading, style: 'subheading' } as Content,
      ...sub.paragraphs.map(paragraph),
    ]),
  ];
}

function table(report: Report, layout: LayoutTable): Content {
  const width = layout.widths.length;
  // pdfmake wants a full grid: a spanned-over position holds an empty placeholder.
  const grid: TableCell[][] = layoutGrid(layout).map((row) =>
    row.map((slot): TableCell => {
      if (slot.kind === 'covered') return {};
      const { cell } = slot;
      return {
        text: cell.cellId !== undefined ? displayValue(report, cell.cellId) : (cell.text ?? ''),
        rowSpan: cell.rowSpan ?? 1,
        colSpan: cell.colSpan ?? 1,
        alignment: cell.alignLeft ? 'left' : 'center',
      };
    }),
  );
  const total = layout.widths.reduce((a, b) => a + b, 0);
  return {
    style: width > 10 ? 'smallTable' : 'table',
    table: {
      headerRows: layout.headerRows,
      dontBreakRows: true,
      widths: layout.widths.map((w) => `${((w / total) * 100).toFixed(3)}%`),
      body: grid,
    },
  };
}

function block(report: Report, item: ReportBlock): Content[] {
  const heading: Content = { text: item.title, style: 'heading' };
  if (item.kind === 'prose') return [heading, ...prose(item.section)];
  return item.table ? [heading, table(report, item.table)] : [heading];
}

/** The report as an A4 PDF with its CJK font embedded. */
export async function renderPdf(report: Report, fonts: PdfFonts): Promise<Uint8Array> {
  const view = reportView(report);
  const regular = fontDescriptor(fonts.regular, fonts.regularFace);
  const bold = fonts.bold ? fontDescriptor(fonts.bold, fonts.boldFace) : regular;
  // A fresh descriptor each time: pdfmake replaces the file name in it by the font's bytes.
  const dictionary = { Report: { normal: structuredClone(regular), bold: structuredClone(bold) } };
  pdfmake.setFonts(dictionary as unknown as FontDictionary);
  const definition: DocumentDefinition = {
    pageSize: 'A4',
    // 3.7 cm top, 2.6 cm right, 3.5 cm bottom, 2.8 cm left (GB/T 9704), in points.
    pageMargins: [79, 105, 74, 99],
    info: { title: view.title, creator: 'xxgk', producer: 'xxgk', subject: '政府信息公开工作年度报告' },
    defaultStyle: { font: 'Report', fontSize: BODY_SIZE, lineHeight: 1.5 },
    styles: {
      title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 0, 0, 16] },
      heading: { fontSize: 14, bold: true, margin: [0, 10, 0, 4] },
      subheading: { fontSize: BODY_SIZE, bold: true, margin: [24, 4, 0, 0] },
      body: { leadingIndent: 24, alignment: 'justify' },
      table: { fontSize: 9, lineHeight: 1.15, margin: [0, 4, 0, 8] },
      smallTable: { fontSize: 7.5, lineHeight: 1.1, margin: [0, 4, 0, 8] },
    },
    footer: (page: number, pages: number) => ({ text: `— ${page} / ${pages} —`, alignment: 'center', fontSize: 9 }),
    content: [{ text: view.title, style: 'title' }, ...view.blocks.flatMap((item) => block(report, item))],
  };
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
