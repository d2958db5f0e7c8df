import type { components, paths } from '../../api/schema.js';

/** Shapes of the register endpoints, from the server's OpenAPI description (npm run api:types). */
type Schemas = components['schemas'];

export type RegisterDocument = Schemas['Document'];
export type DocumentInput = Schemas['DocumentInput'];
export type DocumentKind = RegisterDocument['kind'];

export type ReviewCase = Schemas['Review'];
export type ReviewInput = Schemas['ReviewInput'];
export type ReviewKind = ReviewCase['kind'];
export type ReviewResult = NonNullable<ReviewCase['result']>;

export type RegisterFiguresInput = Schemas['RegisterFiguresInput'];

export type CsvImportResult = Schemas['CsvImportResult'];
export type CsvRowError = CsvImportResult['errors'][number];

/** The filters and page of the documents list, as its query takes them. */
export type DocumentsQuery = NonNullable<paths['/api/organs/{organId}/documents']['get']['parameters']['query']>;
export type DocumentStatus = NonNullable<DocumentsQuery['status']>;
export type ReviewsQuery = NonNullable<paths['/api/organs/{organId}/reviews']['get']['parameters']['query']>;
