import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { formatPath, validateReport, type Report } from '@xxgk/core';
import { CliError } from './errors.js';

/** Where a JSON.parse error happened, as line and column, from either V8 message style. */
function jsonErrorPosition(text: string, message: string): string {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列`;
  const position = /position (\d+)/.exec(message);
  if (!position) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `第 ${line} 行第 ${column} 列`;
}

export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EISDIR'
          ? '这是一个目录'
          : code === 'EACCES'
            ? '没有读取权限'
            : String(error);
    throw new CliError(`无法读取 ${file}：${why}`);
  }
}

export async function readJson(file: string): Promise<unknown> {
  const text = (await readText(file)).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = jsonErrorPosition(text, (error as Error).message);
    throw new CliError(`${file}${where ? ` ${where}` : ''}：不是有效的 JSON（${(error as Error).message}）`);
  }
}

/** Reads and validates a report file; a schema violation names the file and the field. */
export async function readReport(file: string): Promise<Report> {
  const result = validateReport(await readJson(file));
  if (result.ok) return result.report;
  const lines = result.issues.slice(0, 10).map((issue) => `  ${issue.path}：${issue.message}`);
  const more = result.issues.length > 10 ? `\n  …另有 ${result.issues.length - 10} 处` : '';
  throw new CliError(`${file} 不是有效的年度报告：\n${lines.join('\n')}${more}`);
}

export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, data);
  } catch (error) {
    throw new CliError(`无法写入 ${file}：${(error as Error).message}`);
  }
}

export { formatPath };
