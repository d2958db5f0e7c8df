// How the letters are laid out, and what they refuse.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BASE, FEE, NOTICES, answerInput } from '../../../test/support/letters.js';
import {
  LETTER_KINDS,
  letterParagraphs,
  letterTitle,
  renderLetterDocx,
  renderLetterText,
  type LetterInput,
} from './index.js';

describe('layout', () => {
  it('every kind has its title', () => {
    expect(LETTER_KINDS.map((kind) => letterTitle({ kind }))).toEqual([
      '政府信息公开申请答复书',
      '补正申请告知书',
      '延长答复期限告知书',
      '信息处理费收费通知书',
      '征求第三方意见函',
    ]);
  });

  it('the DOCX is A4 in the fonts of GB/T 9704, the signature centred over the date at the right', async () => {
    const xml = strFromU8(unzipSync(await renderLetterDocx(answerInput('granted')))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toContain('w:h="16838"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml.match(/<w:jc w:val="right"\/>/g)).toHaveLength(2);
    // The date (6.5 characters wide) four characters from the margin; the 8-character name centred over it.
    expect(xml).toContain('<w:ind w:right="1280"/>');
    expect(xml).toContain('<w:ind w:right="1040"/>');
    const paragraphs = letterParagraphs(answerInput('granted'));
    expect(paragraphs.slice(-2)).toEqual([
      { kind: 'signature', text: '某某县应急管理局', rightIndent: 3.25 },
      { kind: 'date', text: '2026年10月9日', rightIndent: 4 },
    ]);
  });

  it('a name longer than the page allows ends at the margin with the date centred under it', () => {
    const name = '某某省某某市某某县应急管理局某某某某某某某某某某某某';
    const paragraphs = letterParagraphs({ ...answerInput('granted'), organ: { name } });
    expect(paragraphs.slice(-2)).toEqual([
      { kind: 'signature', text: name, rightIndent: 0 },
      { kind: 'date', text: '2026年10月9日', rightIndent: (name.length - 6.5) / 2 },
    ]);
  });
});

describe('bad input', () => {
  const fails = (input: unknown) => () => letterParagraphs(input as LetterInput);

  it.each([
    ['answer', '答复书缺少办理结果（outcome）'],
    ['correctionNotice', '补正申请告知书缺少补正事项和期限（correction）'],
    ['extensionNotice', '延长答复期限告知书缺少延期天数、期限和理由（extension）'],
    ['feeNotice', '信息处理费收费通知书缺少收费信息（fee）'],
    ['consultationNotice', '征求第三方意见函缺少第三方和答复期限（consultation）'],
  ] as const)('a %s without its block names the field', (kind, message) => {
    expect(fails({ ...BASE, kind })).toThrow(message);
    expect(() => renderLetterText({ ...BASE, kind })).toThrow(message);
  });

  it('the DOCX renderer rejects it too', async () => {
    await expect(renderLetterDocx({ ...BASE, kind: 'answer' })).rejects.toThrow('答复书缺少办理结果（outcome）');
  });

  it.each([
    [
      'an empty applicant name',
      { ...answerInput('granted'), application: { ...BASE.application, applicantName: ' ' } },
      '申请人姓名（application.applicantName）：不能为空',
    ],
    [
      'a date that does not exist',
      { ...answerInput('granted'), application: { ...BASE.application, receivedOn: '2026-02-30' } },
      '收到申请之日（application.receivedOn）：应为 YYYY-MM-DD 格式的日期',
    ],
    ['an unknown outcome', { ...BASE, kind: 'answer', outcome: 'denied.other' }, '办理结果（outcome）：'],
    ['an unknown kind', { ...BASE, kind: 'letter' }, '信件种类（kind）：'],
    ['a missing organ name', { ...answerInput('granted'), organ: {} }, '行政机关名称（organ.name）：'],
    ['a field nobody knows', { ...answerInput('granted'), outcomes: 'granted' }, 'outcomes'],
    [
      'an extension over 20 working days',
      { ...NOTICES.extensionNotice.input, extension: { days: 21, dueOn: '2026-11-25', reason: '数量较大' } },
      '延长的工作日数（extension.days）：延长的期限最长不得超过20个工作日（第三十三条第二款）',
    ],
    [
      'a breakdown that does not add up',
      { ...NOTICES.feeNotice.input, fee: { ...FEE, amount: 1800 } },
      '分档明细（fee.breakdown）合计1700元与应缴金额（fee.amount）1800元不符',
    ],
    [
      'a tier whose amount is not its count times its price',
      {
        ...NOTICES.feeNotice.input,
        fee: { ...FEE, amount: 10, breakdown: [{ label: '第31页', quantity: 1, price: 10, subtotal: 20 }] },
      },
      '分档明细（fee.breakdown[0]）的金额20元不等于数量1乘单价10元',
    ],
    [
      'a letter dated before the application came',
      { ...answerInput('granted'), issuedOn: '2026-09-27' },
      '成文日期（issuedOn）2026-09-27早于收到申请之日（application.receivedOn）',
    ],
    [
      'a deadline before the letter',
      { ...NOTICES.correctionNotice.input, correction: { dueOn: '2026-10-08', items: '企业名称' } },
      '期限（correction.dueOn）2026-10-08早于成文日期（issuedOn）2026-10-09',
    ],
    [
      'an answer of 其他处理 without the officer’s account',
      { ...BASE, kind: 'answer', outcome: 'other.other', body: '\n' },
      '办理结果为“其他处理”的答复书须写明办理情况（body）',
    ],
  ])('%s is an error that names the field', (_, input, message) => {
    expect(fails(input)).toThrow(message);
  });
});
