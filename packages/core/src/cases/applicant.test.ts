import { describe, expect, it } from 'vitest';
import { APPLICANT_FIELDS, CONTACT_REQUIRED, hasContact } from './applicant.js';

describe('第二十九条 applicant fields', () => {
  it('asks for at least one contact, blank text being none', () => {
    expect(hasContact({ applicantPhone: '13800000000' })).toBe(true);
    expect(hasContact({ applicantAddress: '相山区人民路1号' })).toBe(true);
    expect(hasContact({ applicantPhone: '  ', applicantEmail: '' })).toBe(false);
    expect(hasContact({})).toBe(false);
    expect(CONTACT_REQUIRED).toContain('联系方式');
  });

  it('gives every field a label and a maximum, and every required field its message', () => {
    for (const field of Object.values(APPLICANT_FIELDS)) {
      expect(field.label).toMatch(/[\u4e00-\u9fff]/);
      expect(field.max).toBeGreaterThan(0);
      if ('required' in field) expect(field.min).toBeGreaterThan(0);
    }
    expect(APPLICANT_FIELDS.request.min).toBe(4);
  });
});
