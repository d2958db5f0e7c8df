/**
 * What an application must contain (《政府信息公开条例》第二十九条): the applicant's name, proof of
 * identity, contact details, a description of the information wanted, and the form and way of
 * delivery. Defined once here: the server's schemas (officers' intake and the public portal) and
 * the web's forms are made from it, so a limit or a message is the same wherever it is checked.
 */
export interface ApplicantField {
  /** As the form labels it. */
  readonly label: string;
  readonly max: number;
  /** Fewer characters than this are refused (after trimming). */
  readonly min?: number;
  /** The message when it is missing or too short, where it is required. */
  readonly required?: string;
  /** The message when the value is not of its kind (an e-mail address). */
  readonly invalid?: string;
}

export const APPLICANT_FIELDS = {
  applicantName: { label: '申请人姓名或者名称', max: 200, min: 1, required: '请填写申请人姓名或者名称' },
  applicantIdNumber: { label: '身份证件号码', max: 64, min: 6, required: '公民申请须提供身份证明（身份证件号码）' },
  applicantPhone: { label: '联系电话', max: 64 },
  applicantEmail: { label: '电子邮箱', max: 200, invalid: '电子邮箱格式不正确' },
  applicantAddress: { label: '通信地址', max: 300 },
  request: {
    label: '所需政府信息的描述',
    max: 5000,
    min: 4,
    required: '请描述申请公开的政府信息（名称、文号或者便于行政机关查询的其他特征性描述）',
  },
} as const satisfies Record<string, ApplicantField>;

export type ApplicantFieldName = keyof typeof APPLICANT_FIELDS;

/** 第二十九条's 联系方式: at least one of these. */
export const CONTACT_FIELDS = ['applicantPhone', 'applicantEmail', 'applicantAddress'] as const;
export const CONTACT_REQUIRED = '请至少填写一种联系方式（电话、电子邮箱或通信地址）';

/** True when at least one way to reach the applicant is given (blank text is none). */
export function hasContact(
  values: Partial<Record<(typeof CONTACT_FIELDS)[number], string | null | undefined>>,
): boolean {
  return CONTACT_FIELDS.some((field) => (values[field] ?? '').trim() !== '');
}
