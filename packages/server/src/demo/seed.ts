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
import { fillRegisters } from './registers.js';

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

/** The demo's services, its clock, and its organs and accounts by key. */
interface DemoContext {
  readonly services: ReturnType<typeof createServices>;
  readonly today: string;
  /** Runs `run` with the services' clock at `date`. */
  at<T>(date: string, run: () => Promise<T>): Promise<T>;
  organId(key: string): number;
  actor(username: string): Actor;
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
  const { organIds, actors } = await createPeople(services);
  const demo: DemoContext = {
    services,
    today,
    async at(date, run) {
      now = date;
      try {
        return await run();
      } finally {
        now = today;
      }
    },
    organId: (key) => organIds.get(key) as number,
    actor: (username) => actors.get(username) as Actor,
  };
  const applications = await workCases(demo);
  const lastYear = Number(today.slice(0, 4)) - 1;
  await fillRegisters(services, demo.actor('yj.jbr'), demo.organId('xsyj'), lastYear);
  for (const seed of DEMO_SEED_REPORTS) {
    const bytes = new Uint8Array(await readFile(new URL(seed.file, SEEDS_DIR)));
    await services.imports.importFile(null, demo.organId(seed.organ), undefined, seed.file, bytes);
  }
  await publishReports(demo);
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

/** The organs (parents first) and their accounts; the ids by key and the actors by username. */
async function createPeople(services: DemoContext['services']) {
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
  return { organIds, actors };
}

/** Last year's and this year's applications of two organs, each step taken on its own day; how many. */
async function workCases({ services, today, at, organId: idOf, actor }: DemoContext): Promise<number> {
  const calendar = await services.calendar.calendar();
  const lastYear = Number(today.slice(0, 4)) - 1;
  let applications = 0;
  const work = [
    { organ: 'xsyj', officer: 'yj.jbr', reviewer: 'yj.shr', perYear: 140, seed: 11 },
    { organ: 'xsjy', officer: 'jy.jbr', reviewer: 'jy.shr', perYear: 60, seed: 23 },
  ];
  for (const w of work) {
    const organId = idOf(w.organ);
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
  return applications;
}

/** Last year's reports: 应急局 on time, 教育局 late, 人社局 a draft only, 市场监管局 not started; this year's draft. */
async function publishReports({ services, today, at, organId: idOf, actor }: DemoContext): Promise<void> {
  const year = Number(today.slice(0, 4));
  const lastYear = year - 1;
  const publishing = [
    { organ: 'xsyj', officer: 'yj.jbr', reviewer: 'yj.shr', on: `${year}-01-22` },
    { organ: 'xsjy', officer: 'jy.jbr', reviewer: 'jy.shr', on: `${year}-02-09` },
  ];
  for (const p of publishing) {
    const organId = idOf(p.organ);
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
  await at(`${year}-01-28`, () => services.reports.compile(actor('rs.jbr'), idOf('xsrs'), lastYear));
  await services.reports.compile(actor('yj.jbr'), idOf('xsyj'), year);
}
