import { cellName, displayValue, reportView, type LayoutTable, type Report } from '@xxgk/core';
import { Typography } from 'antd';
import type { Correction } from './types.js';

interface Props {
  readonly report: Report;
  readonly selected: string | null;
  readonly corrections: ReadonlyMap<string, Correction>;
  readonly flagged: ReadonlySet<string>;
  onSelect(cellId: string): void;
}

/** The statutory tables as read from the file; each number is a button that shows its source. */
export function ReportTables({ report, selected, corrections, flagged, onSelect }: Props) {
  const tables = reportView(report).blocks.flatMap((block) =>
    block.kind === 'table' && block.table ? [{ title: block.title, table: block.table }] : [],
  );
  if (tables.length === 0) {
    return <Typography.Text type="secondary">未能识别报告格式，没有读出表格。</Typography.Text>;
  }
  return (
    <div className="import-tables">
      {tables.map(({ title, table }) => (
        <section key={table.id} aria-label={title}>
          <Typography.Title level={5}>{title}</Typography.Title>
          <Grid
            table={table}
            report={report}
            selected={selected}
            corrections={corrections}
            flagged={flagged}
            onSelect={onSelect}
          />
        </section>
      ))}
    </div>
  );
}

function Grid({ table, report, selected, corrections, flagged, onSelect }: Props & { table: LayoutTable }) {
  return (
    <table className="import-grid">
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => {
              const spans = {
                ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
              };
              if (cell.cellId === undefined) {
                return (
                  <th key={c} {...spans} className={cell.alignLeft ? 'left' : undefined}>
                    {cell.text}
                  </th>
                );
              }
              const id = cell.cellId;
              const correction = corrections.get(id);
              const value = correction
                ? correction.value === null
                  ? ''
                  : String(correction.value)
                : displayValue(report, id);
              const classes = [
                selected === id ? 'selected' : '',
                correction ? 'corrected' : '',
                flagged.has(id) ? 'flagged' : '',
              ].join(' ');
              return (
                <td key={c} {...spans} data-cell={id} className={classes}>
                  <button
                    type="button"
                    aria-pressed={selected === id}
                    aria-label={`${cellName(id)}：${value || '空白'}${correction ? '（已人工更正）' : ''}`}
                    onClick={() => onSelect(id)}
                  >
                    {value || '—'}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
