import { displayValue, type Report } from '@xxgk/core';
import { StatutoryTables } from '../../components/StatutoryTables.js';

interface Props {
  readonly report: Report;
  readonly selected?: string | null;
  /** Cells core's rules flag. */
  readonly flagged?: ReadonlySet<string>;
  /** A cell was clicked (its provenance is wanted); absent = the numbers are plain text. */
  onSelect?(cellId: string): void;
}

/** A corpus report's statutory tables as the annual reports print them, the rules' cells flagged. */
export function OfficialTables({ report, selected, flagged, onSelect }: Props) {
  return (
    <StatutoryTables
      report={report}
      className="corpus-tables"
      emptyText="报告格式未能识别，没有表格。"
      selected={selected ?? null}
      {...(onSelect ? { onSelect } : {})}
      cell={(id) => ({
        value: displayValue(report, id),
        className: [selected === id ? 'selected' : '', flagged?.has(id) ? 'flagged' : ''].join(' '),
      })}
    />
  );
}
