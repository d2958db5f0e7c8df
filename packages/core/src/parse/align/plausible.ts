/*
 * Facts between a section 二 register row's columns, which the format prints no sum for: evidence
 * for a crawler's run ("693665") that neither the table nor the prose decides. Two kinds:
 *
 * - certain facts hold for every honest report, because the columns are defined so: a reading
 *   that breaks one is impossible, and a cell the others agree on is decided (`rule`);
 * - usual facts hold for almost every report (a document issued and repealed in the same year
 *   breaks 现行有效 ≥ 本年制发): a reading that breaks one is dropped only when another keeps
 *   them all, and a cell so decided is given with medium confidence and a finding, never as sure.
 *
 * A fact never empties the readings: when every reading breaks it (the organ's own error), it
 * tells nothing apart and is not used.
 */

/** A fact between a row's columns, by column key: the sum of `atLeast` ≥ the sum of `than`. */
interface Fact {
  readonly atLeast: readonly string[];
  readonly than: readonly string[];
  readonly certain: boolean;
  /** The fact in the form's words, for the finding. */
  readonly words: string;
}

const FACTS: readonly Fact[] = [
  // 2021 format: the spec's identity 现行有效 = 上年现行有效 + 本年制发 − 本年废止, last year's count
  // being no less than 0, gives 现行有效 + 本年废止 ≥ 本年制发.
  {
    atLeast: ['inForce', 'repealed'],
    than: ['issued'],
    certain: true,
    words: '现行有效件数加本年废止件数不少于本年制发件数',
  },
  // 上一年项目数量 + 本年增/减 is this year's count of items, which cannot be negative.
  { atLeast: ['prevItems', 'change'], than: [], certain: true, words: '上一年项目数量加本年增/减不为负' },
  // A document issued this year is in force unless it was repealed within the same year.
  { atLeast: ['inForce'], than: ['issued'], certain: false, words: '现行有效件数不少于本年制发件数' },
  // The total published includes what was published this year, unless withdrawn within it.
  { atLeast: ['total'], than: ['published'], certain: false, words: '对外公开总数量不少于本年新公开数量' },
];

export interface Narrowed {
  readonly splits: (readonly number[])[];
  /** The facts used, in the form's words, for the finding. */
  readonly words: string;
}

/**
 * The readings that keep every fact of the kind (`certain` or usual) that concerns a row with
 * these column keys; undefined when those facts tell nothing apart (none applies, every reading
 * keeps them, or none does).
 */
export function keepingFacts(
  columns: readonly string[],
  splits: readonly (readonly number[])[],
  certain: boolean,
): Narrowed | undefined {
  const facts = FACTS.filter(
    (fact) => fact.certain === certain && [...fact.atLeast, ...fact.than].every((key) => columns.includes(key)),
  );
  if (facts.length === 0) return undefined;
  const sum = (split: readonly number[], keys: readonly string[]): number =>
    keys.reduce((acc, key) => acc + (split[columns.indexOf(key)] as number), 0);
  const kept = splits.filter((split) => facts.every((fact) => sum(split, fact.atLeast) >= sum(split, fact.than)));
  if (kept.length === 0 || kept.length === splits.length) return undefined;
  return { splits: kept, words: facts.map((fact) => fact.words).join('、') };
}
