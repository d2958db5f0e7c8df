import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateReport, REGIONS, renderText, seededRandom, type Report, type TextLayout } from '@xxgk/core';

/**
 * Organs of a small test corpus. 上城区应急管理局 is spelt three ways (its full name, its county's
 * name only, and its name before the 2018 机构改革): the corpus must keep them as one organ.
 * (Until the synthetic corpus generator of core/src/corpus lands, these are built here from the
 * report generator and the text renderer.)
 */
export const CORPUS_ORGANS = [
  '杭州市上城区应急管理局',
  '淮北市相山区教育局',
  '海盐县民政局',
  '大冶市人民政府',
  '宁波市鄞州区卫生健康局',
] as const;

/** The other spellings of 杭州市上城区应急管理局 used in the corpus, by year. */
const SPELLINGS: Readonly<Record<number, string>> = {
  2022: '上城区应急管理局',
  2023: '杭州市上城区安全生产监督管理局',
};

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly report: Report;
}

const LAYOUTS: readonly TextLayout[] = ['lines', 'pipe', 'tab'];

/** One text file a report (organs × years), each organ's name as it would have been published. */
export function corpusFiles(years: readonly number[], seed = 15): CorpusFile[] {
  const random = seededRandom(seed);
  const files: CorpusFile[] = [];
  CORPUS_ORGANS.forEach((organ, o) => {
    for (const year of years) {
      const agency = o === 0 ? (SPELLINGS[year] ?? organ) : organ;
      const report = generateReport(random, { format: year >= 2021 ? '2021' : '2019', year, agency });
      const text = renderText(report, LAYOUTS[(o + year) % LAYOUTS.length] as TextLayout);
      files.push({ name: `${o}-${year}.txt`, bytes: new TextEncoder().encode(text), report });
    }
  });
  return files;
}

/** Writes the files into `dir` (in subfolders of five, as a crawl would leave them). */
export async function writeCorpus(dir: string, files: readonly CorpusFile[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    const folder = join(dir, `part-${Math.floor(index / 5)}`);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, file.name), file.bytes);
  }
}

/** `count` reports of county bureaus named from the region table, four years each (2021–2024). */
export function countyFiles(count: number, seed = 16): CorpusFile[] {
  const random = seededRandom(seed);
  const counties = [...REGIONS.values()].filter((r) => r.level === 'county' && !/市辖区|^县$/u.test(r.name));
  const files: CorpusFile[] = [];
  for (let i = 0; files.length < count; i += 1) {
    const county = counties[i * 7] as (typeof counties)[number];
    const prefecture = REGIONS.get(county.parent ?? '')?.name ?? '';
    for (let year = 2021; year <= 2024 && files.length < count; year += 1) {
      const agency = `${prefecture}${county.name}教育局`;
      const report = generateReport(random, { format: '2021', year, agency });
      const text = renderText(report, LAYOUTS[(i + year) % LAYOUTS.length] as TextLayout);
      files.push({ name: `${county.code}-${year}.txt`, bytes: new TextEncoder().encode(text), report });
    }
  }
  return files;
}
