import { RULES, SEVERITY_LABELS, checkReport } from './index.js';
import type { Rule } from './types.js';

function ruleSection(rule: Rule): string {
  const lines = [
    `## \`${rule.id}\``,
    '',
    `${SEVERITY_LABELS[rule.severity]}（${rule.severity}）${rule.crossYear ? '，跨年度规则：需要上年报告' : ''}`,
    '',
    rule.title,
    '',
  ];
  lines.push('通过的例子：', '');
  for (const example of rule.examples.pass) lines.push(`- ${example.name}`);
  lines.push('', '不通过的例子及其提示：', '');
  for (const example of rule.examples.fail) {
    const messages = checkReport(example.build(), [rule]).map((finding) => finding.message);
    lines.push(`- ${example.name}`);
    for (const message of messages) lines.push(`  - ${message}`);
  }
  return lines.join('\n');
}

/** docs/rules.md, generated from the rules themselves (`npm run docs:rules`). */
export function rulesMarkdown(): string {
  const header = [
    '# 一致性规则（规则清单）',
    '',
    '本文件由 `npm run docs:rules` 根据规则代码生成，请勿手工编辑。每条规则有固定的编号（id）、',
    '严重程度和中文提示；“不通过的例子”下列出的是规则对该例子实际给出的提示。',
    '',
    '| 编号 | 严重程度 | 要求 |',
    '| --- | --- | --- |',
    ...RULES.map((rule) => `| \`${rule.id}\` | ${SEVERITY_LABELS[rule.severity]} | ${rule.title} |`),
    '',
  ];
  return `${[...header, ...RULES.map(ruleSection)].join('\n')}\n`;
}
