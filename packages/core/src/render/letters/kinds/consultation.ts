import { dueDate, provisionalParagraphs, receivedParagraph, REGULATIONS } from '../common.js';
import type { KindHandler } from '../model.js';
import type { CheckedLetterInput } from '../schema.js';

/**
 * 征求第三方意见函 (第三十二条), addressed to the third party, not the applicant: it asks for
 * views within 15 working days and says, in the article's words, what follows either way.
 */
export const consultationNotice: KindHandler = (input) => {
  const { thirdParty, dueOn } = input.consultation as NonNullable<CheckedLetterInput['consultation']>;
  return {
    addressee: `${thirdParty}：`,
    opening: [
      receivedParagraph(input, `申请人${input.application.applicantName}`),
      `经审查，该政府信息公开后可能损害您（单位）的合法权益。根据${REGULATIONS}第三十二条的规定，现书面征求您（单位）的意见。`,
      `请您（单位）自收到本函之日起15个工作日内，即${dueDate(input, dueOn)}前，向本机关提出书面意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照${REGULATIONS}的规定决定是否公开。您（单位）不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面告知您（单位）。`,
    ],
    closing: provisionalParagraphs(input),
  };
};
