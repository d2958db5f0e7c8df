import { simplify } from './normalise.js';
import type { PageFields } from './document.js';
import { fieldOrgan, NAMELESS, organsIn, organValue, signatureOrgan } from './organ.js';

/** What the title and body say of who reports and on which year. */
export interface MetaReading {
  readonly title?: string;
  readonly agency?: string;
  /** Where the agency's name came from, for the finding that says so. */
  readonly agencyFrom?: 'title' | 'body' | 'title+body' | 'signature' | 'field';
  readonly year?: number;
  readonly yearFrom?: 'title' | 'period' | 'body';
  /** The date the report was published, where the page or the signature gives one (YYYY-MM-DD). */
  readonly publishedOn?: string;
}

const TITLE = /政府信息公开.{0,6}年度报告|政府信息公开工作报告|政务公开.{0,6}年度报告|信息公开.{0,4}年报/;
const TITLE_PARTS = /^(.*?)(?:关于)?\s*((?:19|20)\d{2})\s*年度?\s*(?:政府信息公开|政务公开|信息公开)/;

function mostFrequent(items: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [item, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && item.length > best.length)) {
      best = item;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Lines that are never part of a title: a breadcrumb ("当前位置：首页 > … > 政府信息公开年报"), a
 * row of the page's fields ("索引号 | 公开方式 | 发布机构"), a column's bare name in a menu.
 */
const NOT_TITLE = /[>»|]|^\s*(?:当前位置|您的位置|您现在的位置|索\s*引\s*号)/;
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

/** The title: the first short lines that name an annual report, joined when broken over lines. */
export function findTitle(lines: readonly string[]): string | undefined {
  // A title printed in a table's cell keeps the cell's edges ("某县人民政府2022年…报告 |").
  const head = lines.slice(0, 40).map((line) => line.replace(/^[\s|]+|[\s|]+$/g, ''));
  for (let i = 0; i < head.length; i += 1) {
    const line = head[i] as string;
    if (line.length > 70 || NOT_TITLE.test(line) || COLUMN_NAME.test(line)) continue;
    for (let n = 1; n <= 3; n += 1) {
      const parts = head.slice(i, i + n);
      if (n > 1 && (parts.some((part) => NOT_TITLE.test(part)) || !TITLE_OPENING.test(cleanTitle(line)))) break;
      // A line that is a whole title by itself ("正文" above "某市2025年…报告") takes nothing from above.
      if (n > 1 && (parts.length < n || wholeTitle(parts[n - 1] as string))) break;
      const candidate = parts.join('');
      if (candidate.length <= 80 && TITLE.test(simplify(candidate)) && !/[。；;]/.test(candidate)) {
        if (MENU_WORDS_ONLY.test(simplify(candidate).replace(/\s+/g, ''))) break;
        return cleanTitle(candidate);
      }
    }
  }
  return undefined;
}

/** Whether a line names a report, its organ and its year by itself. */
function wholeTitle(line: string): boolean {
  const form = simplify(line).replace(/\s+/g, '');
  if (!TITLE.test(form)) return false;
  const parts = titleParts(form);
  return parts.agency !== undefined && parts.year !== undefined;
}

/**
 * Words of a site's chrome that a page's text puts before the title on the same line
 * ("热门搜索：长者模式退出长者模式无障碍浏览平潭综合实验区2020年…"): never part of an organ's name.
 */
const CHROME =
  /^(?:热门搜索|当前位置|您的位置|您现在的位置|退出长者模式|长者模式|关怀模式|关怀版|无障碍浏览|无障碍|简体|繁体|繁體|English|登录|注册|首页|搜索|网站地图|政务公开|信息公开|政府信息公开年报|年报)+/;

/** The page's own field name before a title, spaced out as pages print it ("标   题 某局2022年度…"). */
const FIELD_LABEL = /^(?:标\s*题|题\s*名)\s*[:：]?\s*/;

/** A title without a field name ("标题:") or the site chrome printed before it on its line. */
function cleanTitle(candidate: string): string {
  let title = candidate.replace(/\s+/g, ' ').trim();
  title = title.replace(FIELD_LABEL, '');
  const colon = /^([^:：]{0,12})[:：]\s*/.exec(title);
  if (colon && (/^(?:标题|题名|文章标题|title)$/i.test((colon[1] as string).trim()) || CHROME.test(colon[1] as string)))
    title = title.slice(colon[0].length);
  const bare = title.replace(CHROME, '');
  return TITLE.test(simplify(bare)) ? bare.trim() : title;
}

/** The organ's name out of the words before the year: no field name ("标题:"), no site chrome. */
function cleanAgency(name: string): string {
  const afterColon = name.replace(/^.*[:：>»|]\s*/, '');
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

/**
 * The organ and the year a title names, in any of its orders: "X2021年…报告", "2021年X…报告",
 * "X…报告（2021年度）", and "X政府信息公开工作年度报告" with no year (the body gives it).
 */
function titleParts(title: string): { agency?: string; year?: number } {
  // [pattern, the organ's group, the year's group, whether 政府信息公开 follows the organ's words]
  const forms: [RegExp, number, number | undefined, boolean][] = [
    [TITLE_PARTS, 1, 2, false],
    [/^((?:19|20)\d{2})年度?(.+?)(?:政府信息公开|政务公开)/, 2, 1, true],
    [/^(.+?)(?:政府信息公开|政务公开).{0,8}?报告[（(]?((?:19|20)\d{2})年?度?/, 1, 2, true],
    [/^(.+?)(?:政府信息公开|政务公开)(?:工作)?(?:年度报告|年报)$/, 1, undefined, true],
  ];
  for (const [pattern, agencyGroup, yearGroup, beforeKeyword] of forms) {
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
    return { ...(agency ? { agency } : {}), ...(year ? { year } : {}) };
  }
  return {};
}

/** The organ when the title names none: the 落款, the page's 发布机构 field, else the name the body uses most. */
function agencyOutsideTitle(
  lines: readonly string[],
  organs: () => readonly string[],
  page: PageFields | undefined,
): [string | undefined, MetaReading['agencyFrom']] {
  const signature = signatureOrgan(lines);
  if (signature) return [signature, 'signature'];
  const field = organValue(page?.organ) ?? fieldOrgan(lines);
  if (field) return [field, 'field'];
  const common = mostFrequent(organs());
  return common ? [common, 'body'] : [undefined, undefined];
}

/** A name in the short form titles use: 人民政府 as 政府, an 办公室 as 办 ("县政府办" of "府谷县人民政府办公室"). */
function shortForm(name: string): string {
  return name.replace(/人民政府/g, '政府').replace(/办公室$/, '办');
}

/**
 * `text` is the lines joined by line breaks, when the caller has it already; `page` the fields the
 * page declares (an HTML page's ArticleTitle, ContentSource, PubDate), which come before what the
 * text seems to say.
 */
export function readMeta(lines: readonly string[], text = lines.join('\n'), page?: PageFields): MetaReading {
  const title = page?.title && TITLE.test(simplify(page.title)) ? cleanTitle(page.title) : findTitle(lines);
  // The body is only read when the title leaves the organ or the year open: simplified then.
  let simplified: string | undefined;
  const body = (): string => (simplified ??= simplify(text));
  const fromTitle = title ? titleParts(simplify(title).replace(/\s+/g, '')) : {};
  let agency = fromTitle.agency;
  let agencyFrom: MetaReading['agencyFrom'] = agency ? 'title' : undefined;
  // The body's organ names are only wanted when the title names no full organ: looking for them costs.
  let found: string[] | undefined;
  const organs = (): string[] => (found ??= organsIn(body()));
  if (agency && NAMELESS.test(agency)) {
    // "市应急管理局" in the title; the body names "大冶市应急管理局".
    const suffix = shortForm(agency.replace(/^本/, ''));
    const fuller = mostFrequent(
      organs().filter((name) => shortForm(name).endsWith(suffix) && shortForm(name).length > suffix.length),
    );
    if (fuller) {
      agency = fuller;
      agencyFrom = 'title+body';
    }
  }
  if (!agency) [agency, agencyFrom] = agencyOutsideTitle(lines, organs, page);

  let year = fromTitle.year;
  let yearFrom: MetaReading['yearFrom'] = year ? 'title' : undefined;
  if (!year) {
    const period = /自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?至\s*\1\s*年\s*12\s*月\s*31\s*日/.exec(
      body(),
    );
    if (period) {
      year = Number(period[1]);
      yearFrom = 'period';
    }
  }
  if (!year) {
    const years = [...body().matchAll(/((?:19|20)\d{2})\s*年/g)]
      .map((m) => m[1] as string)
      .filter((y) => Number(y) >= 2008 && Number(y) <= 2100);
    const common = mostFrequent(years);
    if (common) {
      year = Number(common);
      yearFrom = 'body';
    }
  }
  const publishedOn = year ? publicationDate(lines, year, page?.publishedOn) : undefined;
  return {
    ...(title ? { title } : {}),
    ...(agency ? { agency, agencyFrom } : {}),
    ...(year ? { year, yearFrom } : {}),
    ...(publishedOn ? { publishedOn } : {}),
  };
}

const LABELLED_DATE =
  /(?:发布(?:时间|日期)|公开日期|成文日期|印发日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$/;

/**
 * When the report was published: a labelled date near the top of a page ("发布时间：2024-01-20"),
 * else the signature date on a line of its own near the end. Only a date after the year reported
 * on counts: a report cannot be published within the year it reports on.
 */
function publicationDate(lines: readonly string[], year: number, declared?: string): string | undefined {
  const candidates: RegExpExecArray[] = [];
  const fromPage = declared ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(declared) : null;
  if (fromPage) candidates.push(fromPage);
  for (const line of lines.slice(0, 40)) {
    const match = LABELLED_DATE.exec(line);
    if (match) candidates.push(match);
  }
  for (const line of lines.slice(-15).reverse()) {
    const match = DATE_LINE.exec(line);
    if (match) candidates.push(match);
  }
  for (const [, y, m, d] of candidates) {
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const month = Number(m);
    const day = Number(d);
    if (Number(y) > year && month >= 1 && month <= 12 && day >= 1 && day <= 31) return date;
  }
  return undefined;
}
