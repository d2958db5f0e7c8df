import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Report, Role } from '@xxgk/core';
import type { Database } from '../db/schema.js';
import type { Actor } from '../features/access.js';
import { lockForTransaction, within } from '../db/within.js';
import { noOrgans } from '../features/organs/repository.js';
import { createServices } from '../services.js';
import { demoCases } from './applications.js';
import { DEMO_ORGANS, DEMO_PASSWORD, DEMO_SEED_REPORTS, DEMO_USERS } from './organs.js';
import { demoProse } from './prose.js';

const SEEDS_DIR = new URL('../../demo-data/seeds/', import.meta.url);

export interface DemoSummary {
  readonly organs: number;
  readonly users: readonly { username: string; displayName: string; role: Role; organ: string }[];
  readonly password: string;
  readonly applications: number;
}

/** True when the database has no organs yet: the demo is loaded only into an empty database. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return noOrgans(db);
}

/** Any constant: two servers starting on one empty PostgreSQL database load the demo once. */
const DEMO_LOCK = 0x78786b;

/**
 * Loads the demo into an empty database, all or nothing: one transaction (a start killed half-way
 * leaves the database empty, and the next start loads the demo again), taken under a lock so that
 * a second server starting at the same time finds it loaded. Undefined when the database was not
 * empty.
 */
export async function loadDemo(db: Kysely<Database>, today: string): Promise<DemoSummary | undefined> {
  return db.transaction().execute(async (trx) => {
    await lockForTransaction(trx, DEMO_LOCK);
    if (!(await isEmpty(trx))) return undefined;
    return fill(within(trx), today);
  });
}

/**
 * The demo: the organs and accounts, two years of applications worked through the real
 * services (so every case has a lawful history and an audit trail), registers, the five seed
 * reports imported, last year's reports compiled and published (one of them late), and this
 * year's drafts. `today` is the demo's present; the services' clock walks up to it.
 */
async function fill(db: Kysely<Database>, today: string): Promise<DemoSummary> {
  let now = today;
  const services = createServices(db, { today: () => now });
  const at = async <T>(date: string, run: () => Promise<T>): Promise<T> => {
    now = date;
    try {
      return await run();
    } finally {
      now = today;
    }
  };

  const organIds = new Map<string, number>();
  const organPaths = new Map<string, string>();
  for (const organ of DEMO_ORGANS) {
    const parentId = organ.parent ? (organIds.get(organ.parent) as number) : null;
    const created = await services.organs.create(null, {
      parentId,
      name: organ.name,
      kind: organ.kind,
      code: organ.code,
      region: organ.region,
      reviewBody: organ.reviewBody ?? null,
      court: organ.court ?? null,
    });
    organIds.set(organ.key, created.id);
    organPaths.set(organ.key, `${parentId ? organPaths.get(organ.parent as string) : '/'}${created.id}/`);
  }
  const actors = new Map<string, Actor>();
  for (const user of DEMO_USERS) {
    const organId = organIds.get(user.organ) as number;
    const created = await services.organs.createUser(null, {
      organId,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      password: DEMO_PASSWORD,
    });
    actors.set(user.username, {
      id: created.id,
      organId,
      organPath: organPaths.get(user.organ) as string,
      role: user.role,
      name: user.displayName,
    });
  }
  const actor = (username: string) => actors.get(username) as Actor;

  const calendar = await services.calendar.calendar();
  const year = Number(today.slice(0, 4));
  const lastYear = year - 1;
  let applications = 0;
  const work = [
    { organ: 'xsyj', officer: 'yj.jbr', reviewer: 'yj.shr', perYear: 140, seed: 11 },
    { organ: 'xsjy', officer: 'jy.jbr', reviewer: 'jy.shr', perYear: 60, seed: 23 },
  ];
  for (const w of work) {
    const organId = organIds.get(w.organ) as number;
    const thisYearShare = Math.round((w.perYear * calendar.workingDaysBetween(`${lastYear}-12-31`, today)) / 250);
    const cases = [
      ...demoCases(calendar, {
        from: `${lastYear - 1}-12-31`,
        to: `${lastYear}-12-31`,
        count: w.perYear,
        seed: w.seed,
      }),
      ...demoCases(calendar, {
        from: `${lastYear}-12-31`,
        to: today,
        count: thisYearShare,
        seed: w.seed + 1,
        stallRecent: true,
      }),
    ];
    for (const demo of cases) {
      const row = await at(demo.intake.receivedOn, () =>
        services.applications.intake(actor(w.officer), organId, demo.intake),
      );
      applications += 1;
      let version = row.version;
      for (const step of demo.actions) {
        if (step.action.on > today) break;
        const who = actor(step.actor === 'officer' ? w.officer : w.reviewer);
        const detail = await at(step.action.on, () => services.applications.act(who, row.id, version, step.action));
        version = detail.version;
      }
    }
  }

  const yj = organIds.get('xsyj') as number;
  const yjOfficer = actor('yj.jbr');
  const documents = [
    {
      kind: 'normativeDoc',
      number: `相应急〔${lastYear - 2}〕5号`,
      title: '相山区安全生产举报奖励办法',
      issuedOn: `${lastYear - 2}-06-12`,
      repealedOn: `${lastYear}-09-30`,
    },
    {
      kind: 'normativeDoc',
      number: `相应急〔${lastYear - 1}〕8号`,
      title: '相山区生产安全事故应急预案管理实施细则',
      issuedOn: `${lastYear - 1}-04-20`,
    },
    {
      kind: 'normativeDoc',
      number: `相应急〔${lastYear}〕3号`,
      title: '相山区安全生产举报奖励实施办法',
      issuedOn: `${lastYear}-10-08`,
    },
    {
      kind: 'normativeDoc',
      number: `相应急〔${lastYear}〕11号`,
      title: '相山区危险化学品安全风险分级管控办法',
      issuedOn: `${lastYear}-12-15`,
    },
  ] as const;
  for (const document of documents) await services.registers.addDocument(yjOfficer, yj, document);
  await services.registers.putFigures(yjOfficer, yj, lastYear, 0, {
    's2.licensing.decisions': 46,
    's2.penalty.decisions': 38,
    's2.enforcement.decisions': 5,
    's2.fees.amount': 0,
  });
  await services.registers.putFigures(yjOfficer, yj, year, 0, {
    's2.licensing.decisions': 31,
    's2.penalty.decisions': 27,
    's2.enforcement.decisions': 2,
    's2.fees.amount': 0,
  });
  await services.registers.addReview(yjOfficer, yj, {
    kind: 'review',
    caseNo: `相政复〔${lastYear}〕12号`,
    filedOn: `${lastYear}-05-18`,
    concludedOn: `${lastYear}-07-10`,
    result: 'upheld',
  });
  await services.registers.addReview(yjOfficer, yj, {
    kind: 'review',
    caseNo: `相政复〔${lastYear}〕31号`,
    filedOn: `${lastYear}-11-03`,
  });
  await services.registers.addReview(yjOfficer, yj, {
    kind: 'suit',
    caseNo: `（${lastYear}）皖0603行初45号`,
    filedOn: `${lastYear}-08-21`,
    concludedOn: `${lastYear}-12-02`,
    result: 'other',
  });

  for (const seed of DEMO_SEED_REPORTS) {
    const bytes = new Uint8Array(await readFile(new URL(seed.file, SEEDS_DIR)));
    await services.imports.importFile(null, organIds.get(seed.organ) as number, undefined, seed.file, bytes);
  }

  // Last year's reports: 应急局 on time, 教育局 late, 人社局 a draft only, 市场监管局 not started.
  const publishing = [
    { organ: 'xsyj', officer: 'yj.jbr', reviewer: 'yj.shr', on: `${year}-01-22` },
    { organ: 'xsjy', officer: 'jy.jbr', reviewer: 'jy.shr', on: `${year}-02-09` },
  ];
  for (const p of publishing) {
    const organId = organIds.get(p.organ) as number;
    await at(p.on, async () => {
      const draft = await services.reports.compile(actor(p.officer), organId, lastYear);
      const name = DEMO_ORGANS.find((o) => o.key === p.organ)?.name as string;
      // Section 六's fee sentence comes from the records; the rest is the organ's own prose.
      const sections = { ...demoProse(name, lastYear), otherMatters: (draft.report as Report).sections.otherMatters };
      const edited = await services.reports.updateSections(
        actor(p.officer),
        organId,
        lastYear,
        draft.version,
        sections,
      );
      await services.reports.publish(actor(p.reviewer), organId, lastYear, edited.version);
    });
  }
  await at(`${year}-01-28`, () => services.reports.compile(actor('rs.jbr'), organIds.get('xsrs') as number, lastYear));
  await services.reports.compile(yjOfficer, yj, year);

  return {
    organs: DEMO_ORGANS.length,
    users: DEMO_USERS.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      organ: DEMO_ORGANS.find((o) => o.key === u.organ)?.name as string,
    })),
    password: DEMO_PASSWORD,
    applications,
  };
}
