import { S3_COLUMNS } from '../../src/model/cells.js';

/** Helpers the tests of real page shapes share (parse/real-pages*.test.ts, tool-text.test.ts). */

/** Section 三's seven columns' keys in the national order: six applicants, then the total. */
export const C7: readonly string[] = S3_COLUMNS.map(({ key }) => key);

/** Six applicants' figures and their total: a section 三 row as printed. */
export const withTotal = (values: readonly number[]) => [...values, values.reduce((a, b) => a + b, 0)];

/** A section 三 row's seven cells in the national column order, null where not read. */
export const s3Row = (report: { cells: Record<string, number | null | undefined> }, key: string) =>
  S3_COLUMNS.map(({ key: column }) => report.cells[`s3.${key}.${column}`] ?? null);

/**
 * Section 三 copied from a browser a cell a line, each cell followed by " |" and each header row
 * closed by a line of pipes, as government sites' Word-exported tables paste: the header shape
 * real pages share, with `rows` (the body, in the page's own shape) between it and section 四.
 */
export const cellPerLineS3 = (title: string, rows: string, after: string) => `${title}
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |
申请人情况 |
||||||||
自然人 |
法人或其他组织 |
总计 |
|||||||
商业企业 |
科研机构 |
社会公益组织 |
法律服务机构 |
其他 |
|||||
${rows}
四、政府信息公开行政复议、行政诉讼情况
${after}`;
