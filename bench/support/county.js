// The county every server test and benchmark starts from: 相山区人民政府 and its 应急管理局 (with the
// review body and court its letters name). The server's tests (packages/server/test/support/http.ts)
// and the benchmarks make it here, once, so the two can never drift apart.

/** Makes the government and its agency through the organ service; their rows. */
export async function createCounty(services) {
  const government = await services.organs.create(null, {
    parentId: null,
    name: '相山区人民政府',
    kind: 'government',
    code: 'XS',
  });
  const agency = await services.organs.create(null, {
    parentId: government.id,
    name: '相山区应急管理局',
    kind: 'department',
    code: 'XSYJ',
    reviewBody: '相山区人民政府',
    court: '淮北市相山区人民法院',
  });
  return { government, agency };
}

/** A complete application as an officer would register it (条例第二十九条); override what a test is about. */
export function sampleIntake(overrides = {}) {
  return {
    channel: 'online',
    applicantKind: 'natural',
    applicantName: '王小明',
    applicantIdNumber: '340603199001011234',
    applicantPhone: '13800000000',
    request: '2025年本区安全生产行政处罚决定书（含文号）',
    deliveryForm: 'electronic',
    deliveryWay: 'email',
    submittedOn: '2026-02-27',
    receivedOn: '2026-03-02',
    ...overrides,
  };
}
