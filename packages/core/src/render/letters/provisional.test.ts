import { describe, expect, it } from 'vitest';
import { renderLetterText, type LetterInput } from './index.js';

const BASE = {
  organ: { name: '某某县应急管理局', address: '某某县人民路1号', phone: '0571-12345678' },
  application: {
    serialNo: '〔2026〕应急依申第99号',
    applicantName: '张三',
    receivedOn: '2026-12-21',
    request: '2026年本县危险化学品企业安全检查记录',
  },
  issuedOn: '2026-12-22',
} as const;

/** Each notice that states a date, its date reaching January 2027 (no holiday notice yet). */
const NOTICES: readonly LetterInput[] = [
  { ...BASE, kind: 'correctionNotice', correction: { dueOn: '2027-01-13', items: '请写明企业名称' } },
  { ...BASE, kind: 'extensionNotice', extension: { days: 20, dueOn: '2027-02-22', reason: '所申请信息数量较大' } },
  { ...BASE, kind: 'feeNotice', fee: { method: 'perPage', quantity: 150, amount: 1700, dueOn: '2027-01-20' } },
  { ...BASE, kind: 'consultationNotice', consultation: { thirdParty: '某某化工有限公司', dueOn: '2027-01-13' } },
];

describe('notices whose deadline is provisional (暂定)', () => {
  it.each(NOTICES.map((input) => [input.kind, input] as const))(
    '%s marks the date 暂定 and says what that means; an ordinary one does not',
    (_kind, input) => {
      const marked = renderLetterText({ ...input, provisionalDates: true });
      expect(marked).toMatch(/2027年\d{1,2}月\d{1,2}日（暂定）前/);
      expect(marked).toContain('国务院办公厅公布该年度节假日安排前按法定节假日推算');
      expect(renderLetterText(input)).not.toContain('暂定');
    },
  );
});
