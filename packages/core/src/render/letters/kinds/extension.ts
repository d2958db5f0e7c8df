import { dueDate, provisionalParagraphs, receivedParagraph, REGULATIONS } from '../common.js';
import { clause } from '../format.js';
import type { KindHandler } from '../model.js';
import type { CheckedLetterInput } from '../schema.js';

/** 延长答复期限告知书 (第三十三条第二款): by how many working days, until when, and why. */
export const extensionNotice: KindHandler = (input) => {
  const { days, dueOn, reason } = input.extension as NonNullable<CheckedLetterInput['extension']>;
  return {
    addressee: `${input.application.applicantName}：`,
    opening: [
      receivedParagraph(input),
      `因${clause(reason)}，本机关不能在规定期限内作出答复。根据${REGULATIONS}第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长${days}个工作日，本机关将于${dueDate(input, dueOn)}前作出答复。`,
    ],
    closing: provisionalParagraphs(input),
  };
};
