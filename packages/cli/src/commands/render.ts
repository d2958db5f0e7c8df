import { basename, extname, join } from 'node:path';
import {
  renderCellsCsv,
  renderCellsJson,
  renderDocx,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderPdf,
  type Report,
} from '@xxgk/core';
import { CliError, EXIT } from '../errors.js';
import { loadFonts } from '@xxgk/node';
import { readReport, writeOutput } from '../io.js';
import type { Output } from '../output.js';

export const RENDER_FORMATS = ['docx', 'pdf', 'html', 'md', 'json', 'cells', 'csv'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

const EXTENSIONS: Record<RenderFormat, string> = {
  docx: '.docx',
  pdf: '.pdf',
  html: '.html',
  md: '.md',
  json: '.json',
  cells: '.cells.json',
  csv: '.csv',
};
const BINARY = new Set<RenderFormat>(['docx', 'pdf']);

export interface RenderOptions {
  readonly to: string;
  readonly output?: string;
  readonly font?: string;
}

/** One renderer per output format, each from the model to bytes or text. */
const RENDERERS: Record<
  Exclude<RenderFormat, 'csv'>,
  (report: Report, options: RenderOptions) => Promise<string | Uint8Array>
> = {
  docx: (report) => renderDocx(report),
  pdf: async (report, options) => renderPdf(report, await loadFonts(options.font)),
  html: async (report) => renderHtml(report),
  md: async (report) => renderMarkdown(report),
  json: async (report) => renderJson(report),
  cells: async (report) => renderCellsJson(report),
};

function parseFormat(to: string): RenderFormat {
  if ((RENDER_FORMATS as readonly string[]).includes(to)) return to as RenderFormat;
  throw new CliError(`不支持的输出格式“${to}”：可用 ${RENDER_FORMATS.join('、')}`);
}

/** `xxgk render report.json… --to FORMAT [-o OUT]`. */
export async function render(files: readonly string[], options: RenderOptions, output: Output): Promise<number> {
  const format = parseFormat(options.to);
  const reports: Report[] = [];
  for (const file of files) reports.push(await readReport(file));

  if (format === 'csv') {
    const csv = renderCellsCsv(reports);
    if (options.output) await writeOutput(options.output, csv);
    else output.out(csv);
    return EXIT.ok;
  }
  // Several inputs go to a directory, one file each; one input goes to -o, or to stdout for text.
  const toDirectory = files.length > 1;
  for (const [index, report] of reports.entries()) {
    const file = files[index] as string;
    const data = await RENDERERS[format](report, options);
    const target =
      toDirectory || !options.output
        ? join(toDirectory ? (options.output ?? '.') : '.', `${basename(file, extname(file))}${EXTENSIONS[format]}`)
        : options.output;
    if (!options.output && !toDirectory && !BINARY.has(format)) {
      output.out(typeof data === 'string' ? data : new TextDecoder().decode(data));
      continue;
    }
    await writeOutput(target, data);
    output.err(`已生成 ${target}\n`);
  }
  return EXIT.ok;
}
