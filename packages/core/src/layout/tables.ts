import {
  S2_BLOCKS,
  S3_CARRIED_IN,
  S3_CARRIED_OUT,
  S3_COLUMNS,
  S3_NEW,
  S3_OUTCOMES_HEADING,
  S3_OUTCOME_GROUPS,
  S3_TOTAL,
  S4_COLUMNS,
  S4_GROUPS,
  TABLE_TITLES,
  outcomeRowKeys,
  type OtherRowLayout,
  type ReportFormat,
  type TableId,
} from '../model/cells.js';

/**
 * The official layout of the statutory tables as a grid with row and column spans, the one
 * shape every renderer (HTML, DOCX, PDF) draws. Rows list only the cells that start there, as
 * in HTML: a cell covered by a span from above or from the left is not repeated.
 */
export interface LayoutCell {
  /** A label printed in the cell. */
  readonly text?: string;
  /** The cell ID whose value is printed in the cell. */
  readonly cellId?: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
  /** A header or row label (drawn bold or centred), as opposed to a value. */
  readonly header?: boolean;
  /** Left-aligned label text (long row labels); headers and values are centred. */
  readonly alignLeft?: boolean;
}

export interface LayoutTable {
  readonly id: TableId;
  readonly title: string;
  /** Relative column widths; their count is the table's column count. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly LayoutCell[])[];
  /** How many rows at the top are header rows (repeated on a new page). */
  readonly headerRows: number;
}

function s2Table(format: ReportFormat): LayoutTable {
  const rows: LayoutCell[][] = [];
  for (const block of S2_BLOCKS[format]) {
    rows.push([{ text: block.item, colSpan: 4, header: true }]);
    const columns = block.rows[0]?.columns ?? [];
    const lastSpan = 4 - columns.length;
    rows.push([
      { text: '信息内容', header: true },
      ...columns.map((column, i) => ({
        text: column.label,
        header: true,
        ...(i === columns.length - 1 && lastSpan > 1 ? { colSpan: lastSpan } : {}),
      })),
    ]);
    for (const row of block.rows) {
      rows.push([
        { text: row.label, header: true },
        ...row.columns.map((column, i) => ({
          cellId: `s2.${row.key}.${column.key}`,
          ...(i === row.columns.length - 1 && lastSpan > 1 ? { colSpan: lastSpan } : {}),
        })),
      ]);
    }
  }
  return { id: 's2', title: TABLE_TITLES.s2, widths: [3, 2, 2, 2], rows, headerRows: 0 };
}

function valueCells(rowKey: string): LayoutCell[] {
  return S3_COLUMNS.map((column) => ({ cellId: `s3.${rowKey}.${column.key}` }));
}

function s3Table(format: ReportFormat, other: OtherRowLayout): LayoutTable {
  const rows: LayoutCell[][] = [
    [
      { text: '', colSpan: 3, rowSpan: 3, header: true },
      { text: '申请人情况', colSpan: 7, header: true },
    ],
    [
      { text: '自然人', rowSpan: 2, header: true },
      { text: '法人或其他组织', colSpan: 5, header: true },
      { text: '总计', rowSpan: 2, header: true },
    ],
    S3_COLUMNS.slice(1, 6).map((column) => ({ text: column.label, header: true })),
    [{ text: S3_NEW.label, colSpan: 3, header: true, alignLeft: true }, ...valueCells(S3_NEW.key)],
    [{ text: S3_CARRIED_IN.label, colSpan: 3, header: true, alignLeft: true }, ...valueCells(S3_CARRIED_IN.key)],
  ];
  const outcomeRows: LayoutCell[][] = [];
  for (const group of S3_OUTCOME_GROUPS) {
    const keys = outcomeRowKeys(group, format, other);
    if (keys.length === 1 && keys[0] === group.key) {
      outcomeRows.push([{ text: group.label, colSpan: 2, header: true, alignLeft: true }, ...valueCells(group.key)]);
      continue;
    }
    const subRows = group.subRows?.[format] ?? [];
    subRows.forEach((sub, i) => {
      const label: LayoutCell = { text: sub.label, header: true, alignLeft: true };
      const lead: LayoutCell[] =
        i === 0 ? [{ text: group.label, rowSpan: subRows.length, header: true, alignLeft: true }] : [];
      outcomeRows.push([...lead, label, ...valueCells(`${group.key}.${sub.key}`)]);
    });
  }
  outcomeRows.push([{ text: S3_TOTAL.label, colSpan: 2, header: true, alignLeft: true }, ...valueCells(S3_TOTAL.key)]);
  const first = outcomeRows[0] as LayoutCell[];
  outcomeRows[0] = [{ text: S3_OUTCOMES_HEADING, rowSpan: outcomeRows.length, header: true }, ...first];
  rows.push(...outcomeRows);
  rows.push([
    { text: S3_CARRIED_OUT.label, colSpan: 3, header: true, alignLeft: true },
    ...valueCells(S3_CARRIED_OUT.key),
  ]);
  return {
    id: 's3',
    title: TABLE_TITLES.s3,
    widths: [1.2, 1.6, 3.6, 1, 1, 1, 1, 1, 1, 1],
    rows,
    headerRows: 3,
  };
}

function s4Table(): LayoutTable {
  const [review, suit, suitAfterReview] = S4_GROUPS;
  const rows: LayoutCell[][] = [
    [
      { text: review.label, colSpan: 5, header: true },
      { text: '行政诉讼', colSpan: 10, header: true },
    ],
    [
      ...S4_COLUMNS.map((column) => ({ text: column.label, rowSpan: 2, header: true })),
      { text: suit.label, colSpan: 5, header: true },
      { text: suitAfterReview.label, colSpan: 5, header: true },
    ],
    [...S4_COLUMNS, ...S4_COLUMNS].map((column) => ({ text: column.label, header: true })),
    S4_GROUPS.flatMap((group) => S4_COLUMNS.map((column) => ({ cellId: `s4.${group.key}.${column.key}` }))),
  ];
  return { id: 's4', title: TABLE_TITLES.s4, widths: Array.from({ length: 15 }, () => 1), rows, headerRows: 3 };
}

const cache = new Map<string, LayoutTable[]>();

/** The three statutory tables of a format, in the official layout. */
export function layoutTables(format: ReportFormat, other: OtherRowLayout): readonly LayoutTable[] {
  const key = `${format}/${other}`;
  let tables = cache.get(key);
  if (!tables) {
    tables = [s2Table(format), s3Table(format, other), s4Table()];
    cache.set(key, tables);
  }
  return tables;
}

/** A position of the full grid: the cell that starts there, or a pointer to the one covering it. */
export type GridSlot =
  { readonly kind: 'origin'; readonly cell: LayoutCell } | { readonly kind: 'covered'; readonly by: LayoutCell };

/**
 * The table as a full rectangular grid, spans expanded: what a renderer needs that cannot span
 * (pipe and tab text) or that wants every position filled (pdfmake).
 */
export function layoutGrid(table: LayoutTable): GridSlot[][] {
  const width = table.widths.length;
  const grid: (GridSlot | undefined)[][] = table.rows.map(() => new Array<GridSlot | undefined>(width).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c] !== undefined) c += 1;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc += 1) {
          const target = grid[r + dr];
          if (target && c + dc < width)
            target[c + dc] = dr === 0 && dc === 0 ? { kind: 'origin', cell } : { kind: 'covered', by: cell };
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((slot) => slot ?? { kind: 'covered', by: {} }));
}
