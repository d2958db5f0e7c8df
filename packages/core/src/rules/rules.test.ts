import { describe, expect, it } from 'vitest';
import { RULES, checkReport, ruleById } from './index.js';

describe('rule set', () => {
  it('gives every rule a unique kebab-case id, a Chinese title and examples both ways', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.examples.pass.length).toBeGreaterThan(0);
      expect(rule.examples.fail.length).toBeGreaterThan(0);
      expect(ruleById(rule.id)).toBe(rule);
    }
  });
});

// One conformance suite that every rule must pass, as remark-lint runs each rule's fixtures.
describe.each(RULES.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it.each(rule.examples.pass.map((example) => [example.name, example] as const))('accepts: %s', (_name, example) => {
    expect(checkReport(example.build(), [rule])).toEqual([]);
  });

  it.each(rule.examples.fail.map((example) => [example.name, example] as const))('flags: %s', (_name, example) => {
    const findings = checkReport(example.build(), [rule]);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.rule).toBe(rule.id);
      expect(finding.severity).toBe(rule.severity);
      // Messages are for officers: Chinese, and they name figures or parts of the report.
      expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  if (rule.severity === 'error' && !rule.crossYear) {
    it('is silent on the pass examples of every other rule (no false alarms on valid reports)', () => {
      for (const other of RULES) {
        for (const example of other.examples.pass) {
          const context = example.build();
          if (context.report.meta.format === 'unknown') continue;
          expect(checkReport(context, [rule]), `${other.id}: ${example.name}`).toEqual([]);
        }
      }
    });
  }
});
