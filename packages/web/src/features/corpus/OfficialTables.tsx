import { cellName, displayValue, reportView, type Report } from '@xxgk/core';
import { Typography } from 'antd';

interface Props {
  readonly report: Report;
  readonly selected?: string | null;
  /** Cells core's rules flag. */
  readonly flagged?: ReadonlySet<string>;
  /** A cell was clicked (its provenance is wanted); absent = the numbers are plain text. */
  onSelect?(cellId: string): void;
}

/** The statutory tables in the official layout (core's reportView), as the annual reports print them. */
export function OfficialTables({ report, selected, flagged, onSelect }: Props) {
  const tables = reportView(report).blocks.flatMap((block) =>
    block.kind === 'table' && block.table ? [{ title: block.title, table: block.table }] : [],
  );
  if (tables.length === 0) return <Typography.Text type="secondary">报告格式未能识别，没有表格。</Typography.Text>;
  return (
    <div className="corpus-tables">
      {tables.map(({ title, table }) => (
        <section key={table.id} aria-label={title}>
          <Typography.Title level={5}>{title}</Typography.Title>
          <table>
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
                    const value = displayValue(report, id);
                    const classes = [selected === id ? 'selected' : '', flagged?.has(id) ? 'flagged' : ''].join(' ');
                    return (
                      <td key={c} {...spans} data-cell={id} className={classes}>
                        {onSelect ? (
                          <button
                            type="button"
                            aria-pressed={selected === id}
                            aria-label={`${cellName(id)}：${value || '空白'}`}
                            onClick={() => onSelect(id)}
                          >
                            {value || '—'}
                          </button>
                        ) : (
                          value || '—'
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
