import type { ProseSection, ProseSectionKey, Report } from './schema.js';

/** The national format's headings of the six sections. */
export const SECTION_TITLES = {
  overview: '一、总体情况',
  s2: '二、主动公开政府信息情况',
  s3: '三、收到和处理政府信息公开申请情况',
  s4: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  otherMatters: '六、其他需要报告的事项',
} as const;

export const PROSE_SECTION_KEYS: readonly ProseSectionKey[] = ['overview', 'problems', 'otherMatters'];

/** All the text of a prose section, headings included, one paragraph a line. */
export function sectionText(section: ProseSection): string {
  // One array, pushed in order (spreading and flatMap made one per subsection): rules ask for it on every report.
  const lines: string[] = [];
  for (const paragraph of section.paragraphs) lines.push(paragraph);
  for (const sub of section.subsections) {
    lines.push(sub.heading);
    for (const paragraph of sub.paragraphs) lines.push(paragraph);
  }
  return lines.join('\n');
}

/** True when the section holds no written text (headings alone do not count). */
export function isSectionEmpty(section: ProseSection): boolean {
  return (
    section.paragraphs.every((p) => p.trim() === '') &&
    section.subsections.every((sub) => sub.paragraphs.every((p) => p.trim() === ''))
  );
}

export function reportTitle(report: Report): string {
  return report.meta.title ?? `${report.meta.agency}${report.meta.year}年政府信息公开工作年度报告`;
}
