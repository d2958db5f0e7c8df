import { displayValue, type Report } from '@xxgk/core';
import { StatutoryTables } from '../../components/StatutoryTables.js';
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
  return (
    <StatutoryTables
      report={report}
      className="import-tables"
      tableClassName="import-grid"
      emptyText="未能识别报告格式，没有读出表格。"
      selected={selected}
      onSelect={onSelect}
      cell={(id) => {
        const correction = corrections.get(id);
        const value = correction
          ? correction.value === null
            ? ''
            : String(correction.value)
          : displayValue(report, id);
        return {
          value,
          className: [
            selected === id ? 'selected' : '',
            correction ? 'corrected' : '',
            flagged.has(id) ? 'flagged' : '',
          ].join(' '),
          ...(correction ? { note: '（已人工更正）' } : {}),
        };
      }}
    />
  );
}
