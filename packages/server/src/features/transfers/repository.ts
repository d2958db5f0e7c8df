import type { Db } from '../../db/schema.js';

export async function insertTransfer(
  db: Db,
  row: {
    fromApplicationId: number;
    toApplicationId: number | null;
    fromOrganId: number;
    toOrganId: number | null;
    toOrganName: string;
    on: string;
    note: string;
    by: number;
  },
): Promise<void> {
  await db
    .insertInto('transfers')
    .values({
      from_application_id: row.fromApplicationId,
      to_application_id: row.toApplicationId,
      from_organ_id: row.fromOrganId,
      to_organ_id: row.toOrganId,
      to_organ_name: row.toOrganName,
      on: row.on,
      note: row.note,
      by: row.by,
    })
    .execute();
}

/** The transfer a case was sent by or received through, with both ends' organs and numbers. */
export async function transferOf(db: Db, applicationId: number) {
  return db
    .selectFrom('transfers as t')
    .innerJoin('applications as fa', 'fa.id', 't.from_application_id')
    .innerJoin('organs as fo', 'fo.id', 't.from_organ_id')
    .leftJoin('applications as ta', 'ta.id', 't.to_application_id')
    .leftJoin('users as u', 'u.id', 't.by')
    .select([
      't.on',
      't.note',
      't.from_application_id as fromApplicationId',
      't.from_organ_id as fromOrganId',
      'fo.name as fromOrganName',
      'fa.serial_no as fromSerialNo',
      't.to_application_id as toApplicationId',
      't.to_organ_id as toOrganId',
      't.to_organ_name as toOrganName',
      'ta.serial_no as toSerialNo',
      'ta.received_on as toReceivedOn',
      'ta.due_on as toDueOn',
      'u.display_name as byName',
    ])
    .where((eb) =>
      eb.or([eb('t.from_application_id', '=', applicationId), eb('t.to_application_id', '=', applicationId)]),
    )
    .executeTakeFirst();
}

/** Every organ on the platform but one: where a case may be transferred to, in tree order. */
export async function receivingOrgans(db: Db, except: number) {
  return db.selectFrom('organs').select(['id', 'name']).where('id', '!=', except).orderBy('path').execute();
}
