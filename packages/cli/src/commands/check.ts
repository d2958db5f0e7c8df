import { SEVERITY_LABELS, checkReport, countBySeverity, type Finding, type Report } from '@xxgk/core';
import { EXIT } from '../errors.js';
import { readReport } from '../io.js';
import type { Output } from '../output.js';

export interface CheckOptions {
  readonly json?: boolean;
}

export function formatFindings(file: string, report: Report, findings: readonly Finding[]): string {
  const { agency, year, format } = report.meta;
  const counts = countBySeverity(findings);
  const lines = [
    `${file}：${agency || '（未写明机关）'} ${year}年度报告（${format === 'unknown' ? '非国家格式' : `${format} 格式`}）`,
  ];
  for (const finding of findings) {
    lines.push(`  ${SEVERITY_LABELS[finding.severity]}  ${finding.rule}  ${finding.message}`);
  }
  lines.push(
    findings.length === 0
      ? '  未发现问题'
      : `  共 ${counts.error} 个错误、${counts.warning} 个警告、${counts.info} 个提示`,
  );
  return `${lines.join('\n')}\n`;
}

/** `xxgk check report.json [last-year.json]`: exit 0 without errors, 1 with errors. */
export async function check(
  file: string,
  previousFile: string | undefined,
  options: CheckOptions,
  output: Output,
): Promise<number> {
  const report = await readReport(file);
  const previous = previousFile ? await readReport(previousFile) : undefined;
  const findings = checkReport({ report, ...(previous ? { previous } : {}) });
  if (options.json) {
    const { agency, year, format } = report.meta;
    output.out(
      `${JSON.stringify({ file, agency, year, format, counts: countBySeverity(findings), findings }, null, 2)}\n`,
    );
  } else {
    output.out(formatFindings(file, report, findings));
  }
  return findings.some((finding) => finding.severity === 'error') ? EXIT.findings : EXIT.ok;
}
