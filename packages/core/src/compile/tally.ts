/**
 * Record IDs by cell: counting a record into a cell remembers which record it was, so that
 * every number of the report can be traced back to the register (drill-down).
 */
export class Tally {
  private readonly byCell = new Map<string, string[]>();

  /** Starts every cell of `cellIds` at zero: a cell nothing is counted into is 0, not missing. */
  constructor(cellIds: Iterable<string>) {
    for (const id of cellIds) this.byCell.set(id, []);
  }

  add(cellId: string, recordId: string): void {
    const ids = this.byCell.get(cellId);
    // A cell outside the table is a bug of the compiler, not of the records.
    if (!ids) throw new Error(`internal: no cell ${cellId} in this tally`);
    ids.push(recordId);
  }

  cells(): Record<string, number> {
    const cells: Record<string, number> = {};
    for (const [id, ids] of this.byCell) cells[id] = ids.length;
    return cells;
  }

  sources(): Record<string, { count: number; ids: string[] }> {
    const sources: Record<string, { count: number; ids: string[] }> = {};
    for (const [id, ids] of this.byCell) sources[id] = { count: ids.length, ids: [...ids] };
    return sources;
  }
}
