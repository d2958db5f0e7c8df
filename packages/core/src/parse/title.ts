import { isTraditional, isTrimmed, simplify } from './normalise.js';

/*
 * The report's title: which lines of a page are its title, and the organ and the year the title
 * names. Titles are printed in many orders and wordings ("X2021年政府信息公开工作年度报告",
 * "X关于2014年政府信息公开工作的年度报告", "X政府信息公开工作2013年度报告", "X2024—2025学年信息公开
 * 年度报告"); the site's chrome, field names and breadcrumbs around them are never part of it.
 */

/** The words that make a line a report's title. */
export const TITLE =
  /(?:政府)?信息公开.{0,6}年度(?:工作)?报告|政府信息公开(?:工作)?(?:情况)?的?(?:年度)?报告|政务公开.{0,6}年度报告|信息公开.{0,4}年报/;
const YEAR = '((?:19|20)\\d{2})';
const TITLE_PARTS = new RegExp(`^(.*?)(?:关于)?\\s*${YEAR}\\s*年度?\\s*(?:政府信息公开|政务公开|信息公开)`);
/** A school's report covers an academic year ("2024—2025学年"): two calendar years, neither of them its year. */
export const ACADEMIC_YEAR = /(?:19|20)\d{2}\s*[-—–－~至]\s*(?:19|20)\d{2}\s*学年/;
const ACADEMIC_PARTS = /^(.*?)(?:19|20)\d{2}[-—–－~至](?:19|20)\d{2}学年度?(?:政府)?信息公开/;
const ACADEMIC_FIRST = /^(?:19|20)\d{2}[-—–－~至](?:19|20)\d{2}学年度?(.+?)(?:政府)?信息公开/;

/**
 * Lines that are never part of a title: a breadcrumb ("当前位置：首页 > … > 政府信息公开年报"), a
 * row of the page's fields ("索引号 | 公开方式 | 发布机构"), a column's bare name in a menu, a
 * sentence that announces the report ("现将某某局2023年政府信息公开工作情况报告如下：").
 */
const NOT_TITLE =
  /[>»|]|^\s*(?:当前位置|您的位置|您现在的位置|索\s*引\s*号|上一篇|下一篇|相关链接|相关文章|相关阅读|现将|现予|现公布|特向社会)|如下\s*[:：]?\s*$/;
/** A column's bare name: a title only as the second line of one broken over lines. */
const COLUMN_NAME = /^(?:政府)?信息公开(?:工作)?(?:年报|年度报告)$/;
/**
 * A line that can open a title broken over lines ("铜川市某区应急管理局" above "2023年政府信息公开
 * 工作年度报告"): ideographs, figures and brackets only — no bullet, menu word or field of the site.
 */
const TITLE_OPENING = /^[\u4e00-\u9fa5\d（）()《》〈〉\s]{2,60}$/;

/**
 * A breadcrumb's or a menu's items a line each ("政府信息公开" above "政府信息公开年报"): they join
 * into words that name a report, yet name no organ and no year.
 */
const MENU_WORDS_ONLY = /^(?:(?:政府)?信息公开|政务公开|工作|年度报告|年报|专栏)+$/;

/** The page's own field name before a title, spaced out as pages print it ("标   题 某局2022年度…"). */
const FIELD_LABEL = /^(?:标\s*题|题\s*名)\s*[:：]?\s*/;

/**
 * A title that opens a long line, the text running on after it ("某县人民政府2019年 政府信息公开工作
 * 年度报告 一、总体情况 …", "某县2009年政府信息公开工作年度报告(以下简称年报)根据…").
 */
const TITLE_OPENS_LINE = /^([^。；;，,：:]{2,60}?(?:年度报告|年报|工作报告))(?:\s|[（(]以下)/;

/**
 * How a title's first line ends when the title is broken over lines: an organ's name ("…应急管理局",
 * "…街道", "…苏木") or a year and the first words ("…2023年度政府"). A site's column ("某某专栏",
 * "政务公开专区") ends otherwise.
 */
const OPENS_TITLE_WORDS =
  /(?:\d|局|委员会|委|办公室|办|厅|政府|中心|院|馆|所|站|队|署|处|会|部|街道|镇|乡|苏木|嘎查|(?<![专园景社])区|县|市|旗|州|盟|省|海关|学|校|公司|台|行|关于|年度?|政务|信息|公开|工作)$/;

/** The longest a title broken over lines may be, joined. */
const LONGEST_TITLE = 80;

function joinedLength(parts: readonly string[]): number {
  let length = 0;
  for (const part of parts) length += part.length;
  return length;
}

/** A line that may open a title's words (a name, a year), cleaned and without spaces. */
function opensTitle(part: string): boolean {
  return (
    TITLE_OPENING.test(part) &&
    OPENS_TITLE_WORDS.test(part) &&
    /[\u4e00-\u9fa5]/.test(part) &&
    part.replace(CHROME, '') !== ''
  );
}

/**
 * Whether the lines may join into one title: `cleanLine` gives the first cleaned. The tests are
 * ordered by cost, the cheapest first (any one failing rules the lines out): lines that join longer
 * than a title are none, nor do more lines make one, and a long line of prose below is then not
 * simplified and parted as a whole title would be.
 */
function mayJoin(parts: readonly string[], cleanLine: () => string): boolean {
  if (joinedLength(parts) > LONGEST_TITLE || parts.some((part) => NOT_TITLE.test(part))) return false;
  if (!TITLE_OPENING.test(cleanLine())) return false;
  // A line that is a whole title by itself ("正文" above "某市2025年…报告", "目录" above "某街道政府
  // 信息公开工作年度报告") takes nothing from above, nor does the page's 标题 field ("标题: 2008年某局…"
  // under the site's name).
  const last = parts[parts.length - 1] as string;
  if (FIELD_LABEL.test(last)) return false;
  // A column's or a site's name above a title that needs nothing from it ("某某专栏" over "2023年…
  // 报告"), or a menu's words ("首页 政务公开"), is no part of it: only a line that may open a
  // title's words (a name, a year) joins.
  const above = parts.slice(0, -1).map((part) => cleanTitle(part).replace(/\s+/g, ''));
  return (above.every(opensTitle) || brokenInWords(above, last)) && !wholeTitle(last);
}

/**
 * Whether the title's words run across the break: a PDF breaks a long title wherever the line is
 * full, within its words too ("某某县国土资源局2009年政府信息公开工" over "作年度报告"); the line above
 * then ends as no name or year does, yet it is the title's.
 */
function brokenInWords(above: readonly string[], last: string): boolean {
  const start = above.join('');
  const words = TITLE.exec(start + cleanTitle(last).replace(/\s+/g, ''));
  return words !== null && words.index < start.length && words.index + words[0].length > start.length;
}

/** The title that starts at line `i` of the head, on one line or broken over up to three. */
function titleAt(head: readonly string[], i: number): string | undefined {
  const line = head[i] as string;
  if (line.length > 70 || /[。；;]/.test(line)) {
    // Only the title's own words are looked at: the sentence after it may quote a 《…<格式>》.
    const opening = TITLE_OPENS_LINE.exec(line)?.[1];
    return opening && !NOT_TITLE.test(opening) && TITLE.test(simplify(opening)) ? cleanTitle(opening) : undefined;
  }
  if (NOT_TITLE.test(line) || COLUMN_NAME.test(line)) return undefined;
  let cleanLine: string | undefined;
  for (let n = 1; n <= 3; n += 1) {
    const parts = head.slice(i, i + n);
    if (n > 1 && (parts.length < n || !mayJoin(parts, () => (cleanLine ??= cleanTitle(line))))) break;
    const candidate = parts.join('');
    if (candidate.length <= LONGEST_TITLE && TITLE.test(simplify(candidate)) && !/[。；;]/.test(candidate)) {
      if (MENU_WORDS_ONLY.test(simplify(candidate).replace(/\s+/g, ''))) break;
      return cleanTitle(candidate);
    }
  }
  return undefined;
}

/** Whether a code unit is one a regular expression's \s matches (what `trim` removes), or a pipe. */
function isEdge(code: number): boolean {
  return code === 0x7c || isTrimmed(code);
}

/**
 * The line without the spaces and pipes at its ends, as `/^[\s|]+|[\s|]+$/g` takes them off: by
 * hand, as the expression tries its second branch at every character of a crawler's one-line body.
 */
export function withoutCellEdges(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && isEdge(line.charCodeAt(start))) start += 1;
  while (end > start && isEdge(line.charCodeAt(end - 1))) end -= 1;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** What `mayOpenTitle` asks of each of the head's lines, as bits: asked once per line, not thrice. */
const OPENS = 1;
const STARTS_KAI = 2;
const ENDS_GONG = 4;
const EMPTY = 8;
const REPORT = 16;

function lineMarks(line: string): number {
  if (line === '') return EMPTY;
  // Simplifying a traditional line may give either word: it may hold both.
  if (isTraditional(line)) return OPENS | REPORT;
  const report = line.includes('报') ? REPORT : 0;
  if (line.includes('公开')) return OPENS | report;
  return report | (line.startsWith('开') ? STARTS_KAI : 0) | (line.endsWith('公') ? ENDS_GONG : 0);
}

/**
 * Whether a title can start at line `i`: every title `titleAt` takes passes TITLE, whose every
 * branch holds 公开 and a 报 (报告, 年报), within the three lines from `i` (simplified, which
 * changes nothing in lines without a traditional character). A report without a title line runs
 * `titleAt` on all forty lines, each joined with the next two and cleaned several ways: this rules
 * most out at once (the table's rows of a short report, "…政府信息公开申请…", hold no 报).
 * `marks` holds each line's `lineMarks`.
 */
function mayOpenTitle(marks: readonly number[], i: number): boolean {
  // Line by line, not joined: a crawler's whole body may be one line, and joining would copy it.
  let gong = false;
  let opens = false;
  let report = false;
  for (let k = i; k < Math.min(marks.length, i + 3); k += 1) {
    const mark = marks[k] as number;
    // 公开 within the line, or across the break from the last line that was not empty.
    if ((gong && (mark & STARTS_KAI) !== 0) || (mark & OPENS) !== 0) opens = true;
    if ((mark & REPORT) !== 0) report = true;
    if ((mark & EMPTY) === 0) gong = (mark & ENDS_GONG) !== 0;
  }
  return opens && report;
}

/** How many lines at the top may hold the title. */
const HEAD_LINES = 40;

/** A heading a PDF prints letter-spaced ("青 梧 县 林 业 局", "2 0 2 3 年 政 府 信 息 公 开 …"): one character, a space, … */
const LETTER_SPACED = /^(?:\S[ \u3000]{1,3}){3,}\S$/;

/** A letter-spaced heading's characters without the spaces; any other line as it is. */
function unspaced(line: string): string {
  if (line.length > 160 || !LETTER_SPACED.test(line)) return line;
  const bare = line.replace(/[ \u3000]+/g, '');
  return /[\u4e00-\u9fa5]{4}/.test(bare) ? bare : line;
}

/**
 * The title: the first short lines that name an annual report, joined when broken over lines. A
 * page that prints the bare report's name above the organ's title ("2022年政府信息公开工作年度报告"
 * over "某县某镇人民政府" and the name again) gives the title that names the organ.
 */
export function findTitle(lines: readonly string[]): string | undefined {
  // The head's lines are prepared as far as the title at `i` may reach (three lines): most titles
  // stand in the first lines, and the rest is not looked at then.
  const limit = Math.min(lines.length, HEAD_LINES);
  const head: string[] = [];
  const marks: number[] = [];
  let first: { readonly title: string; readonly year?: number } | undefined;
  for (let i = 0; i < limit; i += 1) {
    for (let k = head.length; k < Math.min(limit, i + 3); k += 1) {
      // A title printed in a table's cell keeps the cell's edges ("某县人民政府2022年…报告 |").
      const line = unspaced(withoutCellEdges(lines[k] as string));
      head.push(line);
      marks.push(lineMarks(line));
    }
    if (!mayOpenTitle(marks, i)) continue;
    const title = titleAt(head, i);
    if (!title) continue;
    const parts = titleParts(simplify(title).replace(/\s+/g, ''));
    // A later title of another year is another report's (a link to last year's), never this one's.
    const sameReport = !first?.year || !parts.year || parts.year === first.year;
    if (parts.agency && sameReport) return title;
    first ??= { title, ...(parts.year ? { year: parts.year } : {}) };
  }
  return first?.title;
}

/**
 * Whether a line names a report and its organ by itself, with or without the year (a title without
 * one is a whole title too: the body gives the year).
 */
function wholeTitle(line: string): boolean {
  const form = simplify(line).replace(/\s+/g, '');
  if (!TITLE.test(form)) return false;
  return titleParts(form).agency !== undefined;
}

/**
 * Words of a site's chrome that a page's text puts before the title on the same line
 * ("热门搜索：长者模式退出长者模式无障碍浏览平潭综合实验区2020年…"): never part of an organ's name.
 */
const CHROME =
  /^(?:热门搜索|当前位置|您的位置|您现在的位置|退出长者模式|长者模式|关怀模式|关怀版|无障碍浏览|无障碍|简体|繁体|繁體|English|登录|注册|首页|搜索|网站地图|目录|正文|打印|关闭|政务公开|信息公开|政府信息公开年报|年报)+/;
/** A flip-book's page mark before a PDF page's text ("Page 8 - 某局2022年…报告", "第3页 - …"). */
const PAGE_MARK = /^(?:Page|P\.?|第)\s*\d+\s*页?\s*[-–—:：]\s*/i;
/** A column's tag in brackets before a title ("[某某镇]2012年某某镇政府信息公开…"). */
const TAG = /^[[【〔][^\]】〕]{1,20}[\]】〕]\s*/;

/** A title without a field name ("标题:"), a column's tag or the site chrome printed before it on its line. */
export function cleanTitle(candidate: string): string {
  let title = candidate.replace(/\s+/g, ' ').trim();
  title = title.replace(FIELD_LABEL, '').replace(PAGE_MARK, '');
  const colon = /^([^:：]{0,12})[:：]\s*/.exec(title);
  if (colon && (/^(?:标题|题名|文章标题|title)$/i.test((colon[1] as string).trim()) || CHROME.test(colon[1] as string)))
    title = title.slice(colon[0].length);
  const untagged = title.replace(TAG, '');
  if (untagged !== title && TITLE.test(simplify(untagged))) title = untagged;
  const bare = title.replace(CHROME, '');
  return TITLE.test(simplify(bare)) ? bare.trim() : title;
}

/** The organ's name out of the words before the year: no field name ("标题:"), no site chrome, no year. */
function cleanAgency(name: string): string {
  const afterColon = name.replace(/^.*[:：>»|]\s*/, '').replace(/^(?:19|20)\d{2}年度?/, '');
  const bare = afterColon.replace(CHROME, '').trim();
  return bare.length >= 2 ? bare : afterColon.trim();
}

/**
 * The organ a title's words name. "张义镇人民政府信息公开…" parts as "张义镇人民" + "政府信息公开",
 * and "2022年上海市政府信息公开…" as "上海市" + "政府…": in both the 政府 belongs to the name. A
 * zone's government (实验区, 开发区 …) is a 管委会, not a 人民政府: its bare name is kept.
 */
function completeAgency(name: string, beforeGovernment: boolean): string {
  if (/人民$/.test(name)) return `${name}政府`;
  const place = /^[\u4e00-\u9fa5]{1,12}?(?:省|市|县|区|旗|盟|州|镇|乡)$/.test(name);
  const zone = /(?:实验区|新区|开发区|高新区|园区|示范区|合作区)$/.test(name);
  return beforeGovernment && place && !zone ? `${name}人民政府` : name;
}

export interface TitleParts {
  readonly agency?: string;
  readonly year?: number;
  /** The title names an academic year ("2024—2025学年"), not a calendar year. */
  readonly academic?: boolean;
}

/**
 * The organ and the year a title names, in any of its orders: "X2021年…报告", "2021年X…报告",
 * "X…报告（2021年度）", "X政府信息公开工作2013年度报告", "X2024—2025学年…报告", and
 * "X政府信息公开工作年度报告" with no year (the body gives it). `title` is simplified, without spaces.
 */
/**
 * A title's orders: [pattern, the organ's group, the year's group, whether 政府信息公开 follows the
 * organ's words]. Compiled once: titleParts runs for every candidate title of every report.
 */
const TITLE_FORMS: readonly (readonly [RegExp, number, number | undefined, boolean])[] = [
  // "2023年政府信息公开工作年度报告（某某局）": the organ in brackets after the report's name.
  [
    new RegExp(`^${YEAR}年度?(?:政府信息公开|政务公开|信息公开).{0,10}?(?:报告|年报)[（(]([^（）()]{3,30})[)）]$`),
    2,
    1,
    false,
  ],
  [TITLE_PARTS, 1, 2, false],
  [ACADEMIC_PARTS, 1, undefined, false],
  [ACADEMIC_FIRST, 1, undefined, false],
  [new RegExp(`^${YEAR}年度?(.+?)(?:政府信息公开|政务公开|信息公开)`), 2, 1, true],
  [new RegExp(`^(.+?)(?:政府信息公开|政务公开)(?:工作)?${YEAR}年度?报告`), 1, 2, true],
  [new RegExp(`^(.+?)(?:政府信息公开|政务公开).{0,8}?报告[（(]?${YEAR}年?度?`), 1, 2, true],
  [/^(.+?)(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)$/, 1, undefined, true],
];

/** Years a title writes in Chinese numerals ("二〇二三年") or full-width figures ("２０２３年"). */
const NUMERAL_YEAR = /[〇零一二三四五六七八九]{4}(?=年)|[０-９]{4}(?=年)/g;
const DIGIT_OF = new Map([...'〇一二三四五六七八九'].map((char, digit) => [char, String(digit)]));

function arabicYears(title: string): string {
  return title.replace(NUMERAL_YEAR, (year) =>
    [...year]
      .map((char) => (char === '零' ? '0' : (DIGIT_OF.get(char) ?? String(char.charCodeAt(0) - 0xff10))))
      .join(''),
  );
}

/** The last title parted, and its parts: the reader parts its title twice (finding it, then reading it). */
let lastParted: { readonly raw: string; readonly parts: TitleParts } | undefined;

export function titleParts(raw: string): TitleParts {
  if (lastParted?.raw !== raw) lastParted = { raw, parts: partTitle(raw) };
  return lastParted.parts;
}

function partTitle(raw: string): TitleParts {
  // "关于某某局2023年…报告": the 关于 of a report's heading is no part of the organ's name.
  const title = arabicYears(raw).replace(/^关于/, '');
  for (const [pattern, agencyGroup, yearGroup, beforeKeyword] of TITLE_FORMS) {
    const match = pattern.exec(title);
    if (!match) continue;
    const words = match[agencyGroup] ?? '';
    const raw = words
      .replace(/^[《〈<]/, '')
      .replace(/关于$/, '')
      .trim();
    const beforeGovernment =
      beforeKeyword && title.slice(title.indexOf(words) + words.length).startsWith('政府信息公开');
    const agency = raw ? completeAgency(cleanAgency(raw), beforeGovernment) : undefined;
    const year = yearGroup === undefined ? undefined : Number(match[yearGroup]);
    const academic = pattern === ACADEMIC_PARTS || pattern === ACADEMIC_FIRST;
    return { ...(agency ? { agency } : {}), ...(year ? { year } : {}), ...(academic ? { academic } : {}) };
  }
  return {};
}
