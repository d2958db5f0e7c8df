import type { Outcome } from '../../../cases/model.js';
import { receivedParagraph } from '../common.js';
import type { KindHandler } from '../model.js';
import { OUTCOME_TEMPLATES } from '../outcomes.js';
import type { CheckedLetterInput } from '../schema.js';

/**
 * 第五十一条 gives the applicant 行政复议 and 行政诉讼; the periods are the general ones (60 days,
 * 行政复议法; 6 months, 行政诉讼法第四十六条). Without the names of the bodies the clause still
 * tells the applicant the remedies and their periods.
 */
export function remedyClause({ reviewBody, court }: CheckedLetterInput['organ']): string {
  const review = reviewBody ? `向${reviewBody}申请行政复议` : '依法申请行政复议';
  const lawsuit = court ? `向${court}提起行政诉讼` : '依法提起行政诉讼';
  return `如对本答复不服，可以自收到本答复之日起60日内${review}，或者自收到本答复之日起6个月内${lawsuit}。`;
}

/** 政府信息公开申请答复书: the answer for the outcome, or the notice that a lapsed application ends. */
export const answer: KindHandler = (input) => ({
  addressee: `${input.application.applicantName}：`,
  opening: [receivedParagraph(input), ...OUTCOME_TEMPLATES[input.outcome as Outcome](input)],
  closing: [remedyClause(input.organ)],
});
