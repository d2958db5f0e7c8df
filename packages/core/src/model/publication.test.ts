import { describe, expect, it } from 'vitest';
import { PUBLICATION_DEADLINE, publicationDeadline } from './publication.js';

describe('the publication deadline (条例第四十九条)', () => {
  it('is 31 January of the year after the report’s', () => {
    expect(publicationDeadline(2025)).toBe('2026-01-31');
    expect(publicationDeadline(2020)).toBe('2021-01-31');
    expect(PUBLICATION_DEADLINE).toBe('次年1月31日');
  });
});
