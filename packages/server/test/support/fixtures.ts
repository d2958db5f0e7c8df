import type { IntakeInput } from '../../src/features/applications/views.js';

/** A complete application as an officer would register it; override what a test is about. */
export function intake(overrides: Partial<IntakeInput> = {}): IntakeInput {
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
