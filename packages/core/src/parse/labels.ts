import { canonical, plainFirstCharacter, splitNumbering } from './normalise.js';

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
  const first = plainFirstCharacter(text);
  if (first !== undefined && !LABEL_FIRSTS.has(first)) return undefined;
  // Most cells are counts, and no label is made of digits alone.
  if (DIGITS.test(text)) return undefined;
  // The same few hundred cell texts recur in every report: remember what they matched.
  const cache = inOtherGroup ? matchesInOtherGroup : matches;
  const known = cache.get(text);
  if (known !== undefined || cache.has(text)) return known;
  const match = matchUncached(text, inOtherGroup);
  if (cache.size >= MATCH_CACHE_SIZE) cache.clear();
  cache.set(text, match);
  return match;
}

const DIGITS = /^\d+$/;
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
const LABEL_FIRSTS = new Set<string>([...FORMS_BY_FIRST.keys(), ...'本总其一二三四五六七八九十']);
const matches = new Map<string, LabelMatch | undefined>();
const matchesInOtherGroup = new Map<string, LabelMatch | undefined>();

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
