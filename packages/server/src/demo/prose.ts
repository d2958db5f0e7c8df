import type { Report } from '@xxgk/core';

/** The prose of a demo report: what a county agency writes in sections 一, 五 and 六. */
export function demoProse(agency: string, year: number): Report['sections'] {
  const p = (text: string) => text;
  return {
    overview: {
      paragraphs: [
        p(
          `${year}年，${agency}坚持以公开为常态、不公开为例外，认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`,
        ),
      ],
      subsections: [
        {
          heading: '（一）主动公开',
          paragraphs: [p('通过门户网站政府信息公开专栏及时公开机构职能、政策文件、行政执法、安全生产等信息。')],
        },
        {
          heading: '（二）依申请公开',
          paragraphs: [p('严格按照法定时限和程序办理政府信息公开申请，做到应答尽答、答复规范。')],
        },
        {
          heading: '（三）政府信息管理',
          paragraphs: [p('落实公开属性源头认定和保密审查制度，动态更新政府信息公开指南和目录。')],
        },
        { heading: '（四）平台建设', paragraphs: [p('持续优化政府信息公开专栏栏目设置，提升检索和移动端浏览体验。')] },
        { heading: '（五）监督保障', paragraphs: [p('将政务公开工作纳入年度目标考核，定期开展自查整改。')] },
      ],
    },
    problems: {
      paragraphs: [
        p(
          '存在的主要问题：政策解读形式较为单一，部分栏目更新不够及时。改进情况：下一步将丰富图解、视频等解读形式，建立栏目更新提醒机制。',
        ),
      ],
      subsections: [],
    },
    otherMatters: {
      paragraphs: [p(`本机关${year}年度未收取信息处理费。本年度无其他需要报告的事项。`)],
      subsections: [],
    },
  };
}
