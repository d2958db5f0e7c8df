import { withCellWalk } from './cell-walk.js';
import { cellBlank, countInteger, moneyInYuan, moneyNonNegative } from './cell-value.js';
import { crossYearCarryover, crossYearInForce, crossYearMismatch, s4WithoutApplications } from './cross-year.js';
import { cellMissing, formatMixedTables, formatYear, s3OtherSingleRow, tableMissing } from './format.js';
import { agencyMissing, extraRow, publicationLate } from './meta.js';
import { feeNotReported, proseContradictsTable, sectionMissing, textYearMismatch } from './prose.js';
import { s3Balance } from './s3-balance.js';
import { s3OutcomeTotal } from './s3-outcome-total.js';
import { s3RowTotal } from './s3-row-total.js';
import { s4GroupTotal } from './s4-group-total.js';
import type { Finding, Rule, RuleContext, Severity } from './types.js';

/** Every rule of the core, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  agencyMissing,
  formatYear,
  formatMixedTables,
  tableMissing,
  cellMissing,
  s3OtherSingleRow,
  cellBlank,
  countInteger,
  moneyNonNegative,
  moneyInYuan,
  s3RowTotal,
  s3OutcomeTotal,
  s3Balance,
  s4GroupTotal,
  sectionMissing,
  textYearMismatch,
  feeNotReported,
  proseContradictsTable,
  publicationLate,
  extraRow,
  crossYearMismatch,
  crossYearCarryover,
  crossYearInForce,
  s4WithoutApplications,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

/**
 * Runs the rules on a report (and last year's, when given) and returns their findings. `cellIds`,
 * when the caller has them, are the keys of `report.cells` in their order (see cell-walk.ts).
 */
export function checkReport(
  context: RuleContext,
  rules: readonly Rule[] = RULES,
  cellIds?: readonly string[],
): Finding[] {
  return withCellWalk(
    context.report.cells,
    () => {
      const findings: Finding[] = [];
      for (const rule of rules) {
        if (rule.crossYear && !context.previous) continue;
        for (const finding of rule.check(context)) {
          findings.push({ rule: rule.id, severity: rule.severity, ...finding });
        }
      }
      return findings;
    },
    cellIds,
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

export type { Finding, Rule, RuleContext, RuleExample, RuleFinding, Severity } from './types.js';
