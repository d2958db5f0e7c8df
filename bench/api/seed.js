// The child's part of `npm run bench:api`: 10,000 applications of 2025 in one agency, and the
// compilation of its report timed as a whole and in its parts.

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createCounty } from '../support/county.js';
import { APPLICATIONS, COMPILE_RUNS, PASSWORD, SEED, TODAY, YEAR } from './settings.js';

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Runs `work` once to warm up, then `runs` times; the times in ms. */
export async function timed(runs, work) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return { medianMs: median(times), runsMs: times };
}

// ---------------------------------------------------------------------------------------------

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** One government, one agency with an officer and a reviewer, and the agency's 10,000 cases of 2025. */
export async function seed(services) {
  const core = await import('../../packages/core/dist/index.js');
  const { demoCases } = await import('../../packages/server/dist/demo/applications.js');
  const { db } = services;
  const started = performance.now();
  const { government, agency } = await createCounty(services);
  const user = (username, displayName, role) =>
    services.organs.createUser(null, { organId: agency.id, username, displayName, role, password: PASSWORD });
  const officer = await user('bench.jbr', '李经办', 'officer');
  const reviewer = await user('bench.shr', '王审核', 'reviewer');

  const calendar = await services.calendar.calendar();
  const cases = demoCases(calendar, {
    from: `${YEAR - 1}-12-31`,
    to: `${YEAR}-12-31`,
    count: APPLICATIONS,
    seed: SEED,
  });
  const codes = new Set();
  while (codes.size < cases.length) {
    codes.add(Array.from(randomBytes(12), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join(''));
  }
  const queryCodes = [...codes];
  const rows = [];
  const timelines = [];
  for (const [index, demo] of cases.entries()) {
    const { intake } = demo;
    let state = core.startCase(intake);
    const events = [
      {
        type: 'intake',
        on: intake.receivedOn,
        actor_id: officer.id,
        data: { channel: intake.channel, submittedOn: intake.submittedOn },
      },
    ];
    for (const step of demo.actions) {
      if (step.action.on > TODAY) break;
      state = core.applyAction(state, step.action, calendar);
      const { type, on, ...data } = step.action;
      events.push({ type, on, actor_id: step.actor === 'officer' ? officer.id : reviewer.id, data });
    }
    const serialNo = `〔${YEAR}〕XSYJ依申第${index + 1}号`;
    rows.push({
      organ_id: agency.id,
      serial_no: serialNo,
      query_code: queryCodes[index],
      channel: intake.channel,
      applicant_kind: intake.applicantKind,
      applicant_name: intake.applicantName,
      applicant_phone: intake.applicantPhone ?? null,
      request: intake.request,
      delivery_form: intake.deliveryForm,
      delivery_way: intake.deliveryWay,
      submitted_on: intake.submittedOn,
      received_on: intake.receivedOn,
      status: state.status,
      due_on: core.caseDeadline(state, calendar, TODAY).dueOn,
      outcome: state.outcome ?? null,
      closed_on: state.closedOn ?? null,
      state: JSON.stringify(state),
      version: events.length,
      created_by: officer.id,
      created_at: `${intake.receivedOn}T09:00:00+08:00`,
      updated_at: `${events.at(-1).on}T16:00:00+08:00`,
    });
    timelines.push({ serialNo, events });
  }
  const generatedMs = performance.now() - started;

  // As many rows in one INSERT as 32,000 parameters allow: PGlite failed (RangeError in its
  // protocol parser) on 60,000, which PostgreSQL (65,535 at most) takes.
  const chunks = (list, columns) => {
    const size = Math.floor(32_000 / columns);
    return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
  };
  const ids = new Map();
  let statements = 0;
  const insertStarted = performance.now();
  for (const chunk of chunks(rows, Object.keys(rows[0]).length)) {
    const inserted = await db.insertInto('applications').values(chunk).returning(['id', 'serial_no']).execute();
    for (const row of inserted) ids.set(row.serial_no, row.id);
    statements += 1;
  }
  const eventRows = timelines.flatMap(({ serialNo, events }) =>
    events.map((event) => ({
      application_id: ids.get(serialNo),
      type: event.type,
      on: event.on,
      actor_id: event.actor_id,
      data: JSON.stringify(event.data),
      at: `${event.on}T10:00:00+08:00`,
    })),
  );
  for (const chunk of chunks(eventRows, 6)) {
    await db.insertInto('application_events').values(chunk).execute();
    statements += 1;
  }
  const insertMs = performance.now() - insertStarted;
  // PostgreSQL's autovacuum analyses a table that grew this much within a minute or so, and the
  // server analyses PGlite (which has no autovacuum) at start and every 10 minutes: do it now so
  // the measurement does not depend on when that happens.
  {
    const { sql } = await import('kysely');
    await sql`analyze`.execute(db);
  }

  const statuses = {};
  for (const row of rows) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
  return {
    agencyId: agency.id,
    organPath: `/${government.id}/${agency.id}/`,
    officer,
    username: officer.username,
    caseIds: [...ids.values()],
    summary: {
      applications: rows.length,
      events: eventRows.length,
      open: rows.length - (statuses.closed ?? 0),
      statuses,
      generateMs: generatedMs,
      insertMs,
      insertStatements: statements,
      analysed: true,
    },
  };
}

/** The 2025 report through the service, and its parts apart: the records query, compile, check. */
export async function timeCompile(services, seeded) {
  const core = await import('../../packages/core/dist/index.js');
  const { recordsForYear } = await import('../../packages/server/dist/features/reports/repository.js');
  const actor = {
    id: seeded.officer.id,
    organId: seeded.agencyId,
    organPath: seeded.organPath,
    role: 'officer',
    name: seeded.officer.displayName,
  };
  const service = await timed(COMPILE_RUNS, () => services.reports.compile(actor, seeded.agencyId, YEAR));
  // Reading a draft recompiles it in memory to list the cells the records no longer give (issue 11 §3).
  const read = await timed(COMPILE_RUNS, () => services.reports.get(actor, seeded.agencyId, YEAR));
  let records;
  const query = await timed(COMPILE_RUNS, async () => {
    records = await recordsForYear(services.db, seeded.agencyId, YEAR);
  });
  if (records.applications.length !== APPLICATIONS) {
    throw new Error(`the 2025 records hold ${records.applications.length} applications, not ${APPLICATIONS}`);
  }
  // The core's input exactly as the service builds it (the organ has no documents, figures or reviews).
  const input = {
    agency: '相山区应急管理局',
    year: YEAR,
    format: core.formatForYear(YEAR),
    applications: records.applications.map((a) => ({
      id: a.serial_no,
      applicantKind: a.applicant_kind,
      receivedOn: a.received_on,
      ...(a.closed_on ? { closedOn: a.closed_on } : {}),
      ...(a.outcome ? { outcome: a.outcome } : {}),
    })),
    documents: [],
    figures: {},
    reviews: [],
  };
  let report;
  const compileReport = await timed(COMPILE_RUNS, () => {
    report = core.compileReport(input).report;
  });
  const checkReport = await timed(COMPILE_RUNS, () => core.checkReport({ report }));
  return {
    applications: records.applications.length,
    service,
    read,
    recordsQuery: query,
    compileReport,
    checkReport,
  };
}
