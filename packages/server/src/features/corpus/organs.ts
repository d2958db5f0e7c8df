import { matchOrgans, organIdentity, type OrganIdentity } from '@xxgk/core';
import type { Db } from '../../db/schema.js';
import {
  insertNamesIfAbsent,
  insertOrgansIfAbsent,
  organsByIds,
  organsByKeys,
  organsOfNames,
  type NewOrganName,
} from './import/repository.js';
import { renameOrgan, type CorpusOrganRow } from './repository.js';

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

type Named = { organ: CorpusOrganRow; confidence: number };

/** The organs merged ones now are (merges are flattened, so one step suffices; a few guard a cycle). */
async function followMerges(db: Db, named: Map<string, Named>): Promise<void> {
  for (let hop = 0; hop < 5; hop += 1) {
    const merged = [...named.values()].filter((n) => n.organ.merged_into !== null);
    if (merged.length === 0) return;
    const into = new Map(
      (
        await organsByIds(
          db,
          merged.map((n) => n.organ.merged_into as number),
        )
      ).map((o) => [o.id, o]),
    );
    for (const n of merged) n.organ = into.get(n.organ.merged_into as number) ?? { ...n.organ, merged_into: null };
  }
}

/**
 * New spellings join the organ with their identity key (`region code|body`), or found one. They
 * are taken in the order given, as if one at a time: each one's confidence is judged against the
 * organ's name as the spellings before it left it. Concurrent imports may add the same organ or
 * spelling: the inserts do nothing then, and the row read back is the one that won.
 */
async function addSpellings(db: Db, fresh: readonly OrganIdentity[], named: Map<string, Named>): Promise<void> {
  const organs = new Map(
    (
      await organsByKeys(
        db,
        fresh.map((i) => i.key),
      )
    ).map((o) => [o.identity_key, { ...o }]),
  );
  const founders = new Map<string, OrganIdentity>();
  for (const i of fresh) if (!organs.has(i.key) && !founders.has(i.key)) founders.set(i.key, i);
  await insertOrgansIfAbsent(
    db,
    [...founders.values()].map((i) => ({
      identity_key: i.key,
      name: i.name,
      region_code: i.region?.code ?? null,
      level: i.level ?? null,
      kind: i.kind,
      confidence: organConfidence(i),
    })),
  );
  for (const o of await organsByKeys(db, [...founders.keys()])) organs.set(o.identity_key, { ...o });
  const rows: NewOrganName[] = [];
  const renames: { name: string; organ: { id: number; name: string } }[] = [];
  for (const i of fresh) {
    const organ = organs.get(i.key) as CorpusOrganRow & { name: string };
    const confidence =
      organ.name === i.name
        ? organ.confidence
        : Math.min(organ.confidence, matchOrgans(i, organIdentity(organ.name)).confidence || organ.confidence);
    rows.push({ name: i.name, organ_id: organ.id, confidence });
    named.set(i.name, { organ, confidence });
    if (organ.name !== i.name && fuller(i, organ.name)) {
      renames.push({ name: i.name, organ });
      organ.name = i.name;
    }
  }
  const added = await insertNamesIfAbsent(db, rows);
  // The organ is called by the fullest spelling this import added (the last of its renames).
  const finalNames = new Map<number, string>();
  for (const r of renames) if (added.has(r.name)) finalNames.set(r.organ.id, r.name);
  for (const [id, name] of [...finalNames].sort((a, b) => a[0] - b[0])) await renameOrgan(db, id, name);
  // A spelling another import added first names the organ that import gave it.
  const lost = rows.filter((r) => !added.has(r.name)).map((r) => r.name);
  for (const { spelling, name_confidence, ...organ } of await organsOfNames(db, lost))
    named.set(spelling, { organ, confidence: name_confidence });
}

/**
 * The organs reports' names belong to, by the name as given. A spelling seen before keeps the
 * organ it was given — a person's manual choice above all — so the matcher never undoes a
 * correction; a new spelling is added (see addSpellings). The organ is then called by the fullest
 * name seen, whatever order the files came in.
 */
export async function resolveOrgans(db: Db, rawNames: readonly string[]): Promise<Map<string, ResolvedOrgan>> {
  const identities = new Map<string, OrganIdentity>();
  const spellingOf = new Map<string, string>();
  for (const raw of new Set(rawNames)) {
    const identity = organIdentity(raw);
    spellingOf.set(raw, identity.name);
    if (!identities.has(identity.name)) identities.set(identity.name, identity);
  }
  const named = new Map<string, Named>();
  for (const { spelling, name_confidence, ...organ } of await organsOfNames(db, [...identities.keys()]))
    named.set(spelling, { organ, confidence: name_confidence });
  const fresh = [...identities.values()].filter((i) => !named.has(i.name));
  if (fresh.length > 0) await addSpellings(db, fresh, named);
  await followMerges(db, named);
  const resolved = new Map<string, ResolvedOrgan>();
  for (const [raw, name] of spellingOf) {
    const n = named.get(name);
    if (n) resolved.set(raw, { organ: n.organ, confidence: n.confidence, name });
  }
  return resolved;
}
