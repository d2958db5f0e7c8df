import { simplify } from './normalise.js';
import type { PageFields } from './document.js';
import { fieldOrgan, headerOrgan, organsIn, organValue, placeless, speaksAsAnotherKind } from './organ.js';
import { coverOrgan, signatureOrgan, signatures } from './signature.js';
import { statementOrgan, subjectOrgan } from './statement.js';
import { ACADEMIC_YEAR, cleanTitle, findTitle, TITLE, titleParts, type TitleParts } from './title.js';

/** What the title and body say of who reports and on which year. */
export interface MetaReading {
  readonly title?: string;
  readonly agency?: string;
  /** Where the agency's name came from, for the finding that says so. */
  readonly agencyFrom?: 'title' | 'statement' | 'subject' | 'title+body' | 'signature' | 'field' | 'header';
  readonly year?: number;
  readonly yearFrom?: 'title' | 'period' | 'body';
  /** The date the report was published, where the page or the signature gives one (YYYY-MM-DD). */
  readonly publishedOn?: string;
}

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
 * The organ when the title names none: the 落款, the report's own statement of whose report it is
 * ("现公布某某县人民政府2019年…年度报告", "本报告由某某局编制"), the page's 发布机构 field, the
 * subject of the first part's first sentence ("2021年，某某局认真贯彻落实…"), the page's header where
 * the report speaks of itself as that kind of organ ("某某区国资局" above "…我局…"). Never a name the prose
 * happens to mention: without one of these the organ is left open, with a finding.
 */
function agencyOutsideTitle(
  lines: readonly string[],
  body: () => string,
  page: PageFields | undefined,
): [string | undefined, MetaReading['agencyFrom']] {
  const signature = signatureOrgan(lines) ?? coverOrgan(lines);
  if (signature) return [signature, 'signature'];
  const statement = statementOrgan(body());
  if (statement) return [statement, 'statement'];
  const field = organValue(page?.organ) ?? fieldOrgan(lines);
  if (field) return [field, 'field'];
  const subject = subjectOrgan(body());
  if (subject) return [subject, 'subject'];
  const header = headerOrgan(lines, body());
  return header ? [header, 'header'] : [undefined, undefined];
}

/** A name in the short form titles use: 人民政府 as 政府, an 办公室 as 办 ("县政府办" of "府谷县人民政府办公室"). */
function shortForm(name: string): string {
  return name.replace(/人民政府/g, '政府').replace(/办公室$/, '办');
}

/** Without spaces: a title joined over lines, or a heading a PDF prints letter-spaced, compares so. */
const compactForm = (line: string): string => simplify(line).replace(/\s+/g, '');

/**
 * Whether the title was joined over lines: no line of the head holds it whole. A site's name above a
 * bare title ("某某县人民政府" over "2023年政府信息公开工作年度报告") joins it so, as a name above a title
 * broken over lines does; the report's own words tell them apart (`speaksAsAnotherKind`).
 */
function joinedOverLines(title: string, lines: readonly string[]): boolean {
  const whole = compactForm(title);
  return !lines.slice(0, 40).some((line) => compactForm(line).includes(whole));
}

/**
 * The organ: the title's, completed from the body when the title cuts it short ("市应急管理局" of
 * "大冶市应急管理局"); a name still cut short is no name. Else the 落款, the statement, the field.
 */
function readAgency(
  title: string | undefined,
  fromTitle: TitleParts,
  lines: readonly string[],
  body: () => string,
  page: PageFields | undefined,
): Pick<MetaReading, 'agency' | 'agencyFrom'> {
  let agency = fromTitle.agency;
  if (agency && title && joinedOverLines(title, lines) && speaksAsAnotherKind(agency, body().slice(0, 3000)))
    agency = undefined;
  let agencyFrom: MetaReading['agencyFrom'] = agency ? 'title' : undefined;
  if (agency && placeless(agency)) {
    // The body's organ names are only wanted when the title names no full organ: looking for them costs.
    const suffix = shortForm(agency.replace(/^本/, ''));
    const fuller = mostFrequent(
      organsIn(body()).filter((name) => shortForm(name).endsWith(suffix) && shortForm(name).length > suffix.length),
    );
    [agency, agencyFrom] = fuller ? [fuller, 'title+body'] : [undefined, undefined];
  }
  if (!agency) [agency, agencyFrom] = agencyOutsideTitle(lines, body, page);
  return agency ? { agency, agencyFrom } : {};
}

/** The whole calendar year a statistics period covers ("自2023年1月1日起至2023年12月31日止"). */
const PERIOD =
  /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|－|-|~)\s*(?:\1\s*年\s*)?12\s*月\s*31\s*日/;

/**
 * The year: the title's, else the statistics period's, else the year the body names most. A
 * school's report on an academic year ("2024—2025学年") reports on no one calendar year: none then.
 * A report is published after the year it reports on: where the page dates itself (`publishedIn`,
 * "发布日期：2025年01月20日", the 落款's date), the body's years from that year on are the page's
 * date and the plans for the next year ("2025年，我局将…"), never the report's.
 */
function readYear(
  fromTitle: TitleParts,
  body: () => string,
  publishedIn: () => number | undefined,
): Pick<MetaReading, 'year' | 'yearFrom'> {
  if (fromTitle.year) return { year: fromTitle.year, yearFrom: 'title' };
  const period = PERIOD.exec(body());
  if (period) return { year: Number(period[1]), yearFrom: 'period' };
  if (fromTitle.academic || ACADEMIC_YEAR.test(body().slice(0, 1500))) return {};
  const before = publishedIn() ?? Infinity;
  const years = [...body().matchAll(/((?:19|20)\d{2})\s*年/g)]
    .map((m) => m[1] as string)
    .filter((y) => Number(y) >= 2008 && Number(y) <= 2100 && Number(y) < before);
  const common = mostFrequent(years);
  return common ? { year: Number(common), yearFrom: 'body' } : {};
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
  const agency = readAgency(title, fromTitle, lines, body, page);
  // The page's dates are wanted for the year and for the publication date: found once.
  let dates: readonly (readonly string[])[] | undefined;
  const datesOnce = (): readonly (readonly string[])[] => (dates ??= pageDates(lines, page?.publishedOn));
  const year = readYear(fromTitle, body, () => earliestPageYear(datesOnce()));
  const publishedOn = year.year ? publicationDate(datesOnce(), year.year) : undefined;
  return {
    ...(title ? { title } : {}),
    ...agency,
    ...year,
    ...(publishedOn ? { publishedOn } : {}),
  };
}

const LABELLED_DATE =
  /(?:发布(?:时间|日期)|公开日期|成文日期|印发日期)\s*[:：]?\s*((?:19|20)\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
/**
 * When the report was published: a labelled date near the top of a page ("发布时间：2024-01-20"),
 * else the signature date on a line of its own near the end. Only a date after the year reported
 * on counts: a report cannot be published within the year it reports on.
 */
function publicationDate(dates: readonly (readonly string[])[], year: number): string | undefined {
  for (const [, y, m, d] of dates) {
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const month = Number(m);
    const day = Number(d);
    if (Number(y) > year && month >= 1 && month <= 12 && day >= 1 && day <= 31) return date;
  }
  return undefined;
}

/** The earliest year the page dates itself in, if it does. */
function earliestPageYear(dates: readonly (readonly string[])[]): number | undefined {
  const years = dates.map(([, y]) => Number(y));
  return years.length > 0 ? Math.min(...years) : undefined;
}

/**
 * The page's own dates, as [match, year, month, day]: the date the page declares, the labelled
 * dates near its top, the date on a line of its own near its end (the 落款's).
 */
function pageDates(lines: readonly string[], declared?: string): (readonly string[])[] {
  const candidates: (readonly string[])[] = [];
  const fromPage = declared ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(declared) : null;
  if (fromPage) candidates.push(fromPage);
  for (const line of lines.slice(0, 40)) {
    // Each of LABELLED_DATE's labels holds 日期 or is 发布时间: most lines are not run through it.
    if (!line.includes('日期') && !line.includes('发布时间')) continue;
    const match = LABELLED_DATE.exec(line);
    if (match) candidates.push(match);
  }
  for (const { date } of signatures(lines)) {
    // The 落款's date, where it gives the day: a date to publish on.
    if (date.day !== undefined)
      candidates.push([String(date.year), String(date.year), String(date.month), String(date.day)]);
  }
  return candidates;
}
