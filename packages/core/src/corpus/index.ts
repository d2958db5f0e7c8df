export {
  generateCorpus,
  CORPUS_FIRST_YEAR,
  CORPUS_LAST_YEAR,
  type CorpusInput,
  type CorpusOptions,
  type CorpusReport,
} from './generate.js';
export { ORGAN_SHARES, drawOrgans, spellName, type CorpusOrgan, type OrganClass, type OrganKind } from './organs.js';
export { yearFactor, type PlantedError, type PlantedKind } from './figures.js';
