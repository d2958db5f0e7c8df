import type { components, paths } from '../../api/schema.js';

type Schemas = components['schemas'];

/** GET /api/supervision/{year}: the totals per status and every late organ. */
export type SupervisionYear = Schemas['SupervisionYear'];

/** GET /api/supervision/{year}/organs: a page of the organs, late first. */
export type SupervisionOrgan = Schemas['SupervisionOrgan'];
export type SupervisionStatus = SupervisionOrgan['status'];
export type SupervisionOrgansQuery = NonNullable<paths['/api/supervision/{year}/organs']['get']['parameters']['query']>;

/** GET /api/supervision/{year}/statistics. */
export type Statistics = Schemas['Statistics'];
export type YearFigures = Schemas['YearStatistics'];

/** GET /api/organs/{organId}/reports/{year}, shown read-only. */
export type OrganReport = Schemas['ReportState'];
