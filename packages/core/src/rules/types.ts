import type { Report } from '../model/schema.js';

export type Severity = 'error' | 'warning' | 'info';

/** What a rule says of a report: one message, in Chinese, about some cells. */
export interface Finding {
  /** The stable id of the rule that found it. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** The cell IDs the message is about (empty for prose and metadata). */
  readonly cells: readonly string[];
}

export type RuleFinding = Omit<Finding, 'rule' | 'severity'>;

export interface RuleContext {
  readonly report: Report;
  /** Last year's report of the same organ, for the cross-year rules. */
  readonly previous?: Report;
}

export interface RuleExample {
  /** What the example shows, in Chinese. */
  readonly name: string;
  readonly build: () => RuleContext;
}

export interface Rule {
  /** Stable kebab-case id: users filter and silence findings by it. */
  readonly id: string;
  readonly severity: Severity;
  /** What the rule requires, in Chinese, one sentence. */
  readonly title: string;
  /** Whether the rule needs last year's report. */
  readonly crossYear?: boolean;
  readonly check: (context: RuleContext) => RuleFinding[];
  /** Reports the rule must accept, and reports it must flag; the tests run both. */
  readonly examples: { readonly pass: readonly RuleExample[]; readonly fail: readonly RuleExample[] };
}
