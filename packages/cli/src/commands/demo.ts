import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReport, renderCellsCsv } from '@xxgk/core';
import { EXIT } from '../errors.js';
import { readReport, writeOutput } from '../io.js';
import type { Output } from '../output.js';
import { formatFindings } from './check.js';
import { render } from './render.js';

/** The example reports that ship with the CLI. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

/**
 * `xxgk demo`: what a new user runs first. Checks the bundled example reports (one clean, with
 * last year's beside it; one with the errors evaluators meet every year) and renders the clean
 * one to every output format.
 */
export async function demo(
  options: { readonly output?: string; readonly font?: string },
  output: Output,
): Promise<number> {
  const dir = options.output ?? 'xxgk-demo';
  const current = join(EXAMPLES_DIR, 'example-2023.json');
  const previous = join(EXAMPLES_DIR, 'example-2022.json');
  const flawed = join(EXAMPLES_DIR, 'flawed-2023.json');

  output.out('== 检查示例报告（含上年报告，进行跨年度核对）==\n');
  const report = await readReport(current);
  const last = await readReport(previous);
  output.out(formatFindings(basename(current), report, checkReport({ report, previous: last })));

  output.out('\n== 检查一份有常见错误的报告 ==\n');
  const bad = await readReport(flawed);
  output.out(formatFindings(basename(flawed), bad, checkReport({ report: bad, previous: last })));

  output.out(`\n== 按国家格式生成文件，输出到 ${dir}/ ==\n`);
  for (const to of ['html', 'md', 'docx', 'pdf', 'cells'] as const) {
    await render(
      [current],
      {
        to,
        output: join(dir, `example-2023${to === 'cells' ? '.cells.json' : `.${to}`}`),
        ...(options.font ? { font: options.font } : {}),
      },
      output,
    );
  }
  await writeOutput(join(dir, 'examples.csv'), renderCellsCsv([last, report, bad]));
  output.err(`已生成 ${join(dir, 'examples.csv')}\n`);
  return EXIT.ok;
}
