import type { Outcome } from '../../cases/model.js';
import { DEEMED_ABANDONED, FEE_MEASURES, REGULATIONS } from './common.js';
import { clause } from './format.js';
import type { CheckedLetterInput } from './schema.js';

/**
 * What an answer says for each outcome, each citing the article of the 条例 (国令第711号) it
 * rests on. A refusal (不予公开) cites its ground and 第三十六条第（三）项, which says a refusal
 * must be told with its reasons. The officer's own paragraphs (the reasons in detail, where
 * to get the information) follow in the letter; these are the words every such answer needs.
 */

const denied = (ground: string, articles: string) =>
  `经审查，您申请获取的信息${ground}。根据${REGULATIONS}${articles}、第三十六条第（三）项的规定，本机关决定不予公开。`;

export const OUTCOME_TEMPLATES: Readonly<Record<Outcome, (input: CheckedLetterInput) => readonly string[]>> = {
  granted: ({ published }) =>
    published
      ? [
          `经审查，您申请获取的信息已经主动公开。根据${REGULATIONS}第三十六条第（一）项的规定，现告知您获取该政府信息的方式、途径：您可以通过${clause(published.where)}查阅、获取。`,
        ]
      : [
          `经审查，您申请获取的信息属于可以公开的政府信息。根据${REGULATIONS}第三十六条第（二）项的规定，本机关决定予以公开，向您提供该政府信息。`,
        ],
  partial: () => [
    `经审查，您申请获取的信息中含有不应当公开的内容，但是能够作区分处理。根据${REGULATIONS}第三十七条的规定，本机关向您提供可以公开的政府信息内容，并对不予公开的内容说明理由。`,
  ],
  'denied.secret': () => [denied('属于依法确定为国家秘密的政府信息', '第十四条')],
  'denied.prohibited': () => [denied('属于法律、行政法规禁止公开的政府信息', '第十四条')],
  'denied.safety': () => [denied('公开后可能危及国家安全、公共安全、经济安全、社会稳定', '第十四条')],
  'denied.thirdParty': () => [denied('涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害', '第十五条')],
  'denied.internal': () => [
    denied('属于行政机关的内部事务信息，包括人事管理、后勤管理、内部工作流程等方面的信息', '第十六条第一款'),
  ],
  'denied.process': () => [
    denied(
      '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
      '第十六条第二款',
    ),
  ],
  'denied.enforcementFile': () => [denied('属于行政执法案卷信息', '第十六条第二款')],
  'denied.query': () => [
    `经审查，您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据${REGULATIONS}第三十六条第（七）项的规定，请您依照有关法律、行政法规的规定办理。`,
  ],
  // 第三十六条第（五）项: not this organ's to disclose; the organ responsible is named (转办).
  'unable.notHeld': ({ referral }) => [
    referral
      ? `经审查，您所申请公开的信息不属于本机关负责公开。根据${REGULATIONS}第三十六条第（五）项的规定，现告知您：负责公开该政府信息的行政机关为${referral.organName}，${referral.forwarded ? '本机关已将您的申请转交该机关办理。' : '请您向该机关提出申请。'}`
      : `经检索，本机关没有您所申请公开的信息。根据${REGULATIONS}第三十六条第（四）项的规定，现告知您该政府信息不存在。`,
  ],
  'unable.needsCreation': () => [
    `经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析方能形成。根据${REGULATIONS}第三十八条的规定，本机关不予提供。`,
  ],
  'unable.unclear': () => [
    `本机关已依照${REGULATIONS}第三十条的规定告知您作出补正，您补正后的申请内容仍不明确，本机关无法确定您所需要的政府信息，无法向您提供。`,
  ],
  'rejected.petition': () => [
    `经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据${REGULATIONS}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。`,
  ],
  'rejected.duplicate': () => [
    `本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同的政府信息。根据${REGULATIONS}第三十六条第（六）项的规定，本机关不予重复处理。`,
  ],
  'rejected.publication': () => [
    `经审查，您申请获取的是政府公报、报刊、书籍等公开出版物。根据${REGULATIONS}第三十九条第二款的规定，本机关告知您获取的途径，您可以通过公开发行渠道或者公共图书馆等途径获取。`,
  ],
  'rejected.excessive': () => [
    `您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查认为申请理由不合理。根据${REGULATIONS}第三十五条的规定，本机关不予处理。`,
  ],
  // No article says this in so many words; the answer states what the 条例 does not require.
  'rejected.confirm': () => [
    `经审查，您的申请是要求本机关对您已经获取的政府信息予以确认或者重新出具。${REGULATIONS}未规定行政机关负有确认或者重新出具申请人已获取的政府信息的义务，本机关对该申请不予处理。`,
  ],
  'other.noCorrection': () => [
    `本机关已依照${REGULATIONS}第三十条的规定告知您对申请作出补正，您无正当理由逾期未补正。根据${REGULATIONS}第三十条的规定，${DEEMED_ABANDONED}，现告知您终止办理。`,
  ],
  'other.unpaidFee': () => [
    `本机关已向您发出信息处理费收费通知，您未在收费通知要求的期限内缴纳费用。根据${REGULATIONS}第四十二条和${FEE_MEASURES}的规定，${DEEMED_ABANDONED}，现告知您终止办理。`,
  ],
  // The officer writes what happened (the schema requires `body` for this outcome).
  'other.other': () => ['现将您申请的办理情况告知如下：'],
};
