import type { Random } from '../model/generate.js';
import type { OrganLevel } from '../organs/identity.js';
import { REGIONS, type Region } from '../organs/regions.js';
import { pick, weighted } from './random.js';

/**
 * The organs of a synthetic corpus, drawn from the region table (regions-data.ts) in the
 * proportions the country has them: about 31 provinces × 45 departments, 333 prefectures × 40,
 * 2,978 counties × 30 and some 38,000 townships — so county departments and townships are most of
 * the organs and provincial bodies a few in a thousand.
 */

export type OrganKind = 'government' | 'department';
export type OrganClass = `${OrganLevel}:${OrganKind}`;

/** Share of each level and kind among the country's reporting organs (see above). */
export const ORGAN_SHARES: Readonly<Record<OrganClass, number>> = {
  'province:government': 0.0002,
  'province:department': 0.0096,
  'prefecture:government': 0.0023,
  'prefecture:department': 0.0915,
  'county:government': 0.0205,
  'county:department': 0.6109,
  'township:government': 0.265,
  'township:department': 0,
};

/**
 * A body an organ may be, with the names it goes by: `old` the name before the 2018 机构改革,
 * `short` the short forms organs write; every one of them is in organs/identity.ts's BODY_FORMS,
 * so the organ's identity key is the same whichever is written. `from`: the first report year of
 * a body the 2018 reform created.
 */
interface Body {
  readonly name: string;
  readonly old?: string;
  readonly short?: readonly string[];
  readonly from?: number;
}

const LOCAL_BODIES: readonly Body[] = [
  { name: '应急管理局', old: '安全生产监督管理局', short: ['应急局'] },
  { name: '自然资源局', old: '国土资源局', short: ['国土局'] },
  { name: '生态环境局', old: '环境保护局', short: ['环保局'] },
  { name: '农业农村局', old: '农业局' },
  { name: '市场监督管理局', old: '工商行政管理局', short: ['市场监管局'] },
  { name: '文化和旅游局', old: '文化广电新闻出版局', short: ['文旅局'] },
  { name: '人力资源和社会保障局', short: ['人社局'] },
  { name: '住房和城乡建设局', short: ['住建局'] },
  { name: '人民政府办公室', short: ['政府办'] },
  { name: '教育局' },
  { name: '民政局' },
  { name: '财政局' },
  { name: '公安局' },
  { name: '司法局' },
  { name: '交通运输局' },
  { name: '水利局' },
  { name: '商务局' },
  { name: '审计局' },
  { name: '统计局' },
  { name: '林业局' },
  { name: '城市管理局' },
  { name: '退役军人事务局', from: 2019 },
  { name: '医疗保障局', from: 2019 },
];
const COUNTY_BODIES: readonly Body[] = [
  ...LOCAL_BODIES,
  { name: '卫生健康局', old: '卫生和计划生育局', short: ['卫健局'] },
  { name: '发展和改革局', short: ['发改局'] },
];
const PREFECTURE_BODIES: readonly Body[] = [
  ...LOCAL_BODIES,
  { name: '卫生健康委员会', old: '卫生和计划生育委员会', short: ['卫健委'] },
  { name: '发展和改革委员会', short: ['发改委'] },
];
const PROVINCE_BODIES: readonly Body[] = [
  ...['教育厅', '民政厅', '财政厅', '公安厅', '司法厅', '交通运输厅', '水利厅', '商务厅', '审计厅'].map((name) => ({
    name,
  })),
  ...['自然资源厅', '生态环境厅', '住房和城乡建设厅', '人力资源和社会保障厅', '农业农村厅', '应急管理厅'].map(
    (name) => ({ name }),
  ),
  { name: '统计局' },
  { name: '人民政府办公厅' },
  { name: '卫生健康委员会', old: '卫生和计划生育委员会', short: ['卫健委'] },
  { name: '发展和改革委员会', short: ['发改委'] },
  { name: '市场监督管理局', old: '工商行政管理局', short: ['市场监管局'] },
];
/** The four 直辖市 have bureaus (局、委) as prefectures do, not 厅. */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Township names: common ones, as many counties have a 城关镇 or a 新华街道. */
const TOWNS = [
  '城关', '新华', '和平', '东风', '红旗', '长安', '永安', '太平', '兴隆', '石桥', '白沙', '青山', '龙泉', '金山',
  '南湖', '北关', '双河', '三合', '平安', '新民', '团结', '前进', '胜利', '建设', '解放', '文化', '大桥', '柳林',
  '杨柳', '桃源', '梅溪', '清河', '高桥', '马头', '花园', '东关', '西关', '南关', '中山', '朝阳',
]; // prettier-ignore
const TOWN_ENDINGS = { 镇人民政府: 0.4, 乡人民政府: 0.2, 街道办事处: 0.4 } as const;

export interface CorpusOrgan {
  /** 1, 2, …: the organ's number in the corpus, the truth the organ matcher is measured on. */
  readonly id: number;
  /** The present-day full name, the place without its parents: 上城区应急管理局. */
  readonly name: string;
  readonly regionCode: string;
  readonly level: OrganLevel;
  readonly kind: OrganKind;
  /** The organ's own words in their present form (应急管理局, 城关镇人民政府). */
  readonly body: string;
  /** Its pre-2018 own words, when the 2018 机构改革 renamed it. */
  readonly oldBody?: string;
  readonly shortBodies: readonly string[];
  /** The first year the organ existed (bodies made by the 2018 reform: 2019). */
  readonly from: number;
}

const BY_LEVEL: Readonly<Record<Region['level'], readonly Region[]>> = (() => {
  const all = [...REGIONS.values()];
  return {
    province: all.filter((r) => r.level === 'province'),
    prefecture: all.filter((r) => r.level === 'prefecture'),
    county: all.filter((r) => r.level === 'county'),
  };
})();

function bodiesFor(level: OrganLevel, region: Region): readonly Body[] {
  if (level === 'province') return MUNICIPALITIES.has(region.code) ? PREFECTURE_BODIES : PROVINCE_BODIES;
  return level === 'prefecture' ? PREFECTURE_BODIES : COUNTY_BODIES;
}

function drawBody(random: Random, level: OrganLevel, kind: OrganKind, region: Region): Body {
  if (level === 'township') return { name: `${pick(random, TOWNS)}${weighted(random, TOWN_ENDINGS)}` };
  if (kind === 'government') return { name: '人民政府', short: ['政府'] };
  return pick(random, bodiesFor(level, region));
}

/**
 * Draws `count` distinct organs. The same place and body twice is one organ, so a draw that
 * repeats one in `seen` (the keys drawn so far, added to) is drawn again (a county has one 教育局).
 */
export function drawOrgans(random: Random, count: number, seen = new Set<string>(), firstId = 1): CorpusOrgan[] {
  const organs: CorpusOrgan[] = [];
  while (organs.length < count) {
    const [level, kind] = weighted(random, ORGAN_SHARES).split(':') as [OrganLevel, OrganKind];
    const region = pick(random, BY_LEVEL[level === 'township' ? 'county' : level]);
    const body = drawBody(random, level, kind, region);
    const key = `${region.code}|${body.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    organs.push({
      id: firstId + organs.length,
      name: `${region.name}${body.name}`,
      regionCode: region.code,
      level,
      kind,
      body: body.name,
      ...(body.old ? { oldBody: body.old } : {}),
      shortBodies: body.short ?? [],
      from: body.from ?? 2008,
    });
  }
  return organs;
}

/** The names of the places above the organ's own, outermost first (浙江省, 杭州市). */
function parents(organ: CorpusOrgan): string[] {
  const names: string[] = [];
  let code = REGIONS.get(organ.regionCode)?.parent;
  while (code) {
    const region = REGIONS.get(code) as Region;
    names.unshift(region.name);
    code = region.parent;
  }
  return names;
}

/** Spellings and how often organs use them: the place alone is the most common. */
const PREFIXES = { own: 0.62, parent: 0.3, all: 0.08 } as const;

/**
 * How the organ writes its name in its report of `year`: with or without its parent places, in a
 * short form now and then, and under its pre-2018 name for years before the 2018 机构改革 took
 * effect (2018 reports half and half: the reform was carried out during 2018 and early 2019).
 */
export function spellName(random: Random, organ: CorpusOrgan, year: number): string {
  const renamed = organ.oldBody !== undefined && (year < 2018 || (year === 2018 && random() < 0.5));
  const ownWords = renamed
    ? (organ.oldBody as string)
    : organ.shortBodies.length > 0 && random() < 0.12
      ? pick(random, organ.shortBodies)
      : organ.body;
  const region = REGIONS.get(organ.regionCode) as Region;
  const above = parents(organ);
  const prefix = weighted(random, PREFIXES);
  const places = prefix === 'all' ? above : prefix === 'parent' ? above.slice(-1) : [];
  return `${places.join('')}${region.name}${ownWords}`;
}
