import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../cases/model.js';
import {
  BASE,
  REMEDY,
  CITED,
  FEE,
  NOTICES,
  answerInput,
  readDocx,
  textLines,
  expectCommonParts,
} from '../../../test/support/letters.js';
import { letterParagraphs, renderLetterDocx, renderLetterText } from './index.js';

describe('answers, one per outcome', () => {
  it.each(OUTCOMES)(
    '%s: DOCX read back holds the title, number, applicant, request, article, remedy, date',
    async (outcome) => {
      const input = answerInput(outcome);
      const { lines } = await readDocx(await renderLetterDocx(input));
      expectCommonParts(lines, input);
      expect(lines[2]).toBe('张三：');
      expect(lines[3]).toBe(
        `本机关于2026年9月28日收到您（单位）提出的政府信息公开申请，申请获取“${BASE.application.request}”。`,
      );
      const all = lines.join('\n');
      const cited = CITED[outcome];
      if (cited) for (const article of cited) expect(all).toContain(article);
      else expect(all).not.toMatch(/第[一二三四五六七八九十]+条/);
      expect(lines).toContain(REMEDY);
      // The remedy comes after the outcome's text and before the contacts.
      expect(lines.indexOf(REMEDY)).toBe(lines.length - 5);
    },
  );

  it.each(OUTCOMES)('%s: the plain text says what the DOCX says', async (outcome) => {
    const input = answerInput(outcome);
    const { lines } = await readDocx(await renderLetterDocx(input));
    expect(textLines(renderLetterText(input))).toEqual(lines);
  });

  it('an information already published is answered under 第三十六条第（一）项 with where to find it', () => {
    const text = renderLetterText({
      ...answerInput('granted'),
      published: { where: '本机关门户网站政府信息公开专栏。' },
    });
    expect(text).toContain('第三十六条第（一）项');
    expect(text).not.toContain('第三十六条第（二）项');
    expect(text).toContain('您可以通过本机关门户网站政府信息公开专栏查阅、获取。');
  });

  it('the lapses are notices that the application ends', () => {
    for (const outcome of ['other.noCorrection', 'other.unpaidFee'] as const) {
      const text = renderLetterText(answerInput(outcome));
      expect(text).toContain('视为放弃申请，本机关不再处理该政府信息公开申请，现告知您终止办理。');
    }
  });

  it('rejected.confirm says the 条例 does not oblige the organ to confirm or re-issue', () => {
    expect(renderLetterText(answerInput('rejected.confirm'))).toContain(
      '《中华人民共和国政府信息公开条例》（以下简称《条例》）未规定行政机关负有确认或者重新出具申请人已获取的政府信息的义务',
    );
  });

  it('the officer’s paragraphs come after the template, one a line, before the remedy', () => {
    const paragraphs = letterParagraphs({ ...answerInput('partial'), body: '  第一段理由。\n\n第二段理由。  ' });
    const body = paragraphs.flatMap((p) => (p.kind === 'body' ? [p.text] : []));
    expect(body.slice(2, 5)).toEqual(['第一段理由。', '第二段理由。', REMEDY]);
  });

  it('without the review body and court the remedy clause still gives both remedies and periods', () => {
    const { name } = BASE.organ;
    const text = renderLetterText({ ...answerInput('granted'), organ: { name } });
    expect(text).toContain(
      '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法提起行政诉讼。',
    );
    expect(text).not.toContain('联系地址');
  });
});

describe('notices', () => {
  it.each(Object.entries(NOTICES))('%s: DOCX read back holds its parts and agrees with the text', async (_, notice) => {
    const { lines } = await readDocx(await renderLetterDocx(notice.input));
    expectCommonParts(lines, notice.input);
    const all = lines.join('\n');
    for (const phrase of notice.says) expect(all).toContain(phrase);
    // The remedy of 第五十一条 is for the answer, the decision; a notice is a step on the way.
    expect(all).not.toContain('申请行政复议');
    expect(textLines(renderLetterText(notice.input))).toEqual(lines);
  });

  it('the consultation is addressed to the third party and names the applicant', () => {
    const paragraphs = letterParagraphs(NOTICES.consultationNotice.input);
    expect(paragraphs[2]).toEqual({ kind: 'addressee', text: '某某化工有限公司：' });
    expect(paragraphs[3]).toMatchObject({ text: expect.stringContaining('收到申请人张三提出的政府信息公开申请') });
  });

  it('the fee notice carries the breakdown as a real table with a total row', async () => {
    const bytes = await renderLetterDocx(NOTICES.feeNotice.input);
    const { tables } = await readDocx(bytes);
    expect(tables).toEqual([
      [
        ['计费档次', '数量（页）', '单价（元）', '金额（元）'],
        ['第1至30页', '30', '0', '0'],
        ['第31至100页', '70', '10', '700'],
        ['第101至150页', '50', '20', '1000'],
        ['合计', '150', '', '1700'],
      ],
    ]);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
  });

  it('a fee per application names the month and the application’s place in it; amounts to the fen', () => {
    const text = renderLetterText({
      ...BASE,
      kind: 'feeNotice',
      fee: {
        method: 'perApplication',
        quantity: 31,
        amount: 200.5,
        dueOn: '2026-11-06',
        breakdown: [{ label: '第31至40件', quantity: 1, price: 200.5, subtotal: 200.5 }],
      },
    });
    expect(text).toContain('按件计收');
    expect(text).toContain('本申请为您在2026年9月提出的第31件政府信息公开申请，应缴纳信息处理费200.50元，计算如下：');
    expect(text).toContain('数量（件）');
  });

  it('a fee without a breakdown states the amount without a table', () => {
    const paragraphs = letterParagraphs({ ...BASE, kind: 'feeNotice', fee: { ...FEE, breakdown: undefined } });
    expect(paragraphs.some((p) => p.kind === 'table')).toBe(false);
    expect(paragraphs.map((p) => ('text' in p ? p.text : '')).join()).toContain('应缴纳信息处理费1700元。');
  });
});
