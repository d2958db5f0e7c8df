import type { components } from '../../api/schema.js';

/** The portal's shapes, as the server declares them (features/portal/schemas.ts). */
export type PortalReceipt = components['schemas']['PortalReceipt'];
export type PortalStatus = components['schemas']['PortalStatus'];
export type PortalStep = PortalStatus['steps'][number];
export type PortalApplication = components['schemas']['PortalApplication'];
export interface PortalOrgan {
  readonly id: number;
  readonly name: string;
  readonly region: string | null;
}
