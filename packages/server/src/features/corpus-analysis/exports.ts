import { ALL_CELL_IDS, ORGAN_KIND_LABELS, ORGAN_LEVEL_LABELS, REGIONS, cellName } from '@xxgk/core';
import { stringify } from 'csv-stringify/sync';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Db } from '../../db/schema.js';
import { DomainError } from '../../errors.js';
import { renderXlsx, type Column } from '../exports/xlsx.js';
import { exportRows, type CorpusFilter } from './repository.js';

/**
 * The corpus for researchers (issue 15): one row per current report, one column per cell ID of
 * either format, beside the organ, its place, level, kind, the year, version and format. CSV and
 * XLSX carry core's Chinese cell names as headers; Parquet names its columns by cell ID (what a
 * program selects by, cells.md's public contract) and keeps the Chinese names in its metadata.
 */
export type ExportKind = 'csv' | 'xlsx' | 'parquet';

/** More rows than this is a whole-country dump: the filters should narrow it first. */
export const EXPORT_LIMIT = 200_000;

type Row = Awaited<ReturnType<typeof exportRows>>[number];

interface MetaColumn {
  readonly id: string;
  readonly header: string;
  readonly value: (row: Row) => string | number;
}

const META_COLUMNS: readonly MetaColumn[] = [
  { id: 'report_id', header: '报告编号', value: (r) => r.id },
  { id: 'organ', header: '机关', value: (r) => r.organName },
  { id: 'region_code', header: '行政区划代码', value: (r) => r.regionCode ?? '' },
  { id: 'region', header: '行政区划', value: (r) => (r.regionCode ? (REGIONS.get(r.regionCode)?.name ?? '') : '') },
  { id: 'level', header: '层级', value: (r) => (r.level ? (ORGAN_LEVEL_LABELS[r.level] ?? r.level) : '') },
  { id: 'kind', header: '机关类别', value: (r) => ORGAN_KIND_LABELS[r.kind] ?? r.kind },
  { id: 'year', header: '年度', value: (r) => r.year },
  { id: 'version', header: '版本', value: (r) => r.version },
  { id: 'format', header: '格式', value: (r) => r.format },
];

const cell = (row: Row, id: string): number | null => {
  const value = row.figures[id];
  return typeof value === 'number' ? value : null;
};

export interface CorpusFile {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

const MEDIA: Readonly<Record<ExportKind, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
};

export async function exportCorpus(db: Db, filter: CorpusFilter, kind: ExportKind): Promise<CorpusFile> {
  const rows = await exportRows(db, filter, EXPORT_LIMIT + 1);
  if (rows.length > EXPORT_LIMIT) {
    throw new DomainError(
      'too-large',
      'export-too-large',
      `符合条件的报告超过 ${EXPORT_LIMIT} 份，请按年度或行政区划缩小范围后再导出`,
    );
  }
  const name = `政府信息公开年度报告数据${filter.year ? `_${filter.year}年度` : ''}${filter.region ? `_${filter.region}` : ''}.${kind}`;
  const bytes = kind === 'csv' ? csv(rows) : kind === 'xlsx' ? await xlsx(rows, filter) : parquet(rows);
  return { name, mediaType: MEDIA[kind], bytes };
}

function csv(rows: readonly Row[]): Uint8Array {
  const header = [...META_COLUMNS.map((c) => c.header), ...ALL_CELL_IDS.map(cellName)];
  const body = rows.map((row) => [
    ...META_COLUMNS.map((c) => c.value(row)),
    ...ALL_CELL_IDS.map((id) => cell(row, id)),
  ]);
  // The byte-order mark lets Excel, which most officers open CSV with, read it as UTF-8.
  return new TextEncoder().encode(`\uFEFF${stringify([header, ...body])}`);
}

async function xlsx(rows: readonly Row[], filter: CorpusFilter): Promise<Uint8Array> {
  const columns: Column<Row>[] = [
    ...META_COLUMNS.map((c) => ({
      header: c.header,
      type: c.id === 'year' || c.id === 'version' ? ('number' as const) : ('text' as const),
      width: c.id === 'organ' ? 28 : 12,
      value: c.value,
    })),
    ...ALL_CELL_IDS.map((id) => ({
      header: cellName(id),
      type: 'number' as const,
      width: 14,
      value: (r: Row) => cell(r, id),
    })),
  ];
  const scope = [
    filter.year ? `${filter.year}年度` : '全部年度',
    filter.region ? (REGIONS.get(filter.region)?.name ?? filter.region) : '全部地区',
  ];
  return renderXlsx({
    name: '年度报告数据',
    caption: `政府信息公开工作年度报告数据（${scope.join('，')}）`,
    columns,
    rows,
  });
}

function parquet(rows: readonly Row[]): Uint8Array {
  const meta = META_COLUMNS.map((c) => ({
    name: c.id,
    data: rows.map((row) => c.value(row)),
    type: c.id === 'year' || c.id === 'version' ? ('INT32' as const) : ('STRING' as const),
  }));
  const cells = ALL_CELL_IDS.map((id) => ({
    name: id,
    data: rows.map((row) => cell(row, id)),
    type: 'DOUBLE' as const,
  }));
  const names = [...META_COLUMNS.map((c) => [c.id, c.header]), ...ALL_CELL_IDS.map((id) => [id, cellName(id)])];
  const buffer = parquetWriteBuffer({
    columnData: [...meta, ...cells],
    kvMetadata: [{ key: 'xxgk.column_names_zh', value: JSON.stringify(Object.fromEntries(names)) }],
  });
  return new Uint8Array(buffer);
}
