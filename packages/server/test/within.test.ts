import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { within } from '../src/db/within.js';
import { loadDemo } from '../src/demo/seed.js';
import { createServices } from '../src/services.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/databases.js';

/** Services composed into one transaction: all of their writes, or none. */
describe.each(ENGINES)('one transaction over many services on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(() => database.close());

  const organCount = async () => (await database.db.selectFrom('organs').select('id').execute()).length;

  it('keeps nothing when a later step fails, although each service committed its own transaction', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        const services = createServices(within(trx));
        const organ = await services.organs.create(null, {
          parentId: null,
          name: '甲县人民政府',
          kind: 'government',
          code: 'JX',
        });
        await services.organs.create(null, {
          parentId: organ.id,
          name: '甲县应急管理局',
          kind: 'department',
          code: 'JXYJ',
        });
        expect(await trx.selectFrom('organs').select('id').execute()).toHaveLength(2);
        // The same code again: the service refuses it, and so the whole unit ends.
        await services.organs.create(null, {
          parentId: organ.id,
          name: '甲县教育局',
          kind: 'department',
          code: 'JXYJ',
        });
      }),
    ).rejects.toThrow(/机关代码“JXYJ”已被使用/);
    expect(await organCount()).toBe(0);
  });

  it('loads the demo only into an empty database', async () => {
    await database.db.transaction().execute(async (trx) => {
      await createServices(within(trx)).organs.create(null, {
        parentId: null,
        name: '乙县人民政府',
        kind: 'government',
        code: 'YX',
      });
    });
    expect(await loadDemo(database.db, '2026-11-23')).toBeUndefined();
    expect(await organCount()).toBe(1);
  });
});
