import { describe, expect, it } from 'vitest';
import { generateReport, seededRandom } from '../../model/generate.js';
import { renderHtml } from '../../render/html.js';
import { parseReport } from '../index.js';
import { canonical, splitNumbering } from '../normalise.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];

/** Each spelling of the numbering "（n）" as organs write it, from the Chinese numeral and its digit. */
const VARIANTS: readonly [string, (chinese: string, digit: number) => string][] = [
  ['（六）', (c) => `（${c}）`],
  ['(六)', (c) => `(${c})`],
  ['（6）', (_, d) => `（${d}）`],
  ['(6)、', (_, d) => `(${d})、`],
  ['6）', (_, d) => `${d}）`],
  ['六)', (c) => `${c})`],
  ['〔六〕', (c) => `〔${c}〕`],
  ['【六】', (c) => `【${c}】`],
  ['六、', (c) => `${c}、`],
  ['六．', (c) => `${c}．`],
  ['六：', (c) => `${c}：`],
  ['⑥', (_, d) => String.fromCharCode(0x245f + d)],
];

describe('the numbering of row labels as organs spell it', () => {
  it.each(VARIANTS)('%s is numbering, and the label is the words after it', (_name, spell) => {
    const { numbering, core } = splitNumbering(canonical(`${spell('六', 6)}其他处理`));
    expect(numbering).not.toBe('');
    expect(core).toBe('其他处理');
  });

  it('leaves figures and words that only look numbered alone', () => {
    expect(splitNumbering(canonical('145件')).numbering).toBe('');
    expect(splitNumbering(canonical('2023年')).numbering).toBe('');
    expect(splitNumbering(canonical('《条例》规定')).numbering).toBe('');
  });

  it.each(VARIANTS)(
    'a 2021 report whose section 三 rows are numbered %s reads the same cells',
    async (_name, spell) => {
      const report = generateReport(seededRandom(6), { format: '2021' });
      // The outcome rows (一)…(七) of section 三, respelt; the section headings stay as they are.
      const html = renderHtml(report).replace(
        />（([一二三四五六七])）(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计)/g,
        (_, c: string, words: string) => `>${spell(c, NUMERALS.indexOf(c) + 1)}${words}`,
      );
      expect(html).toContain(`${spell('六', 6)}其他处理`);
      const { report: read } = await parseReport(new TextEncoder().encode(html));
      expect(read.cells).toEqual(report.cells);
    },
  );
});
