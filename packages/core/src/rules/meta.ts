import { PUBLICATION_DEADLINE, publicationDeadline } from '../model/publication.js';
import { example, sample } from './examples.js';
import type { Rule } from './types.js';

export const agencyMissing: Rule = {
  id: 'agency-missing',
  severity: 'error',
  title: '报告写明报告机关的全称',
  check: ({ report }) =>
    report.meta.agency.trim() === ''
      ? [{ message: '报告机关（公开主体）名称为空：标题、落款和网页的发布机构中未写明或未能读出', cells: [] }]
      : [],
  examples: {
    pass: [example('写明机关', () => sample('2021'))],
    fail: [example('机关名称为空', () => sample('2021', (r) => void (r.meta.agency = '')))],
  },
};

export const publicationLate: Rule = {
  id: 'publication-late',
  severity: 'warning',
  title: `年度报告在${PUBLICATION_DEADLINE}前公布（条例第四十九条）`,
  check: ({ report }) => {
    const { publishedOn, year } = report.meta;
    const deadline = publicationDeadline(year);
    if (!publishedOn || publishedOn <= deadline) return [];
    return [{ message: `报告于 ${publishedOn} 公布，晚于法定期限 ${deadline}`, cells: [] }];
  },
  examples: {
    pass: [
      example('1月31日当天公布', () =>
        sample('2021', (r) => void (r.meta.publishedOn = publicationDeadline(r.meta.year))),
      ),
    ],
    fail: [example('2月公布', () => sample('2021', (r) => void (r.meta.publishedOn = `${r.meta.year + 1}-02-03`)))],
  },
};

export const extraRow: Rule = {
  id: 'extra-row',
  severity: 'info',
  title: '国家格式之外的地方自设行列单独保存，不计入法定单元格',
  check: ({ report }) =>
    (report.extraRows ?? []).map((row) => ({
      message: `表格含国家格式之外的行“${row.label}”，已单独保存，未计入法定单元格`,
      cells: [],
    })),
  examples: {
    pass: [example('无自设行', () => sample('2021'))],
    fail: [
      example('地方增设“其他主动公开文件”行', () =>
        sample('2021', (r) => {
          r.extraRows = [{ table: 's2', label: '其他主动公开文件', values: [12, 0, 30] }];
        }),
      ),
    ],
  },
};
