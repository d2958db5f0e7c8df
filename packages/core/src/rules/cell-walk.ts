import { CELLS, type CellKind } from '../model/cells.js';

/*
 * Several rules walk every cell of a report. A parsed report's `cells` holds some two hundred
 * IDs in the order the file printed them, which V8 keeps as a dictionary: listing its keys costs
 * more than all a rule does with them. checkReport lists them once for all its rules (the rules
 * only read the report, so the list holds while they run); a rule run on its own lists them itself.
 */

type Cells = Readonly<Record<string, number | null | undefined>>;

/** A cell of the model that holds a number, with its kind. */
export interface NumberCell {
  readonly id: string;
  readonly value: number;
  readonly kind: CellKind;
}

interface Walk {
  readonly cells: Cells;
  readonly ids: readonly string[];
  numbers?: readonly NumberCell[];
}

let current: Walk | undefined;

/**
 * Runs `check` with the cells' IDs listed once for every rule it runs. `ids`, when the caller
 * has them (the reader, which made the cells), are the keys of `cells` in their order.
 */
export function withCellWalk<T>(cells: Cells, check: () => T, ids?: readonly string[]): T {
  const previous = current;
  current = { cells, ids: ids ?? Object.keys(cells) };
  try {
    return check();
  } finally {
    current = previous;
  }
}

/** The IDs of the cells, in the report's order (as `for…in` gives them). */
export function cellIdsOf(cells: Cells): readonly string[] {
  return current?.cells === cells ? current.ids : Object.keys(cells);
}

/** The catalogue's money cells. */
const MONEY_CELLS: ReadonlySet<string> = new Set(
  [...CELLS.values()].filter((cell) => cell.kind === 'money').map((cell) => cell.id),
);

/**
 * The cells of the model whose number a value rule may find fault with, in the report's order:
 * every amount, and every count that is negative or not whole. The others (nearly all: whole
 * counts of zero or more) pass every such rule, and are not listed.
 */
export function numbersToJudge(cells: Cells): readonly NumberCell[] {
  const walk = current?.cells === cells ? current : undefined;
  if (walk?.numbers) return walk.numbers;
  const numbers: NumberCell[] = [];
  for (const id of walk ? walk.ids : Object.keys(cells)) {
    const value = cells[id];
    if (typeof value !== 'number') continue;
    // A whole count of zero or more (nearly all) is judged only in a money cell: asked of the few
    // of those, not of the whole catalogue.
    if (value >= 0 && Number.isInteger(value) && !MONEY_CELLS.has(id)) continue;
    const info = CELLS.get(id);
    if (info && (info.kind === 'money' || value < 0 || !Number.isInteger(value)))
      numbers.push({ id, value, kind: info.kind });
  }
  if (walk) walk.numbers = numbers;
  return numbers;
}
