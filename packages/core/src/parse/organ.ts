import { simplify } from './normalise.js';

/*
 * Where a report names its organ outside the title: the 落款 (the signature over the date at the
 * end), a page's 发布机构 field; the body's names only complete a title's name cut short. A name is a place then an organ ("阿巴嘎旗自然资源局");
 * never a phrase of the prose that happens to hold one ("请与阿巴嘎旗自然资源局联系",
 * "根据区政府…", "充分保障了市民对政府…"), and never cut short ("北塘街道办" of 北塘街道办事处).
 */

/** A place word, or a name of the state's own organs (国家…, 国务院…, 中国…), which need none. */
const PLACED = /[省市区县旗州盟镇乡]|街道|苏木|嘎查|^(?:国家|国务院|中华人民共和国|中国|全国|中央)/;
/** A level before the organ ("市应急管理局", "县政府办"), or the start of a place's name ("镇宁自治县…", "市中区…"). */
const LEVEL = /^本?(?:[省市区县州旗镇乡]|自治[区州县])/;
/** A local department's kind of organ: without a place ("林业局", "政府办公室") it is one of thousands. */
const DEPARTMENT = /(?:局|委员会|委|办公室|办|中心|所|站|队)$/;

/**
 * A park's committee ("某某科技产业园管理委员会", "某某工业园区管委会") is named by its park, which holds no
 * place word: one organ of its kind, as a zone's committee ("某某新区管委会") is.
 */
const PARK_COMMITTEE = /^[\u4e00-\u9fa5]{2,}园区?(?:管理委员会|管委会)$/;

/**
 * A school's own unit by its short name ("图书馆", "金融学院", "外国语学院"): it reports on a
 * school's site under the school's name, which it leaves out. A college named by its place in few
 * words ("某某学院" without a place word) is read so too: left open rather than read as a school's unit.
 */
const SCHOOL_UNIT = /^[\u4e00-\u9fa5]{0,3}(?:学院|图书馆|档案馆)$/;

/**
 * Whether a name is cut short of the place it belongs to: "市应急管理局", "林业局", "政府办公室".
 * A ministry ("水利部"), a school ("某某大学") or a zone's committee ("某某新区管委会") is not.
 */
export function placeless(name: string): boolean {
  if (PARK_COMMITTEE.test(name)) return false;
  if (SCHOOL_UNIT.test(name) && !PLACED.test(name)) return true;
  const rest = name.replace(LEVEL, '');
  // A level then an organ: no place word is left once the level is taken off.
  if (rest !== name && (/^自治/.test(name) || !PLACED.test(withoutPlaceLikeWords(rest)))) return true;
  return DEPARTMENT.test(name) && !PLACED.test(withoutPlaceLikeWords(name));
}

/**
 * Words of a department's name that hold a place word's character and name no place: the 市 of
 * 市场监督管理局, the 乡 of 住房和城乡建设局 and 乡村振兴局, the 市 of 城市管理局. "市市场监管局" and
 * "县住房和城乡建设局" are a level and a department, cut short of their place. Each word is taken only
 * before the words that follow it in such names, so that a place ending in 城 ("晋城市", "龙城乡")
 * keeps its place word.
 */
const PLACE_LIKE_WORDS =
  /市场(?=监督|监管|服务|发展|管理)|城市(?=管理|综合|建设|规划|更新)|城乡(?=建设|规划)|乡村(?=振兴|建设)/g;

function withoutPlaceLikeWords(name: string): string {
  return name.replace(PLACE_LIKE_WORDS, '〇〇');
}

/** An organ's full name: a place, then the organ (局, 委员会, 办公室 …). */
export const ORGAN =
  /[\u4e00-\u9fa5]{2,10}?(?:省|市|区|县|旗|州|盟|镇|乡|街道)[\u4e00-\u9fa5]{0,16}?(?:局|委员会|委|办公室|厅|人民政府|政府|中心|院|馆|所|站|队|署|处|会|办)/g;

/** The rest of a longer organ word the lazy match stopped short of: 办 → 办事处 / 办公室, 委 → 委员会. */
const COMPLETIONS: readonly (readonly [RegExp, RegExp])[] = [
  [/办$/, /^(?:事处|公室)/],
  [/委$/, /^员会/],
  // "某某经开区管委会": the lazy match stops at 委.
  [/管委$/, /^会/],
  [/人民$/, /^政府/],
  // "府谷县人民政府办公室": the lazy match stops at the government the office belongs to.
  [/政府$/, /^办公室/],
];

/** Words that open a phrase of prose, not a name: what comes after them may be the name. */
const PROSE_LEAD =
  /^(?:请与|请向|根据|按照|依据|依照|经过|经|由于|由|向|对|在|将|与|及|为|通过|并|现将|现公开|现公布|现发布|关于|会同|联合|配合|督促|指导|组织|协调|报送|报请|提请|接受|开展|推动|推进)/;
/**
 * Particles (了的对是在将把被等) and words of prose a name never holds, wherever they stand
 * ("按要求主动公示了中仓街道办事处", "中仓街道积极推动街道政府…"): the name, if any, is what follows
 * the last of them. Words some names do hold (联合会, 指导中心, 协调办公室, 推进中心) are not among them.
 */
const PROSE_CUT =
  /.*(?:[了的对是在将把被等]|通过|请与|根据|按照|依据|依照|报送|报请|提请|会同|配合|督促|推动|积极|认真|主动|要求|部署|落实|贯彻|开展)/;
/** What is left of a year or a date before a name ("2025年中仓街道…" gives "年中仓街道…"). */
const DATE_RESIDUE = /^[年月日度]+/;
/** A whole name: two or more ideographs of place, a place word, then the organ. */
const WHOLE_NAME = /^[\u4e00-\u9fa5]{2,10}?(?:省|市|区|县|旗|州|盟|镇|乡|街道)/;

/** Runs of ideographs (U+4E00–U+9FA5) this long can hold a name (two, a place, an organ). */
const FIRST_IDEOGRAPH = 0x4e00;
const LAST_IDEOGRAPH = 0x9fa5;
const SHORTEST_RUN = 4;
const STREET = '街'.charCodeAt(0);

/**
 * Where ORGAN matches in the text. It matches ideographs only, so it is run on each run of four or
 * more that holds a place word, not over the whole text (where it tries every ideograph of the
 * prose). The runs are found by a loop over the text, which notes the place words on the way: a
 * regular expression made a match object of every run of the prose, and a second one looked for
 * the place word in a copy of it.
 */
function organMatches(text: string): { readonly name: string; readonly index: number }[] {
  const out: { name: string; index: number }[] = [];
  let start = -1;
  let place = false;
  for (let i = 0; i <= text.length; i += 1) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (code >= FIRST_IDEOGRAPH && code <= LAST_IDEOGRAPH) {
      if (start < 0) {
        start = i;
        place = false;
      }
      // 道 is an ideograph: a 街道 stands within the run.
      place ||= PLACE_CODES[code - FIRST_IDEOGRAPH] === 1 || (code === STREET && text[i + 1] === '道');
      continue;
    }
    if (start >= 0 && place && i - start >= SHORTEST_RUN)
      for (const match of nameMatches(text.slice(start, i))) out.push({ name: match.name, index: start + match.index });
    start = -1;
  }
  return out;
}

/** ORGAN tried at one place only. */
const ORGAN_AT = new RegExp(ORGAN.source, 'y');
/**
 * The place words' characters, 街道 by its first, by code over the ideographs (a table: every
 * ideograph of the body is looked up).
 */
const PLACE_CODES = new Uint8Array(LAST_IDEOGRAPH - FIRST_IDEOGRAPH + 1);
for (const char of '省市区县旗州盟镇乡') PLACE_CODES[char.charCodeAt(0) - FIRST_IDEOGRAPH] = 1;
const isPlaceCode = (code: number): boolean =>
  code >= FIRST_IDEOGRAPH && code <= LAST_IDEOGRAPH && PLACE_CODES[code - FIRST_IDEOGRAPH] === 1;
/** A name's place word starts two to ten ideographs after the name (ORGAN's first part). */
const LEAST_BEFORE_PLACE = 2;
const MOST_BEFORE_PLACE = 10;

/** Where the next place word starts in a run of ideographs, at or after `from`; the run's length if nowhere. */
function nextPlace(run: string, from: number): number {
  for (let i = from; i < run.length; i += 1) {
    const code = run.charCodeAt(i);
    if (isPlaceCode(code) || (code === STREET && run[i + 1] === '道')) return i;
  }
  return run.length;
}

/**
 * ORGAN's matches in a run of ideographs, the same as `run.matchAll(ORGAN)` gives: tried start by
 * start, but only where a place word stands two to ten ideographs on. In the prose most starts
 * stand farther from one, and the expression would try ten lengths at each to find that out.
 */
export function nameMatches(run: string): { readonly name: string; readonly index: number }[] {
  const out: { name: string; index: number }[] = [];
  let at = 0;
  let place = -1;
  while (at < run.length) {
    if (place < at + LEAST_BEFORE_PLACE) place = nextPlace(run, at + LEAST_BEFORE_PLACE);
    if (place >= run.length) break;
    if (place - at > MOST_BEFORE_PLACE) {
      at = place - MOST_BEFORE_PLACE;
      continue;
    }
    ORGAN_AT.lastIndex = at;
    const match = ORGAN_AT.exec(run);
    if (match) {
      out.push({ name: match[0], index: at });
      at += match[0].length;
    } else at += 1;
  }
  return out;
}

/** A matched name without the prose before it; what is left may be no name at all. */
function trimProse(match: string): string {
  let name = match.replace(DATE_RESIDUE, '').replace(PROSE_CUT, '');
  while (PROSE_LEAD.test(name)) name = name.replace(PROSE_LEAD, '');
  return name;
}

/** Whether a run of ideographs is a place's name and nothing else: no word of prose within it. */
export function bareName(run: string): boolean {
  return trimProse(run) === run && WHOLE_NAME.test(run);
}

/** The organ names the text holds, each complete, without the prose around it. */
export function organsIn(text: string): string[] {
  const out: string[] = [];
  for (const match of organMatches(text)) {
    let name = match.name;
    const after = text.slice(match.index + name.length, match.index + name.length + 3);
    for (const [end, rest] of COMPLETIONS) {
      const more = rest.exec(after);
      if (end.test(name) && more) name += more[0];
    }
    name = trimProse(name);
    if (name.length < 4 || placeless(name) || !WHOLE_NAME.test(name)) continue;
    out.push(name);
  }
  return out;
}

const NAME_LINE = /^[\u4e00-\u9fa5（）()]{4,30}$/;

/**
 * An organ's own internal office ("某某镇党政办", "某某街道党政综合办公室", "某某局综合办公室"): it compiles
 * or signs the report of the organ it belongs to, and its name says not which organ that is in full.
 */
export const INTERNAL_OFFICE = /(?:党政|党政综合|综合)办(?:公室)?$/;
/**
 * A department's office or its unit for disclosure ("某某县林业局办公室", "某某局政府信息公开工作机构"):
 * it compiles its department's report, never one of its own.
 */
const DEPARTMENT_OFFICE = /^(.+?(?:局|委员会|厅|署|中心))(?:办公室|政务公开办公室|政府信息公开工作机构|政务公开科)$/;

/** The department whose office a name is ("某某县林业局办公室" → "某某县林业局"), else the name. */
export function ownerOfOffice(name: string): string {
  return DEPARTMENT_OFFICE.exec(name)?.[1] ?? name;
}

const FIELD_NAMES = '发布机构|发文机关|发文机构|发布单位|发布部门|发文单位|信息来源|文章来源|稿件来源|来源单位|来源';
/** A field with its value on the same line: "发布机构：X", "发布机构 X 公文时效 有效", "| 发布机构 | X |". */
const FIELD = new RegExp(`(?:^|[\\s|])(?:${FIELD_NAMES})\\s*[:：]?\\s*\\|?\\s*([\\u4e00-\\u9fa5（）()]{2,30})`);
const FIELD_LABEL = new RegExp(`^(?:${FIELD_NAMES})\\s*[:：]?$`);
/**
 * What a 发布机构-like field's value ends with when it names an organ, not a website or a person.
 * Not a statement's `STATEMENT_ORGAN_END` (statement.ts): a field names its publisher alone, so a
 * 镇, 乡, 馆 or 所 there is the organ itself, where a sentence's 镇 or 乡 is read only as its subject.
 */
const FIELD_ORGAN_END = /(?:局|委员会|委|办公室|厅|人民政府|政府|中心|院|馆|所|队|署|处|会|办|街道|镇|乡|管委会|海关)$/;

/** A field's value when it names an organ (simplified), else undefined. */
export function organValue(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const name = ownerOfOffice(simplify(value.trim()));
  if (INTERNAL_OFFICE.test(name)) return undefined;
  return FIELD_ORGAN_END.test(name) && !placeless(name) && name.length >= 3 ? name : undefined;
}

/** A field laid out as a table: its name in a row of cells, its value in the same cell of the next row. */
function tableField(line: string, next: string | undefined): string | undefined {
  if (!line.includes('|') || !next?.includes('|')) return undefined;
  const names = line.split('|').map((cell) => cell.trim());
  const values = next.split('|').map((cell) => cell.trim());
  const at = names.findIndex((cell) => FIELD_LABEL.test(cell));
  return at >= 0 && names.length === values.length ? organValue(values[at]) : undefined;
}

/**
 * A field whose name and value a page's text prints on lines of their own ("发布机构" over "某某县林业局"),
 * as a crawler gives a table's cells or a list's terms and definitions.
 */
function labelAbove(line: string, next: string | undefined): string | undefined {
  if (!FIELD_LABEL.test(line.trim()) || next === undefined) return undefined;
  const value = next.trim();
  return NAME_LINE.test(value) ? organValue(value) : undefined;
}

/** The organ a page's 发布机构 field (or 发文机关, 信息来源 …) names, in the page's first lines. */
export function fieldOrgan(lines: readonly string[]): string | undefined {
  const head = lines.slice(0, 40).map((line) => simplify(line));
  for (let i = 0; i < head.length; i += 1) {
    const line = head[i] as string;
    // Every field's name holds 来源, 发布 or 发文: a line without them holds no field's name.
    if (!line.includes('来源') && !line.includes('发布') && !line.includes('发文')) continue;
    const found = organValue(FIELD.exec(line)?.[1]) ?? tableField(line, head[i + 1]) ?? labelAbove(line, head[i + 1]);
    if (found) return found;
  }
  return undefined;
}

/**
 * How a report speaks of its own organ, by the kind of organ: "我局" of a 局, "我镇" of a town's
 * government, "我街道" or "我办" of a street's office. A county's or a city's own government is not
 * among them: its departments say "我县", "我市" of the place too.
 */
const SELF_BY_KIND: readonly (readonly [RegExp, RegExp])[] = [
  [/局$/, /[我本]局/],
  [/(?:委员会|委)$/, /[我本]委/],
  [/厅$/, /[我本]厅/],
  [/(?:街道|街道办事处|办事处)$/, /[我本]街道|我街|[我本]办/],
  [/(?:办公室|办)$/, /[我本]办/],
  [/镇(?:人民政府)?$/, /[我本]镇/],
  [/乡(?:人民政府)?$/, /[我本]乡/],
  [/中心$/, /[我本]中心/],
];

/** The words a report speaks of itself with ("我局", "本委", "我街道"); not 本办法, a rule's own words. */
const SELF_WORDS = /[我本](?:局|委|厅|街道|街|办(?!法)|镇|乡|中心)/g;

/**
 * Whether the report speaks of itself as another kind of organ than the name is: "我局" under a
 * government's name ("某某县人民政府", a site's name above a department's bare title). A government
 * speaks of its place ("我县"), so any of these words is another kind's.
 */
export function speaksAsAnotherKind(name: string, opening: string): boolean {
  const words = opening.match(SELF_WORDS);
  if (!words) return false;
  const own = SELF_BY_KIND.find(([kind]) => kind.test(name))?.[1];
  return !words.some((word) => own?.test(word));
}

/** How many lines a page's header takes above the title. */
const HEADER_LINES = 10;
/** A breadcrumb's line ("首页 > 某某县林业局 > 政务公开 > 年报") and the marks between its items. */
const BREADCRUMB =
  /^\s*(?:当前位置|您的位置|您现在的位置|您现在所在的位置|您当前的位置|您当前所在位置|位置|首页|网站首页)/;
const CRUMB_MARKS = /\s*(?:>>|>|»|\/|\|)\s*/;

/**
 * The whole organs' names a page's header gives: its first line alone ("某某区国资局" above the
 * report), and the items of its breadcrumb, the deepest first ("首页 > 某某市医疗保障局 > 政务公开").
 */
function headerNames(lines: readonly string[]): string[] {
  const names: string[] = [];
  // The lines above the title, the nearest first: a site's header prints the department's name
  // below its menus ("无障碍 | 长者模式" / "某某市生态环境局" / the report's title).
  const titleAt = lines.slice(0, HEADER_LINES).findIndex((line) => /信息公开|政务公开/.test(line));
  const above = titleAt < 0 ? [lines.find((line) => line.trim() !== '') ?? ''] : lines.slice(0, titleAt).reverse();
  for (const line of above) if (NAME_LINE.test(line.trim())) names.push(simplify(line.trim()));
  for (const line of lines.slice(0, 40)) {
    if (!BREADCRUMB.test(line) || !CRUMB_MARKS.test(line)) continue;
    const items = simplify(line)
      .replace(/^.*?[:：]/, '')
      .split(CRUMB_MARKS)
      .reverse();
    names.push(...items.map((item) => item.trim()).filter((item) => NAME_LINE.test(item)));
    break;
  }
  return names.filter((name) => organsIn(name)[0] === name);
}

/**
 * The organ a page's header names: its first line is an organ's whole name alone ("某某区国资局"
 * above the report), or its breadcrumb holds one, and the report speaks of itself as that kind of
 * organ ("我局"). A site's name heads many pages ("某某县人民政府" above a department's report): the kind
 * must agree, and a government's name is never taken so.
 */
export function headerOrgan(lines: readonly string[], simplified: string): string | undefined {
  const opening = simplified.slice(0, 3000);
  return headerNames(lines).find((name) => SELF_BY_KIND.find(([kind]) => kind.test(name))?.[1].test(opening));
}
