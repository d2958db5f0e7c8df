/** The periods of the 条例 (2019) and 国办函〔2020〕109号, all in working days. */

/** 第三十三条第二款: the answer is due within 20 working days of receipt. */
export const ANSWER_WORKING_DAYS = 20;

/** 第三十三条第二款: an extension adds at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;

/** 第三十条: the 补正 notice goes out within 7 working days of receipt. */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;

/**
 * The time the applicant is given to correct the application. The 条例 sets no figure (第三十条
 * says only “在合理期限内”); 15 working days is this system's default, and the officer may set
 * another last day in the notice.
 */
export const DEFAULT_CORRECTION_WORKING_DAYS = 15;

/** 第三十二条: a third party gives its views within 15 working days of receiving the request. */
export const CONSULTATION_WORKING_DAYS = 15;

/** 国办函〔2020〕109号: the fee is paid within 20 working days of the 收费通知. */
export const FEE_PAYMENT_WORKING_DAYS = 20;
