import { REGION_ROWS } from './regions-data.js';

/** 行政区划 levels as the codes give them: 2 digits a province, 4 a prefecture, 6 a county. */
export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  /** GB/T 2260 style code: 33, 3301, 330102. */
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The code of the region it belongs to; none for a province. */
  readonly parent: string | undefined;
}

const LEVELS: Record<number, RegionLevel> = { 2: 'province', 4: 'prefecture', 6: 'county' };

function parentOf(code: string): string | undefined {
  if (code.length === 2) return undefined;
  const prefecture = code.slice(0, 4);
  // A county directly under a province (省直辖县级行政区划, codes xx90xx) has the province as parent.
  return code.length === 6 && !REGION_ROWS_BY_CODE.has(prefecture) ? code.slice(0, 2) : code.slice(0, code.length - 2);
}

const REGION_ROWS_BY_CODE = new Map(REGION_ROWS.map(([code, name]) => [code, name]));

export const REGIONS: ReadonlyMap<string, Region> = new Map(
  REGION_ROWS.map(([code, name]) => [
    code,
    { code, name, level: LEVELS[code.length] as RegionLevel, parent: parentOf(code) },
  ]),
);

/**
 * Names organs use for places that are not in the statistical table: functional zones that act
 * as a government (平潭综合实验区 is 平潭县 in the table) — mapped to the region they govern.
 */
const ZONE_ALIASES: Readonly<Record<string, string>> = {
  平潭综合实验区: '350128',
};

/** The 55 minority peoples' names, as autonomous places write them before 族 (蒙古 and a few without it). */
const PEOPLES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|' +
  '柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|' +
  '塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';

/** The endings a province's or prefecture's name may be written without (浙江省 → 浙江, 杭州市 → 杭州). */
const ENDING = '(?:自治区|自治州|特别行政区|省|市|地区|盟)$';
const SHORTENABLE = new RegExp(`(?:(?:(?:${PEOPLES})族?)+)?${ENDING}`, 'u');
const PLAIN_ENDING = new RegExp(ENDING, 'u');

/** The shorter ways a province's or prefecture's name is written (延边朝鲜族自治州: 延边, 延边州). */
function shortForms(region: Region): string[] {
  if (region.level === 'county') return [];
  // 内蒙古自治区: 蒙古 there is part of the place's name, not a people before 自治区.
  const bare = region.name.replace(SHORTENABLE, '');
  const short = bare.length >= 2 ? bare : region.name.replace(PLAIN_ENDING, '');
  if (short.length < 2 || short === region.name) return [];
  return region.name.endsWith('自治州') ? [short, `${short}州`] : [short];
}

/** Every written form → the regions it may name (朝阳区 names two). */
const BY_NAME: ReadonlyMap<string, readonly Region[]> = (() => {
  const map = new Map<string, Region[]>();
  const add = (name: string, region: Region) => map.set(name, [...(map.get(name) ?? []), region]);
  for (const region of REGIONS.values()) {
    add(region.name, region);
    for (const short of shortForms(region)) add(short, region);
  }
  for (const [alias, code] of Object.entries(ZONE_ALIASES)) add(alias, REGIONS.get(code) as Region);
  return map;
})();
const LONGEST_NAME = Math.max(...[...BY_NAME.keys()].map((name) => name.length));

/** Whether `region` lies within `ancestor` (or is it). */
export function within(region: Region, ancestor: Region): boolean {
  return region.code.startsWith(ancestor.code) || (region.parent !== undefined && region.parent === ancestor.code);
}

export interface RegionPrefix {
  /** The regions named, outermost first (浙江省, 杭州市, 上城区); the last is the organ's. */
  readonly chain: readonly Region[];
  /** Other regions the last name could mean where the name alone does not decide (朝阳区). */
  readonly alternatives: readonly Region[];
  /** The rest of the name: the organ's own (应急管理局, 人民政府, 北塘街道办事处). */
  readonly rest: string;
}

/**
 * Reads the places at the start of an organ's name, each inside the one before, longest name
 * first. `context` (a region the organ is known to be in, such as the government whose reports
 * are being collected) chooses among same-named counties.
 */
export function regionPrefix(name: string, context?: Region): RegionPrefix {
  const chain: Region[] = [];
  let alternatives: Region[] = [];
  let at = 0;
  for (;;) {
    const found = nextRegion(name, at, chain.at(-1), context);
    if (!found) break;
    chain.push(found.region);
    alternatives = found.alternatives;
    at += found.length;
  }
  return { chain, alternatives, rest: name.slice(at) };
}

function nextRegion(name: string, at: number, outer: Region | undefined, context: Region | undefined) {
  for (let length = Math.min(LONGEST_NAME, name.length - at); length >= 2; length -= 1) {
    const candidates = BY_NAME.get(name.slice(at, at + length));
    if (!candidates) continue;
    const inside = outer ? candidates.filter((region) => within(region, outer)) : candidates;
    if (inside.length === 0) continue;
    const preferred = context ? inside.filter((r) => within(r, context) || within(context, r)) : [];
    const ranked = preferred.length > 0 ? preferred : inside;
    const [region, ...alternatives] = ranked;
    return { region: region as Region, alternatives, length };
  }
  return undefined;
}
