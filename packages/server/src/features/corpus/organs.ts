import { matchOrgans, organIdentity, type OrganIdentity } from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import {
  insertNameIfAbsent,
  insertOrganIfAbsent,
  nameRow,
  organById,
  organOfName,
  renameOrgan,
  organByKey,
  type CorpusOrganRow,
} from './repository.js';

/**
 * Below this a match is not trusted without a person: the file is imported but marked for review.
 * The same threshold as the matcher's labelled test (core/src/organs/organs.test.ts).
 */
export const SURE_MATCH = 0.6;

/**
 * How sure the corpus is of an organ it creates from one name: sure when the name gives one place,
 * less so when the place's name is shared (朝阳区: 北京 or 长春) and least when it names no place
 * (its region and level cannot be analysed, and a same-worded organ elsewhere would be joined).
 */
export function organConfidence(identity: OrganIdentity): number {
  if (!identity.region) return 0.5;
  return identity.alternatives.length > 0 ? 0.7 : 1;
}

export interface ResolvedOrgan {
  readonly organ: CorpusOrganRow;
  /** How sure it is that the spelling names this organ. */
  readonly confidence: number;
  /** The name as normalised: the key of `corpus_organ_names`. */
  readonly name: string;
}

/**
 * Whether a new spelling names the organ better than its present name: in its present-day words
 * (not a short form or a name before the 2018 renamings) and with more of its place (杭州市上城区
 * rather than 上城区). The organ is then called by the fullest name seen, whatever order the
 * files came in.
 */
export function fuller(spelling: OrganIdentity, present: string): boolean {
  if (spelling.ownWords !== spelling.body) return false;
  const now = organIdentity(present);
  return now.ownWords !== now.body || spelling.name.length > now.name.length;
}

/** The organ a merged one now is (merges are flattened, so one step suffices; a few guard a cycle). */
async function followMerges(db: Db, organ: CorpusOrganRow): Promise<CorpusOrganRow> {
  let at = organ;
  for (let hop = 0; hop < 5 && at.merged_into !== null; hop += 1) {
    const next = await organById(db, at.merged_into);
    if (!next) break;
    at = next;
  }
  return at;
}

/**
 * The organ a report's name belongs to. A spelling seen before keeps the organ it was given —
 * a person's manual choice above all — so the matcher never undoes a correction; a new spelling
 * joins the organ with its identity key (`region code|body`), or founds one. Concurrent imports
 * may add the same organ or spelling: the inserts do nothing then, and the row read back is the
 * one that won.
 */
export async function resolveOrgan(db: Db, rawName: string): Promise<ResolvedOrgan> {
  const identity = organIdentity(rawName);
  const { name } = identity;
  const known = await organOfName(db, name);
  if (known) {
    const { name_confidence: confidence, ...organ } = known;
    return { organ: await followMerges(db, organ), confidence, name };
  }
  let organ = await organByKey(db, identity.key);
  if (!organ) {
    await insertOrganIfAbsent(db, {
      identity_key: identity.key,
      name,
      region_code: identity.region?.code ?? null,
      level: identity.level ?? null,
      kind: identity.kind,
      confidence: organConfidence(identity),
    });
    organ = (await organByKey(db, identity.key)) as CorpusOrganRow;
  }
  const confidence =
    organ.name === name
      ? organ.confidence
      : Math.min(organ.confidence, matchOrgans(identity, organIdentity(organ.name)).confidence || organ.confidence);
  const added = await insertNameIfAbsent(db, name, organ.id, confidence);
  if (added && organ.name !== name && fuller(identity, organ.name)) {
    await renameOrgan(db, organ.id, name);
  }
  const stored = await nameRow(db, name);
  const chosen = stored && stored.organ_id !== organ.id ? await organById(db, stored.organ_id) : organ;
  return { organ: await followMerges(db, chosen ?? organ), confidence: stored?.confidence ?? confidence, name };
}
