import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterTitle, renderLetterDocx, type LetterInput } from '../src/render/letters/index.js';

/*
 * An answer letter opened by a reader an applicant has: LibreOffice converts the DOCX to PDF and
 * poppler's pdftotext reads it back. CI installs both (see .ci/run); a machine without them
 * fails here rather than passing untested.
 */
const run = promisify(execFile);

const LETTER: LetterInput = {
  kind: 'answer',
  organ: { name: '某某县应急管理局', reviewBody: '某某县人民政府', court: '某某县人民法院' },
  application: {
    serialNo: '〔2026〕应急依申第12号',
    applicantName: '张三',
    receivedOn: '2026-09-28',
    request: '2025年本县危险化学品企业安全检查的讨论记录',
  },
  issuedOn: '2026-10-09',
  outcome: 'denied.process',
};

let dir: string;
let text: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xxgk-letters-'));
  const docx = join(dir, 'answer.docx');
  await writeFile(docx, await renderLetterDocx(LETTER));
  await run(
    'soffice',
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      docx,
    ],
    { timeout: 180_000 },
  );
  text = (await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'answer.pdf'), '-'])).stdout;
}, 240_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Whether `phrase` stands in the text, ignoring the line breaks and spaces of the PDF's layout. */
const readable = (content: string, phrase: string) => content.replace(/\s+/g, '').includes(phrase.replace(/\s+/g, ''));

describe('an answer letter converted to PDF by LibreOffice', () => {
  it('holds the title, the cited articles, the date and the remedy', () => {
    expect(readable(text, letterTitle(LETTER))).toBe(true);
    expect(readable(text, '第十六条第二款')).toBe(true);
    expect(readable(text, '第三十六条第（三）项')).toBe(true);
    expect(readable(text, '2026年10月9日')).toBe(true);
    expect(readable(text, '向某某县人民政府申请行政复议')).toBe(true);
  });
});
