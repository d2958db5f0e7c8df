import type { ParsedReport } from '@xxgk/core';

/**
 * What a bulk import keeps of a read report: its figures, where they were read, its findings —
 * not the document nor the report's prose, which are about half of the answer; nor the file's
 * name in each figure's source, which the caller knows. The figures and their sources (with how
 * the aligner placed each) come as JSON text, ready for their jsonb columns: they are most of the
 * answer, and the importing thread would otherwise parse them only to write them out again.
 */
export type ReportFigures = Omit<ParsedReport, 'document' | 'report' | 'placements'> & {
  readonly report: Omit<ParsedReport['report'], 'sections' | 'cells' | 'provenance'>;
  readonly json: {
    /** Cell ID → value, as the report's `cells`. */
    readonly cells: string;
    /** Cell ID → where it was read (no file name), with `placedBy` and `placement` when the aligner placed it. */
    readonly sources: string;
  };
};

/** A read report as a bulk import keeps it (see ReportFigures); on a worker thread, or in tests. */
export function reportFigures(parsed: ParsedReport): ReportFigures {
  const { document: _document, report, placements, ...rest } = parsed;
  const { sections: _sections, provenance = {}, cells, ...figures } = report;
  const sources: Record<string, unknown> = {};
  for (const cell in provenance) {
    const source = provenance[cell as keyof typeof provenance];
    if (!source) continue;
    const at: Record<string, unknown> = {};
    for (const key in source) if (key !== 'file') at[key] = source[key as keyof typeof source];
    const placed = placements?.[cell];
    if (placed) {
      at.placedBy = placed.placedBy;
      at.placement = placed.confidence;
    }
    sources[cell] = at;
  }
  return { ...rest, report: figures, json: { cells: JSON.stringify(cells), sources: JSON.stringify(sources) } };
}
