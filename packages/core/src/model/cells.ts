/**
 * The catalogue of statutory table cells of the annual report, for both national formats.
 * Every cell ID of `shared/spec/cells.md` is generated here from the rows and columns of the
 * official tables, so that the schema, the rules and the renderers speak of one list.
 */

import { interned } from './interned.js';

export const REPORT_FORMATS = ['2019', '2021'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What a number in a cell means, which decides what values it may take. */
export type CellKind = 'count' | 'signedCount' | 'money';

export interface LabelledKey {
  readonly key: string;
  readonly label: string;
}

// ---------------------------------------------------------------------------------------------
// Section 二 主动公开政府信息情况

export interface S2Column extends LabelledKey {
  readonly kind: CellKind;
}

export interface S2Row extends LabelledKey {
  readonly columns: readonly S2Column[];
}

/** One sub-table of section 二, headed by the item of 条例第二十条 it reports on. */
export interface S2Block {
  readonly item: string;
  readonly rows: readonly S2Row[];
}

const documentColumns2021: readonly S2Column[] = [
  { key: 'issued', label: '本年制发件数', kind: 'count' },
  { key: 'repealed', label: '本年废止件数', kind: 'count' },
  { key: 'inForce', label: '现行有效件数', kind: 'count' },
];
const decisions2021: readonly S2Column[] = [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }];

const documentColumns2019: readonly S2Column[] = [
  { key: 'made', label: '本年新制作数量', kind: 'count' },
  { key: 'published', label: '本年新公开数量', kind: 'count' },
  { key: 'total', label: '对外公开总数量', kind: 'count' },
];
const itemColumns2019: readonly S2Column[] = [
  { key: 'prevItems', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'signedCount' },
  { key: 'decisions', label: '处理决定数量', kind: 'count' },
];

export const S2_BLOCKS: Readonly<Record<ReportFormat, readonly S2Block[]>> = {
  '2021': [
    {
      item: '第二十条第（一）项',
      rows: [
        { key: 'regulations', label: '规章', columns: documentColumns2021 },
        { key: 'normativeDocs', label: '行政规范性文件', columns: documentColumns2021 },
      ],
    },
    {
      item: '第二十条第（五）项',
      rows: [{ key: 'licensing', label: '行政许可', columns: decisions2021 }],
    },
    {
      item: '第二十条第（六）项',
      rows: [
        { key: 'penalty', label: '行政处罚', columns: decisions2021 },
        { key: 'enforcement', label: '行政强制', columns: decisions2021 },
      ],
    },
    {
      item: '第二十条第（八）项',
      rows: [
        {
          key: 'fees',
          label: '行政事业性收费',
          columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'money' }],
        },
      ],
    },
  ],
  '2019': [
    {
      item: '第二十条第（一）项',
      rows: [
        { key: 'regulations', label: '规章', columns: documentColumns2019 },
        { key: 'normativeDocs', label: '规范性文件', columns: documentColumns2019 },
      ],
    },
    {
      item: '第二十条第（五）项',
      rows: [
        { key: 'licensing', label: '行政许可', columns: itemColumns2019 },
        { key: 'otherServices', label: '其他对外管理服务事项', columns: itemColumns2019 },
      ],
    },
    {
      item: '第二十条第（六）项',
      rows: [
        { key: 'penalty', label: '行政处罚', columns: itemColumns2019 },
        { key: 'enforcement', label: '行政强制', columns: itemColumns2019 },
      ],
    },
    {
      item: '第二十条第（八）项',
      rows: [{ key: 'fees', label: '行政事业性收费', columns: itemColumns2019.slice(0, 2) }],
    },
    {
      item: '第二十条第（九）项',
      rows: [
        {
          key: 'procurement',
          label: '政府集中采购',
          columns: [
            { key: 'items', label: '采购项目数量', kind: 'count' },
            { key: 'amount', label: '采购总金额（万元）', kind: 'money' },
          ],
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Section 三 收到和处理政府信息公开申请情况

export const APPLICANT_COLUMNS = [
  { key: 'natural', label: '自然人' },
  { key: 'business', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'ngo', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'otherOrg', label: '其他' },
] as const satisfies readonly LabelledKey[];
export const S3_TOTAL_COLUMN = { key: 'total', label: '总计' } as const;
export const S3_COLUMNS = [...APPLICANT_COLUMNS, S3_TOTAL_COLUMN] as const;
export type S3Column = (typeof S3_COLUMNS)[number]['key'];

/** A heading under 三、本年度办理结果: a single row, or a group of numbered sub-rows. */
export interface S3OutcomeGroup extends LabelledKey {
  /** Sub-rows by format; absent when the group is one row in that format. */
  readonly subRows?: Partial<Record<ReportFormat, readonly LabelledKey[]>>;
}

const otherSubRows: readonly LabelledKey[] = [
  {
    key: 'noCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'unpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'other', label: '3.其他' },
];

function bothFormats(rows: readonly LabelledKey[]): Record<ReportFormat, readonly LabelledKey[]> {
  return { '2019': rows, '2021': rows };
}

export const S3_OUTCOME_GROUPS: readonly S3OutcomeGroup[] = [
  { key: 'granted', label: '（一）予以公开' },
  { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    key: 'denied',
    label: '（三）不予公开',
    subRows: bothFormats([
      { key: 'secret', label: '1.属于国家秘密' },
      { key: 'prohibited', label: '2.其他法律行政法规禁止公开' },
      { key: 'safety', label: '3.危及“三安全一稳定”' },
      { key: 'thirdParty', label: '4.保护第三方合法权益' },
      { key: 'internal', label: '5.属于三类内部事务信息' },
      { key: 'process', label: '6.属于四类过程性信息' },
      { key: 'enforcementFile', label: '7.属于行政执法案卷' },
      { key: 'query', label: '8.属于行政查询事项' },
    ]),
  },
  {
    key: 'unable',
    label: '（四）无法提供',
    subRows: bothFormats([
      { key: 'notHeld', label: '1.本机关不掌握相关政府信息' },
      { key: 'needsCreation', label: '2.没有现成信息需要另行制作' },
      { key: 'unclear', label: '3.补正后申请内容仍不明确' },
    ]),
  },
  {
    key: 'rejected',
    label: '（五）不予处理',
    subRows: bothFormats([
      { key: 'petition', label: '1.信访举报投诉类申请' },
      { key: 'duplicate', label: '2.重复申请' },
      { key: 'publication', label: '3.要求提供公开出版物' },
      { key: 'excessive', label: '4.无正当理由大量反复申请' },
      { key: 'confirm', label: '5.要求行政机关确认或重新出具已获取信息' },
    ]),
  },
  { key: 'other', label: '（六）其他处理', subRows: { '2021': otherSubRows } },
];

export const S3_NEW = { key: 'new', label: '一、本年新收政府信息公开申请数量' } as const;
export const S3_CARRIED_IN = { key: 'carriedIn', label: '二、上年结转政府信息公开申请数量' } as const;
export const S3_OUTCOMES_HEADING = '三、本年度办理结果';
export const S3_TOTAL = { key: 'total', label: '（七）总计' } as const;
export const S3_CARRIED_OUT = { key: 'carriedOut', label: '四、结转下年度继续办理' } as const;

/**
 * How section 三 prints (六)其他处理: with the three 2021 sub-rows, or as one row (the 2019
 * table, and the many 2021-format reports that kept the old single row).
 */
export type OtherRowLayout = 'subRows' | 'single';

/** One stored row of section 三: its key in the cell ID and the labels that name it. */
export interface S3Row {
  readonly key: string;
  /** The group heading, for a numbered sub-row. */
  readonly group?: S3OutcomeGroup;
  readonly label: string;
}

/** The stored rows of section 三 in table order. */
export function s3Rows(format: ReportFormat, other: OtherRowLayout = defaultOtherLayout(format)): S3Row[] {
  const rows: S3Row[] = [S3_NEW, S3_CARRIED_IN];
  for (const group of S3_OUTCOME_GROUPS) {
    const subRows = group.key === 'other' && other === 'single' ? undefined : group.subRows?.[format];
    if (subRows) {
      for (const sub of subRows) rows.push({ key: `${group.key}.${sub.key}`, group, label: sub.label });
    } else {
      rows.push({ key: group.key, label: group.label });
    }
  }
  rows.push(S3_TOTAL, S3_CARRIED_OUT);
  return rows;
}

export function defaultOtherLayout(format: ReportFormat): OtherRowLayout {
  return format === '2021' ? 'subRows' : 'single';
}

/** The stored row keys that make up one outcome group (one key for a single-row group). */
export function outcomeRowKeys(group: S3OutcomeGroup, format: ReportFormat, other: OtherRowLayout): string[] {
  const subRows = group.key === 'other' && other === 'single' ? undefined : group.subRows?.[format];
  return subRows ? subRows.map((sub) => `${group.key}.${sub.key}`) : [group.key];
}

// ---------------------------------------------------------------------------------------------
// Section 四 政府信息公开行政复议、行政诉讼情况

export const S4_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'suit', label: '未经复议直接起诉' },
  { key: 'suitAfterReview', label: '复议后起诉' },
] as const satisfies readonly LabelledKey[];
export const S4_PARTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const satisfies readonly LabelledKey[];
export const S4_COLUMNS = [...S4_PARTS, { key: 'total', label: '总计' }] as const;

// ---------------------------------------------------------------------------------------------
// Cell IDs

export type TableId = 's2' | 's3' | 's4';
export const TABLE_TITLES: Readonly<Record<TableId, string>> = {
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
};

export interface CellInfo {
  readonly id: string;
  readonly table: TableId;
  readonly kind: CellKind;
  /** The Chinese name of the cell as a person reads it off the table: row · column. */
  readonly label: string;
  /** The formats whose tables hold this cell. */
  readonly formats: readonly ReportFormat[];
}

function s2Cells(format: ReportFormat): CellInfo[] {
  return S2_BLOCKS[format].flatMap((block) =>
    block.rows.flatMap((row) =>
      row.columns.map((column) => ({
        id: interned(`s2.${row.key}.${column.key}`),
        table: 's2' as const,
        kind: column.kind,
        label: `${row.label}·${column.label}`,
        formats: [format],
      })),
    ),
  );
}

/** A column of section 三 as the table's two-level header prints it. */
function applicantColumnName(column: (typeof S3_COLUMNS)[number]): string {
  return column.key === 'total' || column.key === 'natural' ? column.label : `法人或其他组织·${column.label}`;
}

function s3Cells(format: ReportFormat, other: OtherRowLayout): CellInfo[] {
  return s3Rows(format, other).flatMap((row) =>
    S3_COLUMNS.map((column) => ({
      id: interned(`s3.${row.key}.${column.key}`),
      table: 's3' as const,
      kind: 'count' as const,
      label: [row.group?.label, row.label, applicantColumnName(column)].filter(Boolean).join('·'),
      formats: [format],
    })),
  );
}

function s4Cells(): CellInfo[] {
  return S4_GROUPS.flatMap((group) =>
    S4_COLUMNS.map((column) => ({
      id: interned(`s4.${group.key}.${column.key}`),
      table: 's4' as const,
      kind: 'count' as const,
      label: `${group.key === 'review' ? '' : '行政诉讼·'}${group.label}·${column.label}`,
      formats: [...REPORT_FORMATS],
    })),
  );
}

function buildCatalogue(): Map<string, CellInfo> {
  const catalogue = new Map<string, CellInfo>();
  const add = (cells: CellInfo[]): void => {
    for (const cell of cells) {
      const known = catalogue.get(cell.id);
      catalogue.set(cell.id, known ? { ...known, formats: [...new Set([...known.formats, ...cell.formats])] } : cell);
    }
  };
  for (const format of REPORT_FORMATS) add(s2Cells(format));
  add(s3Cells('2019', 'single'));
  add(s3Cells('2021', 'subRows'));
  // The single (六)其他处理 row also occurs in 2021-format reports (see cells.md).
  add(s3Cells('2021', 'single').filter((cell) => cell.id.startsWith('s3.other.')));
  add(s4Cells());
  return catalogue;
}

/** Every cell ID either format knows, with what it is. */
export const CELLS: ReadonlyMap<string, CellInfo> = buildCatalogue();
export const ALL_CELL_IDS: readonly string[] = [...CELLS.keys()];

/**
 * The Chinese name of a cell as the report prints it, row headings then column heading joined by
 * “·” (e.g. “（三）不予公开·2.其他法律行政法规禁止公开·自然人”): what every screen, message and
 * document shows instead of the cell ID. An unknown ID is named as such, never shown raw.
 */
export function cellName(id: string): string {
  return CELLS.get(id)?.label ?? '未知单元格';
}

export function isCellId(id: string): boolean {
  return CELLS.has(id);
}

export function cellInfo(id: string): CellInfo {
  const info = CELLS.get(id);
  if (!info) throw new Error(`unknown cell ID: ${id}`);
  return info;
}

const tableCellIdCache = new Map<string, readonly string[]>();

/** The cell IDs of one table as a report in `format` prints it, in table order. */
export function tableCellIds(table: TableId, format: ReportFormat, other?: OtherRowLayout): readonly string[] {
  const key = `${table}/${format}/${other ?? ''}`;
  let ids = tableCellIdCache.get(key);
  if (!ids) {
    // Not frozen (the type is read-only): V8's `filter`, `some` and `map` take a slow path on a frozen array.
    ids = buildTableCellIds(table, format, other);
    tableCellIdCache.set(key, ids);
  }
  return ids;
}

function buildTableCellIds(table: TableId, format: ReportFormat, other?: OtherRowLayout): string[] {
  switch (table) {
    case 's2':
      return s2Cells(format).map((cell) => cell.id);
    case 's3':
      return s3Cells(format, other ?? defaultOtherLayout(format)).map((cell) => cell.id);
    case 's4':
      return s4Cells().map((cell) => cell.id);
  }
}

/** All cell IDs of a report in `format`, in table order. */
export function formatCellIds(format: ReportFormat, other?: OtherRowLayout): readonly string[] {
  return (['s2', 's3', 's4'] as const).flatMap((table) => tableCellIds(table, format, other));
}
