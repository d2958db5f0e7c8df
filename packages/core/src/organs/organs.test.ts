import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchOrgans, organIdentity, REGIONS, type Region } from './index.js';

interface Pair {
  a: string;
  b: string;
  same: boolean;
  context?: string;
}

const HAND: Pair[] = JSON.parse(
  readFileSync(new URL('../../../../fixtures/organs/name-pairs.json', import.meta.url), 'utf8'),
) as Pair[];

/** Matched when at least this sure: below it, a reviewer is asked. */
const SAME = 0.6;

function judged(pair: Pair): boolean {
  const context = pair.context ? REGIONS.get(pair.context) : undefined;
  return matchOrgans(organIdentity(pair.a, context), organIdentity(pair.b, context)).confidence >= SAME;
}

/** Organs every county has, with a short or former spelling of each. */
const BODIES: readonly (readonly [string, string])[] = [
  ['应急管理局', '安全生产监督管理局'],
  ['人力资源和社会保障局', '人社局'],
  ['自然资源局', '国土资源局'],
  ['生态环境局', '环境保护局'],
  ['市场监督管理局', '市场监管局'],
  ['农业农村局', '农业局'],
  ['卫生健康委员会', '卫健委'],
  ['人民政府', '政府'],
];

/** Province, prefecture, county: the chain a county's name may be written with. */
function chain(county: Region): Region[] {
  const out: Region[] = [county];
  for (let at = county.parent; at; at = REGIONS.get(at)?.parent) out.unshift(REGIONS.get(at) as Region);
  return out;
}

/** Five spellings of one county organ, and negatives: the next organ, a same-named county, the parent's. */
function generated(): Pair[] {
  const counties = [...REGIONS.values()].filter((r) => r.level === 'county');
  const byName = new Map<string, Region[]>();
  for (const c of counties) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const pairs: Pair[] = [];
  counties.forEach((county, index) => {
    if (index % 9 !== 0) return;
    const [province, ...rest] = chain(county);
    const full = [province, ...rest].map((r) => r?.name).join('');
    const withPrefecture = rest.map((r) => r.name).join('');
    const [body, other] = BODIES[index % BODIES.length] as readonly [string, string];
    const context = county.parent;
    const spellings = [full + body, withPrefecture + body, county.name + body, county.name + other, ` ${full} ${body}`];
    for (const b of spellings.slice(1)) pairs.push({ a: spellings[0] as string, b, same: true, ...{ context } });
    const next = BODIES[(index + 1) % BODIES.length]?.[0] as string;
    pairs.push({ a: full + body, b: county.name + next, same: false, context: context as string });
    const parent = REGIONS.get(county.parent as string);
    if (parent && parent.level !== 'province') pairs.push({ a: full + body, b: parent.name + body, same: false });
    for (const twin of byName.get(county.name) ?? []) {
      if (twin.code === county.code) continue;
      pairs.push({
        a: full + body,
        b:
          chain(twin)
            .map((r) => r.name)
            .join('') + body,
        same: false,
      });
    }
  });
  return pairs;
}

function score(pairs: Pair[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: Pair[] = [];
  for (const pair of pairs) {
    const said = judged(pair);
    if (said && pair.same) tp += 1;
    else if (said) fp += 1;
    else if (pair.same) fn += 1;
    if (said !== pair.same) wrong.push(pair);
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), pairs: pairs.length, wrong };
}

describe('organ identity', () => {
  it('reads the place, level and kind from the name', () => {
    const bureau = organIdentity('浙江省杭州市上城区安全生产监督管理局');
    expect([bureau.region?.code, bureau.level, bureau.kind, bureau.body]).toEqual([
      '330102',
      'county',
      'department',
      '应急管理局',
    ]);
    const street = organIdentity('无锡市梁溪区北塘街道办');
    expect([street.region?.code, street.level, street.kind, street.body]).toEqual([
      '320213',
      'township',
      'government',
      '北塘街道办事处',
    ]);
    expect(organIdentity('淮北市政府')).toMatchObject({
      level: 'prefecture',
      kind: 'government',
      key: '3406|人民政府',
    });
    expect(organIdentity('平潭综合实验区')).toMatchObject({ level: 'county', kind: 'government' });
    expect(organIdentity('内蒙古自治区人民政府').region?.code).toBe('15');
    const short = ['内蒙古', '广西', '新疆', '宁夏', '西藏', '延边', '延边州', '黔东南', '大理', '北京'];
    expect(short.map((name) => organIdentity(`${name}人民政府`).region?.name)).toEqual([
      '内蒙古自治区',
      '广西壮族自治区',
      '新疆维吾尔自治区',
      '宁夏回族自治区',
      '西藏自治区',
      '延边朝鲜族自治州',
      '延边朝鲜族自治州',
      '黔东南苗族侗族自治州',
      '大理白族自治州',
      '北京市',
    ]);
    expect(organIdentity('国家税务总局').region).toBeUndefined();
  });

  it('keeps the other places a same-named county may be, and lets the context choose', () => {
    const alone = organIdentity('朝阳区教育局');
    expect(alone.alternatives.map((r) => r.code)).toContain('220104');
    expect(organIdentity('朝阳区教育局', REGIONS.get('2201')).region?.code).toBe('220104');
    const match = matchOrgans(alone, organIdentity('北京市朝阳区教育局'));
    expect(match.confidence).toBeLessThan(1);
  });

  it('matches the hand-labelled pairs with no error', () => {
    const result = score(HAND);
    expect(result.wrong).toEqual([]);
    expect(result.pairs).toBeGreaterThanOrEqual(30);
  });

  it('reaches precision 1 and recall ≥ 0.99 on the variants generated from the region table', () => {
    const result = score(generated());
    console.log(
      `organ matching: ${result.pairs} generated pairs, precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)}`,
    );
    expect(result.pairs).toBeGreaterThan(1500);
    expect(result.wrong.slice(0, 5)).toEqual([]);
    expect(result.precision).toBe(1);
    expect(result.recall).toBeGreaterThanOrEqual(0.99);
  });
});
