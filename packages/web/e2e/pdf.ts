import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const run = promisify(execFile);

/** Text without its spaces and line breaks: pdftotext breaks lines where the page does. */
export const flat = (text: string) => text.replace(/\s+/g, '');

/** The print page as Chromium prints it to A4 (saved in `dir` as `name`.pdf), read back by pdftotext. */
export async function printedText(page: Page, dir: string, name: string): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const info = (await run('pdfinfo', [file])).stdout;
  // A4 is 595.28 × 841.89 points; Chromium rounds to the point.
  expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/);
  return (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
}
