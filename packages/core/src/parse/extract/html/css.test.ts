import { describe, expect, it } from 'vitest';
import { extract, fixture, grid, tablesOf, texts } from '../../../../test/support/html.js';
import { HiddenRules } from './css.js';

describe('HTML hidden by the page’s style sheet', () => {
  it('reads neither elements nor table rows nor spans that a <style> rule hides; print-only and hover rules hide nothing', async () => {
    const doc = await extract(fixture('hidden-by-class.html'));
    expect(texts(doc)).toEqual([
      '某某县人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      '2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。',
      '2023年共收到申请145件。',
      '打印时不显示，屏幕上显示的一行',
      '鼠标悬停才隐藏的一行',
    ]);
    const [table] = tablesOf(doc);
    expect(table && grid(table)).toEqual([
      ['信息内容@0', '本年制发件数@1', '本年废止件数@2', '现行有效件数@3'],
      ['规章@0', '3@1', '0@2', '4@3'],
      ['行政规范性文件@0', '7@1', '0@2', '9@3'],
    ]);
  });

  it('matches classes, ids and tags as CSS does, and never hides by a bare tag', () => {
    const rules = new HiddenRules();
    rules.add(
      'p.a.b { color: red; display : none } #x{visibility: hidden} p { display: none } .c > .d { display: none }',
    );
    expect(rules.hides('p', { class: 'b a' })).toBe(true);
    expect(rules.hides('p', { class: 'a' })).toBe(false);
    expect(rules.hides('div', { class: 'a b' })).toBe(false);
    expect(rules.hides('span', { id: 'x' })).toBe(true);
    expect(rules.hides('p', {})).toBe(false);
    expect(rules.hides('div', { class: 'd' })).toBe(false);
  });

  it('a rule after the element does not reach back, as a page is read once', async () => {
    const doc = await extract(
      '<p class="late">一、总体情况</p><style>.late{display:none}</style><p class="late">二、隐藏</p>',
    );
    expect(texts(doc)).toEqual(['一、总体情况']);
  });
});
