import type { components, paths } from '../../api/schema.js';

/* The workbench's data as the API describes it (generated from the server's routes: npm run api:types). */
type Schemas = components['schemas'];

/** GET /api/organs/{organId}/dashboard: each count is the total of the list's queue of the same name. */
export type Dashboard = Schemas['Dashboard'];

/** The dashboard counts a card shows and the list filters by (`queue` of GET …/applications). */
export type CaseQueue = NonNullable<
  NonNullable<paths['/api/organs/{organId}/applications']['get']['parameters']['query']>['queue']
>;

/** One row of GET /api/organs/{organId}/applications. */
export type ApplicationListItem = Schemas['ApplicationListItem'];

/** GET /api/applications/{id}: the case with its deadline, lawful next moves, events and attachments. */
export type CaseDetail = Schemas['ApplicationDetail'];
export type CaseEvent = Schemas['CaseEvent'];

/** GET /api/audit. */
export type AuditEntry = Schemas['AuditEntry'];
