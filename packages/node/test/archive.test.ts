import { generateReport, ParseError, renderDocx, seededRandom } from '@xxgk/core';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveEntries, isReportArchive } from '../src/archive.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('archives of reports', () => {
  const zip = zipSync({
    '2023年/相山区教育局.txt': text('相山区教育局2023年政府信息公开工作年度报告'),
    '2023年/空目录/': new Uint8Array(),
    '2023年/.DS_Store': text('x'),
    '__MACOSX/2023年/._相山区教育局.txt': text('x'),
    '大文件.txt': new Uint8Array(4096).fill(0x30),
  });

  it('lists the reports of a ZIP, leaving out folders, hidden files and macOS resource forks', () => {
    expect(isReportArchive('下载.zip', zip)).toBe(true);
    const entries = archiveEntries(zip, '下载.zip', 1024);
    expect(entries.map((e) => e.name)).toEqual(['下载.zip/2023年/相山区教育局.txt', '下载.zip/大文件.txt']);
    expect(new TextDecoder().decode(entries[0]?.read())).toContain('相山区教育局');
  });

  it('refuses an entry over the size limit with the archive named, without stopping the others', () => {
    const big = archiveEntries(zip, '下载.zip', 1024)[1];
    expect(() => big?.read()).toThrow(ParseError);
    expect(() => big?.read()).toThrow(/^下载\.zip：/u);
  });

  it('takes a DOCX, or a file not named .zip, for a report', async () => {
    const docx = await renderDocx(
      generateReport(seededRandom(1), { format: '2021', year: 2022, agency: '海盐县民政局' }),
    );
    expect(isReportArchive('报告.zip', docx)).toBe(false);
    expect(isReportArchive('报告.docx', zip)).toBe(false);
    expect(isReportArchive('损坏.zip', text('PK\u0003\u0004 残缺'))).toBe(false);
  });
});
