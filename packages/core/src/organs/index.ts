export { REGIONS, regionPrefix, within, type Region, type RegionLevel, type RegionPrefix } from './regions.js';
export {
  matchOrgans,
  normaliseOrganName,
  organIdentity,
  type OrganIdentity,
  type OrganLevel,
  type OrganMatch,
} from './identity.js';
