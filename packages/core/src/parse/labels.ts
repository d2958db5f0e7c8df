import { S2_BLOCKS, type ReportFormat } from '../model/cells.js';
import { detached } from '../model/interned.js';
import { canonical, firstIsPlain, firstTable, splitNumbering } from './normalise.js';
import type { SourceCell, SourceRow } from './rows.js';

/**
 * The row labels of the statutory tables as published reports spell them, each mapped to the
 * row key of its cell IDs. A label matches on its text without numbering; the numbering only
 * decides where the bare words are ambiguous ("3.其他" under (六), "(七)总计").
 */
export interface RowLabel {
  readonly table: 's2' | 's3';
  readonly key: string;
  /** Canonical spellings of the label without numbering. A longer cell that starts with one matches too. */
  readonly forms: readonly string[];
  /** True for a heading over numbered sub-rows: it has values only when printed as a single row. */
  readonly group?: boolean;
}

const s2 = (key: string, ...forms: string[]): RowLabel => ({ table: 's2', key, forms });
const s3 = (key: string, ...forms: string[]): RowLabel => ({ table: 's3', key, forms });

export const ROW_LABELS: readonly RowLabel[] = [
  s2('regulations', '规章'),
  // 档案: a site's 繁体 mirror with Taiwan wording writes 文件 as 檔案, which simplifies to 档案.
  s2('normativeDocs', '行政规范性文件', '规范性文件', '行政规范性档案', '规范性档案'),
  s2('licensing', '行政许可'),
  s2('otherServices', '其他对外管理服务事项'),
  s2('penalty', '行政处罚'),
  s2('enforcement', '行政强制'),
  s2('fees', '行政事业性收费'),
  s2('procurement', '政府集中采购'),
  s3('new', '本年新收政府信息公开申请数量', '本年新收政府信息公开申请'),
  s3('carriedIn', '上年结转政府信息公开申请数量', '上年结转政府信息公开申请'),
  s3('granted', '予以公开'),
  s3('partial', '部分公开'),
  { table: 's3', key: 'denied', forms: ['不予公开'], group: true },
  s3('denied.secret', '属于国家秘密'),
  s3('denied.prohibited', '其他法律行政法规禁止公开'),
  s3('denied.safety', '危及三安全一稳定'),
  s3('denied.thirdParty', '保护第三方合法权益'),
  s3('denied.internal', '属于三类内部事务信息'),
  s3('denied.process', '属于四类过程性信息'),
  s3('denied.enforcementFile', '属于行政执法案卷'),
  s3('denied.query', '属于行政查询事项'),
  { table: 's3', key: 'unable', forms: ['无法提供'], group: true },
  s3('unable.notHeld', '本机关不掌握相关政府信息'),
  s3('unable.needsCreation', '没有现成信息需要另行制作'),
  s3('unable.unclear', '补正后申请内容仍不明确'),
  { table: 's3', key: 'rejected', forms: ['不予处理'], group: true },
  s3('rejected.petition', '信访举报投诉类申请'),
  s3('rejected.duplicate', '重复申请'),
  s3('rejected.publication', '要求提供公开出版物'),
  s3('rejected.excessive', '无正当理由大量反复申请'),
  s3('rejected.confirm', '要求行政机关确认或重新出具已获取信息'),
  { table: 's3', key: 'other', forms: ['其他处理'], group: true },
  s3('other.noCorrection', '申请人无正当理由逾期不补正'),
  s3('other.unpaidFee', '申请人逾期未按收费通知要求缴纳费用'),
  s3('carriedOut', '结转下年度继续办理'),
];

/** The heading of the outcomes, over (一)…(七): not a row of its own. */
const OUTCOMES_HEADING = '本年度办理结果';

export type LabelMatch =
  | { readonly kind: 'row'; readonly label: RowLabel }
  | { readonly kind: 'outcomes-heading' }
  | { readonly kind: 'other-other' }
  | { readonly kind: 'total' };

/** Shortest cell text a prefix match is allowed on, so that "其他" never matches "其他处理". */
const MIN_PREFIX = 4;
/** Shortest start of a label that still names one row when the rest wrapped onto another line. */
const MIN_TRUNCATED = 5;

/**
 * What table row a cell names, if any. `inOtherGroup` says the last group heading was (六),
 * where "3.其他" is the row `other.other`.
 */
export function matchRowLabel(text: string, inOtherGroup: boolean): LabelMatch | undefined {
  // A short text whose canonical form surely starts with its own first character (a common
  // ideograph) names a row only if that character starts some label or a numbering: most prose
  // and header cells are told so without hashing them for the cache (every line is asked, some twice).
  const first = text.charCodeAt(0);
  if (LABEL_FIRSTS[first] !== 1 && firstIsPlain(text, first)) return undefined;
  // Most cells are counts, and no label is made of digits alone.
  if (allDigits(text)) return undefined;
  // The same few hundred cell texts recur in every report: remember what they matched.
  const cache = inOtherGroup ? matchesInOtherGroup : matches;
  // A text that names no row is kept as null: one look tells it, not a look and then a test for the key.
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;
  const match = matchUncached(text, inOtherGroup);
  if (cache.size >= MATCH_CACHE_SIZE) cache.clear();
  cache.set(detached(text), match ?? null);
  return match;
}

/** Whether a text is ASCII digits alone, as /^\d+$/ tests it: by hand, as it runs for every count of every table. */
export function allDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

const MATCH_CACHE_SIZE = 10_000;

/** Every form of every label, by its first character, in the order of ROW_LABELS. */
const FORMS_BY_FIRST = new Map<string, { readonly label: RowLabel; readonly known: string }[]>();
for (const label of ROW_LABELS) {
  for (const known of label.forms) {
    const first = known[0] as string;
    FORMS_BY_FIRST.set(first, [...(FORMS_BY_FIRST.get(first) ?? []), { label, known }]);
  }
}
/**
 * The first characters of the canonical forms that can match (matchUncached): a label's form, the
 * outcomes heading, 总计 and 其他 (after numbering), and the Chinese numerals numbering starts with.
 */
const LABEL_FIRSTS = firstTable([...FORMS_BY_FIRST.keys(), ...'本总其一二三四五六七八九十']);
const matches = new Map<string, LabelMatch | null>();
const matchesInOtherGroup = new Map<string, LabelMatch | null>();

function matchUncached(text: string, inOtherGroup: boolean): LabelMatch | undefined {
  const form = canonical(text);
  if (form.length === 0) return undefined;
  const { numbering, core } = splitNumbering(form);
  // Longer than a label: prose, or a label with a long note after it.
  if (form.length > 80) return form.length <= MAX_NOTED ? withoutNote(core, numbering, inOtherGroup) : undefined;
  if (core === OUTCOMES_HEADING) return { kind: 'outcomes-heading' };
  if (core === '总计' && numbering !== '') return { kind: 'total' };
  if (core === '其他' && numbering !== '' && inOtherGroup) return { kind: 'other-other' };
  const truncated: RowLabel[] = [];
  // A form names the row only when the text starts with it or it starts with the text: same first character.
  for (const { label, known } of FORMS_BY_FIRST.get(core[0] as string) ?? []) {
    if (core === known) return { kind: 'row', label };
    if (known.length >= MIN_PREFIX && core.length > known.length && core.startsWith(known)) {
      // "部分公开(区分处理的…)" or a label with a note; never a prose sentence.
      if (core.length <= known.length + 40 && !/[。;]/.test(core)) return { kind: 'row', label };
    }
    // A label cut where a narrow cell wrapped it ("其他法律行政法规禁止公" … "开").
    if (core.length >= MIN_TRUNCATED && known.startsWith(core) && !truncated.includes(label)) truncated.push(label);
  }
  if (truncated.length === 1 && truncated[0]) return { kind: 'row', label: truncated[0] };
  return withoutNote(core, numbering, inOtherGroup);
}

/** The longest label with its note that is read as a label (the 2019 template's notes run to some 90 characters). */
const MAX_NOTED = 160;

/** A note in brackets at a label's end: "规章(设区的市、自治州人民政府应提供相关数据)". */
const NOTE = /^([^(]{2,40})\((?:[^()]|\([^()]*\))*\)$/;

/**
 * The row a label names once the note the 2019 template's filled-in copies print after it is
 * taken away: a short label ("规章") takes no prefix match, and a long note outgrows the prefix
 * allowance. The bare words must name the row exactly.
 */
function withoutNote(core: string, numbering: string, inOtherGroup: boolean): LabelMatch | undefined {
  const bare = NOTE.exec(core)?.[1];
  if (bare === undefined) return undefined;
  const match = matchUncached(numbering + bare, inOtherGroup);
  return match?.kind === 'row' && match.label.forms.includes(splitNumbering(canonical(bare)).core) ? match : undefined;
}

/** Words of the section 二 headers that say which national format the table follows. */
export const S2_FORMAT_WORDS: Readonly<Record<'2019' | '2021', readonly string[]>> = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '制发件数', '废止件数', '本年处理决定数量', '本年收费金额'],
  '2019': [
    '本年新制作数量',
    '制作数量',
    '本年新公开数量',
    '新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '本年增减',
    '采购项目数量',
    '采购总金额',
  ],
};

/** The six section headings, with and without numerals, as canonical text without numbering. */
export const SECTION_HEADINGS = {
  overview: ['总体情况'],
  s2: ['主动公开政府信息情况'],
  s3: ['收到和处理政府信息公开申请情况'],
  s4: ['政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '政府信息公开行政复议,行政诉讼情况'],
  problems: [
    '存在的主要问题及改进情况',
    '存在的问题及改进情况',
    '存在的主要问题和改进情况',
    '主要问题及改进情况',
    '存在的主要问题及改进措施',
  ],
  otherMatters: ['其他需要报告的事项'],
} as const;

export type SectionKey = keyof typeof SECTION_HEADINGS;

/** The first characters of the format words: a cell starting otherwise tells no format (most cells). */
const FORMAT_WORD_STARTS = firstTable(Object.values(S2_FORMAT_WORDS).flat());

/** Whether a text starts with an ASCII digit, which canonical form keeps: no label or header word does. */
export function startsWithDigit(text: string): boolean {
  const first = text.charCodeAt(0);
  return first >= 0x30 && first <= 0x39;
}

/** Which formats' header words a canonical cell starts (or, cut short, begins): 1 for 2019, 2 for 2021. */
function formatWordBits(form: string): number {
  let bits = formatBitsOf.get(form);
  if (bits === undefined) {
    // Headers cut short ("本年新", "现行有效件") still tell the format.
    const names = (word: string) => form.startsWith(word) || (form.length >= 3 && word.startsWith(form));
    bits = (S2_FORMAT_WORDS['2019'].some(names) ? 1 : 0) | (S2_FORMAT_WORDS['2021'].some(names) ? 2 : 0);
    if (formatBitsOf.size >= FORMAT_BITS_CACHE_SIZE) formatBitsOf.clear();
    formatBitsOf.set(detached(form), bits);
  }
  return bits;
}

/** The same header and label cells recur in every report: what format words they start is kept. */
const FORMAT_BITS_CACHE_SIZE = 10_000;
const formatBitsOf = new Map<string, number>();

/** The format section 二's column headers show, if they show one. */
export function s2FormatOf(rows: readonly SourceRow[]): ReportFormat | undefined {
  // Counted in two numbers, not under the keys "2019" and "2021" (index keys, read as numbers each time).
  let seen2019 = 0;
  let seen2021 = 0;
  for (const row of rows) {
    for (const cell of row.cells) {
      if (cell.text.length > 8 && cell.text.includes(RUN_HEADER_START)) {
        const bits = runHeaderBits(cell.text);
        seen2019 += bits[0];
        seen2021 += bits[1];
      }
      // An empty cell (most of a pipe table's padding) tells nothing.
      if (cell.text === '' || cell.text.length > 30 || startsWithDigit(cell.text)) continue;
      const first = cell.text.charCodeAt(0);
      if (FORMAT_WORD_STARTS[first] !== 1 && firstIsPlain(cell.text, first)) continue;
      const form = canonical(cell.text);
      if (FORMAT_WORD_STARTS[form.charCodeAt(0)] !== 1) continue;
      const bits = formatWordBits(form);
      seen2019 += bits & 1;
      seen2021 += bits >> 1;
    }
  }
  if (seen2021 === 0 && seen2019 === 0) return undefined;
  return seen2021 >= seen2019 ? '2021' : '2019';
}

/*
 * A crawler's text runs a header row's cells together ("信息内容本年新制作数量本年新公开数量对外公开
 * 总数量"), often with the rows around it on one line: no cell is a header word, yet the words are
 * there after "信息内容". Each such header counts once for each format whose words it holds.
 */
const RUN_HEADER_START = '信息内容';
const RUN_HEADER_ROOM = 40;
const RUN_HEADER_WORDS = {
  '2019': S2_FORMAT_WORDS['2019'].map(canonical),
  '2021': S2_FORMAT_WORDS['2021'].map(canonical),
};

/** How many run-together headers in the text hold 2019 words, and how many 2021 words. */
function runHeaderBits(text: string): [number, number] {
  const form = canonical(text);
  const counts: [number, number] = [0, 0];
  for (let at = form.indexOf(RUN_HEADER_START); at >= 0; at = form.indexOf(RUN_HEADER_START, at + 1)) {
    const header = form.slice(at + RUN_HEADER_START.length, at + RUN_HEADER_START.length + RUN_HEADER_ROOM);
    if (RUN_HEADER_WORDS['2019'].some((word) => header.includes(word))) counts[0] += 1;
    if (RUN_HEADER_WORDS['2021'].some((word) => header.includes(word))) counts[1] += 1;
  }
  return counts;
}

/** A section 二 column header as compared: canonical, without its unit, "本年度" as "本年". */
function headerForm(text: string): string {
  return canonical(text)
    .replace(/[(（][^)）]*[)）]$/, '')
    .replace('本年度', '本年');
}

/** Each section 二 cell ID with its column's header, as compared. */
const S2_COLUMN_HEADERS = new Map<string, string>(
  (['2021', '2019'] as const).flatMap((format) =>
    S2_BLOCKS[format].flatMap((block) =>
      block.rows.flatMap((row) =>
        row.columns.map((column) => [`s2.${row.key}.${column.key}`, headerForm(column.label)] as const),
      ),
    ),
  ),
);
const HEADERS = [...new Set(S2_COLUMN_HEADERS.values())];

/** Whether two headers name one column: the same words, or one the other's end ("本年处理决定数量", "处理决定数量"). */
function sameColumn(a: string, b: string): boolean {
  return a === b || (a.length >= 4 && b.endsWith(a)) || (b.length >= 4 && a.endsWith(b));
}

/** The cell that opens a section 二 header row ("信息内容"): the column headers follow it. */
export function isS2Header(text: string): boolean {
  return text.includes('信息内容') && canonical(text) === '信息内容';
}

/** A cell's text as a section 二 column header, if it is one ("本年度收费金额（单位：万元）"). */
export function s2HeaderWord(text: string): string | undefined {
  if (text === '' || text.length > 30 || startsWithDigit(text)) return undefined;
  const form = headerForm(text);
  return HEADERS.some((header) => sameColumn(form, header)) ? form : undefined;
}

/**
 * The cells of a section 二 row short of values that its block's header names, one per value
 * ("处理决定数量" alone over 行政许可 under a 2019 table's three columns); null when a header names
 * no column of the row ("本年收费金额" over a 2019 收费 row). Undefined where the header says nothing.
 */
export function headerColumns(
  ids: readonly string[],
  headers: readonly string[],
  values: number,
): string[] | null | undefined {
  if (headers.length === 0 || headers.length !== values || values >= ids.length) return undefined;
  const named: string[] = [];
  for (const header of headers) {
    const id = ids.find((candidate) => sameColumn(header, S2_COLUMN_HEADERS.get(candidate) ?? ''));
    if (id === undefined || named.includes(id)) return null;
    named.push(id);
  }
  return named;
}

const S4_ANCHOR = '行政复议';
const S4_PARTNER = '行政诉讼';
const S4_ANCHOR_FIRST = S4_ANCHOR.charCodeAt(0);

/** Whether a cell is section 四's 行政复议 header, which opens the table. */
export function isS4Anchor(text: string): boolean {
  if (text === '' || startsWithDigit(text)) return false;
  const first = text.charCodeAt(0);
  return (first === S4_ANCHOR_FIRST || !firstIsPlain(text, first)) && canonical(text) === S4_ANCHOR;
}

/** The headers a PDF's text prints on the 行政复议 line when single spaces stand between its cells. */
const S4_HEADER_LINE = /^行政复议(?:\s+(?:行政诉讼|未经复议直接起诉|复议后起诉))+$/;

/** Where the row's 行政复议 header stands, or -1. (Loops: it runs for every row before section 四.) */
export function s4AnchorIn(row: SourceRow): number {
  const { cells } = row;
  for (let c = 0; c < cells.length; c += 1) if (isS4Anchor((cells[c] as SourceCell).text)) return c;
  // "行政复议 行政诉讼" as one line of a PDF's text: the headers below it may be past recognising
  // (a narrow column prints 结果维持 a character a line), the fifteen values after them are not.
  const only = cells.length === 1 ? (cells[0] as SourceCell).text : '';
  return only.startsWith(S4_ANCHOR) && S4_HEADER_LINE.test(only) ? 0 : -1;
}

/** Whether the 行政诉讼 header (or 直接起诉) stands in the row or the three after it. */
export function s4PartnerNear(rows: readonly SourceRow[], r: number): boolean {
  for (let i = r; i < Math.min(rows.length, r + 4); i += 1) {
    for (const cell of (rows[i] as SourceRow).cells) {
      const form = canonical(cell.text);
      // "行政复议 行政诉讼" as one line (S4_HEADER_LINE) names its partner itself: the headers
      // under it may run many lines when a narrow column prints 结果 and 维持 apart.
      if (form.startsWith(S4_PARTNER) || form.includes('直接起诉') || (i === r && S4_HEADER_LINE.test(cell.text)))
        return true;
    }
  }
  return false;
}
