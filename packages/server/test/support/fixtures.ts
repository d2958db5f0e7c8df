import { sampleIntake } from '../../../../bench/support/county.js';
import type { IntakeInput } from '../../src/features/applications/views.js';

/** A complete application as an officer would register it; override what a test is about. */
export function intake(overrides: Partial<IntakeInput> = {}): IntakeInput {
  return sampleIntake(overrides);
}
