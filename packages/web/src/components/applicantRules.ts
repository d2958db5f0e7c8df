import { APPLICANT_FIELDS, CONTACT_FIELDS, CONTACT_REQUIRED, hasContact, type ApplicantFieldName } from '@xxgk/core';
import type { FormRule } from 'antd';

/**
 * The form rules of a 第二十九条 field, made from the core's definition — the same limits and
 * messages the server checks, in the officers' intake and in the public portal alike.
 */
export function applicantRules(name: ApplicantFieldName, required = 'required' in APPLICANT_FIELDS[name]): FormRule[] {
  const field: { label: string; max: number; min?: number; required?: string; invalid?: string } =
    APPLICANT_FIELDS[name];
  const rules: FormRule[] = [];
  if (required) {
    rules.push({ required: true, whitespace: true, message: field.required ?? `请填写${field.label}` });
    if ((field.min ?? 1) > 1) rules.push({ min: field.min, message: field.required });
  }
  if (field.invalid) rules.push({ type: 'email', message: field.invalid });
  rules.push({ max: field.max, message: `${field.label}不超过 ${field.max} 个字` });
  return rules;
}

/** The longest text a field takes, for the input's own limit. */
export const maxLengthOf = (name: ApplicantFieldName): number => APPLICANT_FIELDS[name].max;

/** 第二十九条's 联系方式: at least one of phone, e-mail and address. Put on the phone field. */
export const contactRule: FormRule = ({ getFieldValue }) => ({
  validator: () =>
    hasContact(Object.fromEntries(CONTACT_FIELDS.map((f) => [f, getFieldValue(f) as string | undefined])))
      ? Promise.resolve()
      : Promise.reject(new Error(CONTACT_REQUIRED)),
});
