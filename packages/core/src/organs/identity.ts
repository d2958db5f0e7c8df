import { regionPrefix, type Region } from './regions.js';

/**
 * Who an organ is, read from its name: the place it serves, its level and kind, and a key that
 * stays the same across the spellings of one organ (上城区应急管理局 / 杭州市上城区应急管理局) and
 * across the 2018 机构改革 renamings (上城区安全生产监督管理局 → 上城区应急管理局).
 */
export interface OrganIdentity {
  /** The name as given, trimmed and with full-width letters and spaces normalised. */
  readonly name: string;
  /** The most specific place named, or undefined when the name names none. */
  readonly region: Region | undefined;
  /** Places of the same name the organ might serve instead (朝阳区: 北京 or 长春). */
  readonly alternatives: readonly Region[];
  /** 省/市/县/乡 as the place and the organ's own words give it. */
  readonly level: OrganLevel | undefined;
  /** 政府 (a people's government or a township's office) or 部门 (any other organ). */
  readonly kind: 'government' | 'department';
  /** The organ's own words as written (安监局), the place left out. */
  readonly ownWords: string;
  /** The same in their present-day full form (应急管理局). */
  readonly body: string;
  /** `region code|body`: equal keys are the same organ. */
  readonly key: string;
}

export type OrganLevel = 'province' | 'prefecture' | 'county' | 'township';

/** Township-level bodies: a 街道办事处 or a 乡/镇 人民政府, named after the county. */
const TOWNSHIP = /^[\u4e00-\u9fff]{1,10}?(?:街道办事处|街道|镇|乡|苏木)(?:人民政府)?$/u;

/**
 * The forms an organ's own words take, oldest or shortest first, each mapped to the present-day
 * full name. Renamings are those of the 2018 机构改革 (深化党和国家机构改革方案) as carried out by
 * local governments; short forms are the ones organs write on their own pages.
 */
const BODY_FORMS: readonly (readonly [RegExp, string])[] = [
  [/^(?:安全生产监督管理局|安监局|应急局)$/u, '应急管理局'],
  [/^(?:国土资源局|国土局)$/u, '自然资源局'],
  [/^(?:国土资源和规划局|自然资源规划局)$/u, '自然资源和规划局'],
  [/^(?:环境保护局|环保局)$/u, '生态环境局'],
  [/^(?:农业局|农业委员会|农委)$/u, '农业农村局'],
  [/^(?:卫生和计划生育委员会|卫生计生委|卫计委|卫生局|卫健委|卫生健康委)$/u, '卫生健康委员会'],
  [/^(?:卫生和计划生育局|卫生计生局|卫健局)$/u, '卫生健康局'],
  [/^(?:食品药品监督管理局|工商行政管理局|工商局|质量技术监督局|质监局|市场监管局)$/u, '市场监督管理局'],
  [/^(?:文化广电新闻出版局|文化广电新闻出版旅游局|文广新局|文旅局)$/u, '文化和旅游局'],
  [/^(?:人社局)$/u, '人力资源和社会保障局'],
  [/^(?:住建局)$/u, '住房和城乡建设局'],
  [/^(?:发改委)$/u, '发展和改革委员会'],
  [/^(?:发改局)$/u, '发展和改革局'],
  [/^(?:政府|人民政府)$/u, '人民政府'],
  [/^(?:政府办|政府办公室)$/u, '人民政府办公室'],
  [/^(.+街道)办?$/u, '$1办事处'],
];

const PARTY = '中国共产党';
const FULL_WIDTH = /[\uff01-\uff5e]/gu;

/** Trims, drops inner spaces and turns full-width letters and digits into ASCII. */
export function normaliseOrganName(name: string): string {
  return name
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/gu, '')
    .replace(/^中共/u, PARTY);
}

function presentBody(body: string): string {
  for (const [form, present] of BODY_FORMS) if (form.test(body)) return body.replace(form, present);
  return body;
}

function levelOf(region: Region | undefined, body: string): OrganLevel | undefined {
  if (TOWNSHIP.test(body)) return 'township';
  return region?.level;
}

/** The identity of one organ from its name; `context` chooses among same-named places. */
export function organIdentity(rawName: string, context?: Region): OrganIdentity {
  const name = normaliseOrganName(rawName);
  // The Party's organs put 中国共产党 before the place (中共杭州市委办公厅); it stays in the organ's words.
  const party = name.startsWith(PARTY) ? PARTY : '';
  const { chain, alternatives, rest } = regionPrefix(name.slice(party.length), context);
  const region = chain.at(-1);
  const body = party + presentBody(rest);
  const level = levelOf(region, body);
  // A name that is only a place (平潭综合实验区) is the place's government, as its reports are.
  const governs = body === '人民政府' || (region !== undefined && body === '');
  const kind = governs || (level === 'township' && !body.endsWith('局')) ? 'government' : 'department';
  return {
    name,
    region,
    alternatives,
    level,
    kind,
    ownWords: rest,
    body,
    key: `${region?.code ?? ''}|${body}`,
  };
}

export interface OrganMatch {
  /** 0 to 1: 1 when both names give the same place and organ, lower where a part was inferred. */
  readonly confidence: number;
  /** Why, in Chinese, for the reviewer who confirms or overrides the match. */
  readonly reason: string;
}

/** Dice's coefficient over character pairs: how alike two organs' own words are. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const pairs = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const left = pairs(a);
  const right = pairs(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = [...right];
  let shared = 0;
  for (const pair of left) {
    const at = pool.indexOf(pair);
    if (at >= 0) {
      shared += 1;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * How sure it is that two names are one organ. The places must agree (one may be the other's
 * parent's spelling: 杭州市上城区 and 上城区 both end at 上城区); the organs' own words must be the
 * same once renamings and short forms are undone. Names that differ otherwise are not matched.
 */
export function matchOrgans(a: OrganIdentity, b: OrganIdentity): OrganMatch {
  if (!a.region || !b.region) {
    return a.name === b.name
      ? { confidence: 0.9, reason: '名称相同，但名称中没有行政区划' }
      : { confidence: 0, reason: '名称中没有行政区划，无法判断' };
  }
  if (a.region.code !== b.region.code) {
    const sameName = a.region.name === b.region.name;
    return { confidence: 0, reason: sameName ? '同名的不同行政区划' : '行政区划不同' };
  }
  if (a.body !== b.body) {
    const alike = similarity(a.body, b.body);
    return { confidence: 0, reason: `机关名称不同（相似度 ${alike.toFixed(2)}）` };
  }
  const ambiguous = a.alternatives.length > 0 || b.alternatives.length > 0;
  const spelt = a.ownWords === b.ownWords;
  const confidence = Math.min(ambiguous ? 0.7 : 1, spelt ? 1 : 0.9);
  const reason = ambiguous
    ? `同一机关，但“${a.region.name}”有同名的行政区划`
    : spelt
      ? '同一行政区划的同一机关'
      : '同一行政区划的同一机关（简称、旧称或机构改革后更名）';
  return { confidence, reason };
}
