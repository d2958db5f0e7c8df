import type { Actor } from '../features/access.js';
import type { RegisterService } from '../features/registers/service.js';

/**
 * The 应急管理局's registers behind sections 二 and 四: four normative documents (one repealed last
 * year), last year's and this year's figures, two reviews and a suit.
 */
export async function fillRegisters(
  services: { registers: RegisterService },
  officer: Actor,
  organId: number,
  lastYear: number,
): Promise<void> {
  const { registers } = services;
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
  for (const document of documents) await registers.addDocument(officer, organId, document);
  await registers.putFigures(officer, organId, lastYear, 0, {
    's2.licensing.decisions': 46,
    's2.penalty.decisions': 38,
    's2.enforcement.decisions': 5,
    's2.fees.amount': 0,
  });
  await registers.putFigures(officer, organId, lastYear + 1, 0, {
    's2.licensing.decisions': 31,
    's2.penalty.decisions': 27,
    's2.enforcement.decisions': 2,
    's2.fees.amount': 0,
  });
  await registers.addReview(officer, organId, {
    kind: 'review',
    caseNo: `相政复〔${lastYear}〕12号`,
    filedOn: `${lastYear}-05-18`,
    concludedOn: `${lastYear}-07-10`,
    result: 'upheld',
  });
  await registers.addReview(officer, organId, {
    kind: 'review',
    caseNo: `相政复〔${lastYear}〕31号`,
    filedOn: `${lastYear}-11-03`,
  });
  await registers.addReview(officer, organId, {
    kind: 'suit',
    caseNo: `（${lastYear}）皖0603行初45号`,
    filedOn: `${lastYear}-08-21`,
    concludedOn: `${lastYear}-12-02`,
    result: 'other',
  });
}
