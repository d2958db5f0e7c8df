import type { components } from '../../api/schema.js';

type Schemas = components['schemas'];

/** GET /api/supervision/{year}. */
export type SupervisionYear = Schemas['SupervisionYear'];
export type SupervisionOrgan = Schemas['SupervisionOrgan'];
export type SupervisionStatus = SupervisionOrgan['status'];

/** GET /api/supervision/{year}/statistics. */
export type Statistics = Schemas['Statistics'];
export type YearFigures = Schemas['YearStatistics'];

/** GET /api/organs/{organId}/reports/{year}, shown read-only. */
export type OrganReport = Schemas['ReportState'];
