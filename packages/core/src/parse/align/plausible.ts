/*
 * What a section 二 register row almost always is, though no sum of the format says so: soft
 * evidence for a crawler's run ("693665") that neither the table nor the prose decides. A reading
 * that breaks one of these facts is dropped only when another reading keeps them all, and a cell
 * so decided is given with medium confidence and a finding, never as sure.
 */

/** A fact between a row's columns, by column key: `at least` ≥ the sum of `than`. */
interface Fact {
  readonly atLeast: readonly string[];
  readonly than: readonly string[];
  /** The fact in the form's words, for the finding. */
  readonly words: string;
}

const FACTS: readonly Fact[] = [
  // A document issued this year is in force unless it was repealed within the same year.
  { atLeast: ['inForce'], than: ['issued'], words: '现行有效件数不少于本年制发件数' },
  // The total published includes what was published this year.
  { atLeast: ['total'], than: ['published'], words: '对外公开总数量不少于本年新公开数量' },
  // 上一年项目数量 + 本年增/减 is this year's count of items, which cannot be negative.
  { atLeast: ['prevItems', 'change'], than: [], words: '上一年项目数量加本年增/减不为负' },
];

/** The facts that concern a row with these column keys. */
function factsFor(columns: readonly string[]): Fact[] {
  return FACTS.filter((fact) => [...fact.atLeast, ...fact.than].every((key) => columns.includes(key)));
}

/**
 * The readings that keep every fact of the row, with the facts' words; undefined when the facts
 * tell nothing apart (none apply, every reading keeps them, or none does).
 */
export function plausibleSplits(
  columns: readonly string[],
  splits: readonly (readonly number[])[],
): { splits: (readonly number[])[]; words: string } | undefined {
  const facts = factsFor(columns);
  if (facts.length === 0) return undefined;
  const sum = (split: readonly number[], keys: readonly string[]): number =>
    keys.reduce((acc, key) => acc + (split[columns.indexOf(key)] as number), 0);
  const kept = splits.filter((split) => facts.every((fact) => sum(split, fact.atLeast) >= sum(split, fact.than)));
  if (kept.length === 0 || kept.length === splits.length) return undefined;
  return { splits: kept, words: facts.map((fact) => fact.words).join('、') };
}
