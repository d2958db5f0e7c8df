import { cellName, reportView, type Report } from '@xxgk/core';
import { Typography } from 'antd';

/** What a number's cell shows: its value as printed, its classes, and words added for screen readers. */
export interface ValueCell {
  readonly value: string;
  readonly className: string;
  /** Said after the value to a screen reader (“（已人工更正）”). */
  readonly note?: string;
}

interface Props {
  readonly report: Report;
  /** The class of the block holding the tables, and of each table. */
  readonly className: string;
  readonly tableClassName?: string;
  /** Shown when the report's format was not recognised (it has no tables). */
  readonly emptyText: string;
  readonly selected?: string | null;
  /** A number was clicked (its source is wanted); absent = the numbers are plain text. */
  onSelect?(cellId: string): void;
  /** How the number of a cell shows. */
  cell(cellId: string): ValueCell;
}

/**
 * The statutory tables of a report in the official layout (core's reportView), headers as the
 * annual reports print them; each number a button when a click shows where it came from. The
 * import page and the corpus's report page differ only in what a number shows.
 */
export function StatutoryTables({ report, className, tableClassName, emptyText, selected, onSelect, cell }: Props) {
  const tables = reportView(report).blocks.flatMap((block) =>
    block.kind === 'table' && block.table ? [{ title: block.title, table: block.table }] : [],
  );
  if (tables.length === 0) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <div className={className}>
      {tables.map(({ title, table }) => (
        <section key={table.id} aria-label={title}>
          <Typography.Title level={5}>{title}</Typography.Title>
          <table className={tableClassName}>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((layoutCell, c) => {
                    const spans = {
                      ...(layoutCell.rowSpan && layoutCell.rowSpan > 1 ? { rowSpan: layoutCell.rowSpan } : {}),
                      ...(layoutCell.colSpan && layoutCell.colSpan > 1 ? { colSpan: layoutCell.colSpan } : {}),
                    };
                    const id = layoutCell.cellId;
                    if (id === undefined) {
                      return (
                        <th key={c} {...spans} className={layoutCell.alignLeft ? 'left' : undefined}>
                          {layoutCell.text}
                        </th>
                      );
                    }
                    const shown = cell(id);
                    return (
                      <td key={c} {...spans} data-cell={id} className={shown.className}>
                        {onSelect ? (
                          <button
                            type="button"
                            aria-pressed={selected === id}
                            aria-label={`${cellName(id)}：${shown.value || '空白'}${shown.note ?? ''}`}
                            onClick={() => onSelect(id)}
                          >
                            {shown.value || '—'}
                          </button>
                        ) : (
                          shown.value || '—'
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
