import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../src/db/schema.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

describe.each(ENGINES)('database on %s', (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('migrates every table and records the migrations', async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(rows.map((r) => r.name)).toEqual([
      '0001-organs-users-audit',
      '0002-applications',
      '0003-registers',
      '0004-reports',
      '0005-list-indexes',
      '0006-deadline-moves',
      '0007-import-content-hash',
      '0008-security',
      '0009-answer-text',
      '0010-reminders-urges-transfers',
      '0011-assignee',
      '0012-corpus',
      '0013-corpus-summaries',
      '0014-corpus-outliers',
      '0015-corpus-rollups',
      '0016-corpus-region-cells',
      '0017-corpus-region-cell-parts',
      '0018-corpus-refresh-parts',
    ]);
  });

  it('keeps dates as calendar days, JSON as values, counts as numbers', async () => {
    const organ = await handle.db
      .insertInto('organs')
      .values({ path: '/', name: '测试县人民政府', kind: 'government', code: 'T1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto('year_figures')
      .values({ organ_id: organ.id, year: 2025, figures: json({ 's2.fees.amount': 1.25, list: [1, 2] }) })
      .execute();
    const row = await handle.db
      .selectFrom('year_figures')
      .select(['figures', sql<string>`date '2026-02-14'`.as('day'), sql<number>`count(*) over ()`.as('n')])
      .executeTakeFirstOrThrow();
    expect(row.figures).toEqual({ 's2.fees.amount': 1.25, list: [1, 2] });
    expect(row.day).toBe('2026-02-14');
    expect(row.n).toBe(1);
  });

  it('refuses to change or delete an audit entry', async () => {
    await handle.db.insertInto('audit_log').values({ entity: 'organ', entity_id: '1', action: 'create' }).execute();
    await expect(handle.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    // TRUNCATE fires no row trigger: a statement trigger of its own refuses it.
    await expect(sql`truncate audit_log`.execute(handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log cascade`.execute(handle.db)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(handle.db);
    expect(rows[0]?.n).toBe(1);
  });
});

// A server's JIT costs the app's short queries more than it saves (docs/scale.md); PGlite has none.
describe.each(ENGINES.filter((engine) => engine === 'postgres'))('connections to %s', (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(engine);
  });
  afterAll(() => handle.close());

  it('turn JIT off on every connection of the pool', async () => {
    // Held open together, so that each runs on a connection of its own.
    const shown = await Promise.all(
      [1, 2, 3].map(() =>
        sql<{ jit: string }>`select current_setting('jit') as jit, pg_sleep(0.05)`.execute(handle.db),
      ),
    );
    expect(shown.map((r) => r.rows[0]?.jit)).toEqual(['off', 'off', 'off']);
  });
});
