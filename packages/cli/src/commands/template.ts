import { REPORT_FORMATS, blankReport, renderJson, type ReportFormat } from '@xxgk/core';
import { CliError, EXIT } from '../errors.js';
import { writeOutput } from '../io.js';
import type { Output } from '../output.js';

export interface TemplateCommandOptions {
  readonly format: string;
  readonly agency: string;
  readonly year: string;
  readonly region?: string;
  readonly output?: string;
}

/** `xxgk template --format 2021 --agency X --year 2024`: a blank, valid report JSON. */
export async function template(options: TemplateCommandOptions, output: Output): Promise<number> {
  if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new CliError(`--format 应为 ${REPORT_FORMATS.join(' 或 ')}，而不是“${options.format}”`);
  }
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2008 || year > 2100)
    throw new CliError(`--year 应为 2008 至 2100 之间的年份，而不是“${options.year}”`);
  if (options.agency.trim() === '') throw new CliError('--agency 不能为空');
  const json = renderJson(
    blankReport({
      format: options.format as ReportFormat,
      agency: options.agency.trim(),
      year,
      ...(options.region ? { region: options.region } : {}),
    }),
  );
  if (options.output) await writeOutput(options.output, json);
  else output.out(json);
  return EXIT.ok;
}
