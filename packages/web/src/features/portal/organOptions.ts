import type { PortalOrgan } from './types.js';

/** What the 受理机关 select offers: the organs grouped under their region, the regions in Chinese order. */
export interface OrganGroup {
  readonly label: string;
  readonly title: string;
  readonly options: readonly { readonly value: number; readonly label: string; readonly region: string }[];
}

/** Organs without a region on record (none in practice) are listed last, under their own heading. */
const NO_REGION = '其他机关';

/**
 * The applicant first finds the place, then the organ there: organs of several places share names
 * (每个区县都有“应急管理局”), so an ungrouped list invites applying to the wrong one.
 */
export function organGroups(organs: readonly PortalOrgan[]): OrganGroup[] {
  const byRegion = new Map<string, PortalOrgan[]>();
  for (const organ of organs) {
    const region = organ.region ?? NO_REGION;
    byRegion.set(region, [...(byRegion.get(region) ?? []), organ]);
  }
  const order = (a: string, b: string) =>
    a === NO_REGION ? 1 : b === NO_REGION ? -1 : a.localeCompare(b, 'zh-Hans-CN');
  return [...byRegion.keys()].sort(order).map((region) => ({
    label: region,
    title: region,
    options: (byRegion.get(region) ?? []).map((organ) => ({ value: organ.id, label: organ.name, region })),
  }));
}

/** Search matches the organ's name or its region: “相山区” lists every organ there. */
export function matchesOrgan(input: string, option: { label?: unknown; region?: unknown } | undefined): boolean {
  if (!option || typeof option.label !== 'string') return false;
  return `${typeof option.region === 'string' ? option.region : ''}${option.label}`.includes(input.trim());
}
