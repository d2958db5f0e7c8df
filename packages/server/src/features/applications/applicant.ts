import { z } from '@hono/zod-openapi';
import {
  APPLICANT_FIELDS,
  APPLICANT_KINDS,
  CONTACT_REQUIRED,
  DELIVERY_FORMS,
  DELIVERY_WAYS,
  hasContact,
  type ApplicantFieldName,
} from '@xxgk/core';

/** A required text field of 第二十九条, with the core's limits and message. */
function required(name: 'applicantName' | 'request') {
  const field = APPLICANT_FIELDS[name];
  return z.string().trim().min(field.min, field.required).max(field.max);
}

/** An optional text field of 第二十九条. */
function optional(name: ApplicantFieldName) {
  return z.string().trim().max(APPLICANT_FIELDS[name].max).optional();
}

/**
 * 第二十九条's contents of an application, as officers register it and as the public portal takes
 * it: the same fields, limits and messages (core's APPLICANT_FIELDS) in both.
 */
export const applicantShape = {
  applicantKind: z.enum(APPLICANT_KINDS),
  applicantName: required('applicantName'),
  applicantIdNumber: optional('applicantIdNumber'),
  applicantPhone: optional('applicantPhone'),
  applicantEmail: z.email(APPLICANT_FIELDS.applicantEmail.invalid).optional(),
  applicantAddress: optional('applicantAddress'),
  request: required('request'),
  deliveryForm: z.enum(DELIVERY_FORMS),
  deliveryWay: z.enum(DELIVERY_WAYS),
};

/** 第二十九条: an application gives a way to reach the applicant (the error shows at the phone field). */
export const contactGiven: [
  (v: { applicantPhone?: string; applicantEmail?: string; applicantAddress?: string }) => boolean,
  { message: string; path: string[] },
] = [(v) => hasContact(v), { message: CONTACT_REQUIRED, path: ['applicantPhone'] }];
