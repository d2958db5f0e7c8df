import { DEEMED_ABANDONED, dueDate, provisionalParagraphs, receivedParagraph, REGULATIONS } from '../common.js';
import { sentence } from '../format.js';
import type { KindHandler } from '../model.js';
import type { CheckedLetterInput } from '../schema.js';

/** 补正申请告知书 (第三十条): what to correct, by when, and what happens if it does not come. */
export const correctionNotice: KindHandler = (input) => {
  const { items, dueOn } = input.correction as NonNullable<CheckedLetterInput['correction']>;
  return {
    addressee: `${input.application.applicantName}：`,
    opening: [
      receivedParagraph(input),
      `经审查，您的申请内容不明确。根据${REGULATIONS}第三十条的规定，请您对以下事项作出补正：${sentence(items)}`,
      `请您于${dueDate(input, dueOn)}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，${DEEMED_ABANDONED}。`,
    ],
    closing: provisionalParagraphs(input),
  };
};
