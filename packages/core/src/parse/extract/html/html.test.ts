import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  displayValue,
  generateReport,
  renderHtml,
  reportView,
  seededRandom,
  SECTION_TITLES,
  type LayoutCell,
  type Report,
  type ReportFormat,
} from '../../../index.js';
import type { Table, TextLine } from '../../document.js';
import { extractHtml } from './index.js';

import {
  cellAt,
  extract,
  fixture,
  fixtures,
  grid,
  linesOf,
  options,
  sourceLine,
  tablesOf,
  texts,
  utf8,
} from '../../../../test/support/html.js';

/** Grid positions of a layout's origin cells, worked out independently of the extractor. */
function layoutGrid(rows: readonly (readonly LayoutCell[])[]) {
  const taken = new Set<string>();
  const out: { cell: LayoutCell; row: number; column: number }[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c += 1;
      out.push({ cell, row: r, column: c });
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr += 1) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc += 1) taken.add(`${r + dr},${c + dc}`);
      }
      c += cell.colSpan ?? 1;
    }
  });
  return out;
}

/** Every label and every value of the report's tables stands in the extracted cell at its grid position. */
async function expectReportRead(bytes: Uint8Array, report: Report) {
  const doc = await extractHtml(bytes, options);
  expect(doc.source).toBe('html');
  expect(doc.messages).toEqual([]);
  const layouts = reportView(report).blocks.flatMap((block) =>
    block.kind === 'table' && block.table ? [block.table] : [],
  );
  const tables = tablesOf(doc);
  expect(tables).toHaveLength(layouts.length);
  layouts.forEach((layout, k) => {
    const table = tables[k] as Table;
    expect(table.at.table).toBe(k);
    expect(table.rows).toHaveLength(layout.rows.length);
    for (const { cell, row, column } of layoutGrid(layout.rows)) {
      const got = cellAt(table, row, column);
      const want = cell.cellId !== undefined ? displayValue(report, cell.cellId) : (cell.text ?? '');
      expect(got, `${layout.id} (${row}, ${column}) ${cell.cellId ?? cell.text}`).toMatchObject({
        text: want.replace(/\s+/g, ' ').trim(),
        row,
        column,
        rowSpan: cell.rowSpan ?? 1,
        colSpan: cell.colSpan ?? 1,
        at: { table: k, row, column },
      });
    }
    expect(table.rows.flat()).toHaveLength(layout.rows.flat().length);
  });
  const lines = texts(doc);
  for (const title of Object.values(SECTION_TITLES)) expect(lines).toContain(title);
  expect(lines[0]).toBe(reportView(report).title);
  return doc;
}

describe('extractHtml: pages rendered by the core', () => {
  const report2021 = generateReport(seededRandom(1), { format: '2021' });

  // The fixture is `renderHtml(generateReport(seededRandom(1), { format: '2021' }))`; should the
  // generator or renderer change, rewrite it with XXGK_WRITE_FIXTURES=1 and review the diff.
  if (process.env.XXGK_WRITE_FIXTURES) writeFileSync(new URL('report-2021.html', fixtures), renderHtml(report2021));

  it('reads the rendered 2021 fixture: every label and value at its grid position, with its spans', async () => {
    const bytes = fixture('report-2021.html');
    const doc = await expectReportRead(bytes, report2021);
    const source = new TextDecoder().decode(bytes);
    const title = linesOf(doc)[0] as TextLine;
    expect(title.at.line).toBe(sourceLine(source, '<h1>'));
    const s3 = tablesOf(doc)[1] as Table;
    expect(s3.at.line).toBe(sourceLine(source, '<table class="xxgk" data-table="s3"'));
    expect(cellAt(s3, 3, 0)?.at.line).toBe(sourceLine(source, '一、本年新收政府信息公开申请数量'));
    // The style sheet in <head> and the <title> are not text of the report.
    expect(texts(doc).some((line) => line.includes('font-family') || line.includes('@page'))).toBe(false);
  });

  it.each<ReportFormat>(['2019', '2021'])('reads a fresh rendering of format %s, page and fragment', async (format) => {
    const report = generateReport(seededRandom(7), { format });
    await expectReportRead(utf8(renderHtml(report)), report);
    await expectReportRead(utf8(renderHtml(report, { fragment: true })), report);
  });
});

describe('extractHtml: a GBK site page (meta charset gb2312, chrome, layout tables)', async () => {
  const bytes = fixture('gbk-2019.html');
  const source = new TextDecoder('gb18030').decode(bytes);
  const doc = await extractHtml(bytes, options);
  const lines = texts(doc);

  it('is really GBK, and decodes by its declaration', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(source).toContain('<meta charset="gb2312" />');
    expect(doc.messages).toEqual([]);
    expect(lines[0]).toBe('青溪县人民政府2019年政府信息公开工作年度报告');
  });

  it('keeps the report text: headings, paragraphs without their U+3000 indent, the signature', () => {
    for (const title of Object.values(SECTION_TITLES)) expect(lines).toContain(title);
    expect(lines).toContain('（二）依申请公开。全年共收到政府信息公开申请47件，均在法定期限内答复。');
    expect(lines).toContain('发布时间：2020-01-21 来源：县政府办公室 浏览次数：1024');
    expect(lines.slice(-2)).toEqual(['青溪县人民政府办公室', '2020年1月21日']);
  });

  it('drops the site: menus, breadcrumb, scripts, hidden text, buttons, share and footer lines', () => {
    const all = lines.join('\n');
    for (const chrome of [
      '网站首页',
      '办事服务',
      '当前位置',
      '政府信息公开指南',
      '访问统计',
      'doZoom',
      '旧版表格',
      '搜索',
      '字体',
      '打印本页',
      '关闭窗口',
      '分享到',
      '上一篇',
      '版权所有',
      'ICP备',
      '网站标识码',
    ]) {
      expect(all, chrome).not.toContain(chrome);
    }
  });

  it('gives each line the source line of its text', () => {
    const overview = linesOf(doc).find((line) => line.text === '一、总体情况') as TextLine;
    expect(overview.at).toEqual({ line: sourceLine(source, '　　一、总体情况') });
  });

  it('emits the two data tables, not the layout tables around them', () => {
    const tables = tablesOf(doc);
    expect(tables.map((t) => t.at.table)).toEqual([0, 1]);
    const first = source.indexOf('<table border="1"');
    const second = source.indexOf('<table border="1"', first + 1);
    expect(tables.map((t) => t.at.line)).toEqual([first, second].map((i) => source.slice(0, i).split('\n').length));
  });

  it('places the section 二 cells on the grid, counting rowspan and colspan', () => {
    const s2 = tablesOf(doc)[0] as Table;
    expect(s2.rows).toHaveLength(18);
    expect(grid(s2)[0]).toEqual(['第二十条第（一）项@0/r1x4']);
    expect(grid(s2)[1]).toEqual(['信息内容@0', '本年新\n制作数量@1', '本年新\n公开数量@2', '对外公开总数量@3']);
    expect(grid(s2)[7]).toEqual(['其他对外管理服务事项@0', '—@1', '—@2', '—@3']);
    // The rowspan from 行政处罚's row covers column 1 of the next row: its cells shift right.
    expect(grid(s2)[10]).toEqual(['行政处罚@0', '—@1/r2x1', '0@2', '23@3']);
    expect(grid(s2)[11]).toEqual(['行政强制@0', '0@2', '4@3']);
    expect(grid(s2)[14]).toEqual(['行政事业性收费@0', '本机关不涉及@1/r1x3']);
    expect(grid(s2)[17]).toEqual(['政府集中采购@0', '12@1', '102.85万元@2/r1x2']);
    expect(cellAt(s2, 17, 2)?.at).toEqual({ line: sourceLine(source, '102.85万元'), table: 0, row: 17, column: 2 });
  });

  it('places the section 四 header cells under their spans', () => {
    const s4 = tablesOf(doc)[1] as Table;
    expect(grid(s4)[0]).toEqual(['行政复议@0/r1x5', '行政诉讼@5/r1x10']);
    expect(grid(s4)[1]?.slice(0, 2)).toEqual(['结果维持@0/r2x1', '结果纠正@1/r2x1']);
    expect(grid(s4)[2]?.[0]).toBe('结果维持@5');
    expect(s4.rows[3]?.map((c) => c.column)).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });
});

describe('extractHtml: a Word page declaring utf-8 but saved as GBK', async () => {
  const bytes = fixture('gbk-declared-utf8.html');
  const doc = await extractHtml(bytes, options);

  it('falls back to GBK and says so', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(doc.messages).toEqual([expect.objectContaining({ rule: 'html-charset', severity: 'info' })]);
    expect(doc.messages[0]?.message).toContain('utf-8');
    expect(texts(doc)).toEqual([
      '平阳市生态环境局2021年政府信息公开工作年度报告',
      '一、总体情况',
      '2021年，平阳市生态环境局坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '政策解读的针对性有待加强。',
    ]);
  });

  it('reads upper-case markup with unclosed <td>, <tr> and <p>, and <br> inside cells', () => {
    const [s4] = tablesOf(doc);
    expect(grid(s4 as Table)[1]?.slice(0, 2)).toEqual(['结果\n维持@0/r2x1', '结果\n纠正@1/r2x1']);
    expect(grid(s4 as Table)[2]?.[0]).toBe('结果维持@5');
    expect(s4?.rows[3]?.map((c) => c.text).join(' ')).toBe('2 1 0 0 3 1 0 0 1 2 0 0 0 0 0');
    expect(s4?.rows[3]?.map((c) => c.column)).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });
});

describe('extractHtml: text', () => {
  it('ends lines at blocks and <br>, decodes entities, collapses spaces, skips empty lines', async () => {
    const doc = await extract(
      '<div>一、总体情况</div><p>&nbsp;</p><p>　　甲&nbsp;&nbsp; 乙\n\t丙&amp;&lt;&#x4E01;&#20108;<br>第二行<br><br></p>' +
        '<ul><li>条目一<li>条目二</ul><span>行内</span><b>文字</b><h3>（一）小标题</h3>零\u200b宽',
    );
    expect(texts(doc)).toEqual([
      '一、总体情况',
      '甲 乙 丙&<丁二',
      '第二行',
      '条目一',
      '条目二',
      '行内文字',
      '（一）小标题',
      '零宽',
    ]);
  });

  it('keeps the line breaks of <pre>', async () => {
    expect(texts(await extract('<pre>第一行\n  第二行\r\n\n第三行</pre>'))).toEqual(['第一行', '第二行', '第三行']);
  });

  it('gives lines, tables and cells their source lines, with CRLF line ends', async () => {
    const doc = await extract(
      '<p>一</p>\r\n<p>\r\n  二</p>\r\n<table>\r\n<tr><td>a</td><td>b</td></tr>\r\n<tr><td>c</td>\r\n<td>d</td></tr></table>',
    );
    expect(linesOf(doc).map((l) => l.at.line)).toEqual([1, 3]);
    const [table] = tablesOf(doc);
    expect(table?.at).toEqual({ line: 4, table: 0 });
    expect(table?.rows.flat().map((c) => c.at.line)).toEqual([5, 5, 6, 7]);
  });

  it('drops chrome but keeps a header and footer that belong to the article', async () => {
    const doc = await extract(
      '<header>网站头部</header><nav>导航</nav><div role="navigation">角色导航</div><div class="top-nav">顶部导航</div>' +
        '<div id="breadcrumb">面包屑</div><div hidden>隐藏一</div><p style="DISPLAY: none">隐藏二</p>' +
        '<p style="visibility:hidden">隐藏三</p><noscript>请启用脚本</noscript><select><option>部门链接</option></select>' +
        '<article><header><h1>报告标题</h1></header><p>正文</p><footer>某某局 2022年1月</footer></article>' +
        '<div class="navigation-guide">栏目说明</div><div class="footer">页脚</div><footer>站点页脚</footer>' +
        '<p>您现在的位置：首页 &gt; 年报</p><p>首页 &gt; 年报</p><p>【打印】【关闭】</p><p>下一篇：某文章</p>',
    );
    expect(texts(doc)).toEqual(['报告标题', '正文', '某某局 2022年1月', '栏目说明']);
  });

  it('keeps text from a <head> that was never closed', async () => {
    expect(texts(await extract('<html><head><title>标题</title><p>正文</p>'))).toEqual(['正文']);
  });
});

describe('extractHtml: tables', () => {
  it('counts rowspan and colspan, with missing closers and header, body and footer groups', async () => {
    const doc = await extract(
      '<table><thead><tr><th rowspan=2>项目<th colspan=2>数量<tr><th>甲<th>乙' +
        '<tbody><tr><td rowspan=2>一<td>1<td>2<tr><td>3<td>4' +
        '<tfoot><tr><td>合计<td colspan=2>10</table>',
    );
    const [table] = tablesOf(doc);
    expect(grid(table as Table)).toEqual([
      ['项目@0/r2x1', '数量@1/r1x2'],
      ['甲@1', '乙@2'],
      ['一@0/r2x1', '1@1', '2@2'],
      ['3@1', '4@2'],
      ['合计@0', '10@1/r1x2'],
    ]);
    expect(table?.rows[3]?.[0]).toMatchObject({ row: 3, column: 1, at: { table: 0, row: 3, column: 1 } });
  });

  it('closes a cell whose content was left open, as browsers do', async () => {
    const [table] = tablesOf(await extract('<table><tr><td><span>a<td><div>b<tr><td><font>c</table><p>after</p>'));
    expect(grid(table as Table)).toEqual([['a@0', 'b@1'], ['c@0']]);
  });

  it('clamps absurd spans: colspan to 1000, rowspan to the end of its row group', async () => {
    const doc = await extract(
      '<table><tr><td rowspan=99999>a<td colspan=5000>b<td colspan="2x">c<tr><td>d</table>' +
        '<table><tr><td rowspan=0>e<td>f<tr><td>g<tr><td>h<tbody><tr><td rowspan=3>i<td>j</table>' +
        '<table><tr><td rowspan=-2 colspan=0>k<td colspan=junk>l<tr><td>m<td>n</table>',
    );
    const [one, two, three] = tablesOf(doc);
    expect(grid(one as Table)).toEqual([['a@0/r2x1', 'b@1/r1x1000', 'c@1001/r1x2'], ['d@1']]);
    expect(grid(two as Table)).toEqual([['e@0/r3x1', 'f@1'], ['g@1'], ['h@1'], ['i@0', 'j@1']]);
    expect(grid(three as Table)).toEqual([
      ['k@0', 'l@1'],
      ['m@0', 'n@1'],
    ]);
  });

  it('flattens a small nested table into its cell, one line a row', async () => {
    const [table, ...rest] = tablesOf(
      await extract(
        '<table><tr><td><table><tr><td>年份</td><td>项目</td></tr><tr><td>2021</td></tr></table></td><td>1</td></tr><tr><td>x</td><td>2</td></tr></table>',
      ),
    );
    expect(rest).toEqual([]);
    expect(grid(table as Table)).toEqual([
      ['年份 项目\n2021@0', '1@1'],
      ['x@0', '2@1'],
    ]);
  });

  it('emits a bigger nested table on its own, reading the table around it as layout', async () => {
    const inner = `<table>${'<tr><td>甲</td><td>1</td><td>2</td></tr>'.repeat(3)}</table>`;
    const doc = await extract(`<table><tr><td>附表</td><td>${inner}</td></tr><tr><td>注</td><td>无</td></tr></table>`);
    expect(doc.nodes.map((n) => (n.kind === 'line' ? n.text : `table ${n.rows.length}x${n.rows[0]?.length}`))).toEqual([
      '附表',
      'table 3x3',
      '注',
      '无',
    ]);
  });

  it('reads through layout tables and emits the data tables they hold, numbered in order', async () => {
    const data = (n: number) =>
      `<table border=1>${Array.from({ length: 4 }, (_, r) => `<tr>${Array.from({ length: 3 }, (_, c) => `<td>${n}-${r}${c}</td>`).join('')}</tr>`).join('')}</table>`;
    const doc = await extract(
      `<table><tr><td class="left"><ul><li>栏目</li></ul></td><td><table><tr><td><h1>标题</h1></td></tr>` +
        `<tr><td><p>正文</p>${data(1)}<p>中间</p>${data(2)}</td></tr></table></td></tr></table>` +
        `<table><tr><td>发布日期：2022-01-01</td><td>来源：本局</td></tr></table>` +
        `<table><tr><td>只有一列</td></tr><tr><td>第二行</td></tr></table>`,
    );
    expect(
      doc.nodes.map((n) => (n.kind === 'line' ? n.text : `table ${n.at.table} ${n.rows.length}x${n.rows[0]?.length}`)),
    ).toEqual([
      '栏目',
      '标题',
      '正文',
      'table 0 4x3',
      '中间',
      'table 1 4x3',
      '发布日期：2022-01-01',
      '来源：本局',
      '只有一列',
      '第二行',
    ]);
  });

  it('treats a cell holding an article (long text) as layout, but Word-style <p> cells as data', async () => {
    const article = '<p>正文段落。</p>'.repeat(60);
    const layout = await extract(`<table><tr><td>左</td><td>${article}</td></tr><tr><td>a</td><td>b</td></tr></table>`);
    expect(tablesOf(layout)).toEqual([]);
    const long = await extract(
      `<table><tr><td>左</td><td>${'长'.repeat(301)}</td></tr><tr><td>a</td><td>b</td></tr></table>`,
    );
    expect(texts(long)).toEqual(['左', '长'.repeat(301), 'a', 'b']);
    const labelled = await extract(
      '<table><tr><td><h3>第二十条第（一）项</h3></td><td>x</td></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(tablesOf(labelled)).toHaveLength(1);
    const word = await extract(
      '<table><tr><td><p class=MsoNormal><span>项目</span></p></td><td><p class=MsoNormal>数量</p><p>（件）</p></td></tr>' +
        '<tr><td><p class=MsoNormal>规章</p></td><td><p class=MsoNormal>3<o:p></o:p></p></td></tr></table>',
    );
    expect(grid(tablesOf(word)[0] as Table)).toEqual([
      ['项目@0', '数量\n（件）@1'],
      ['规章@0', '3@1'],
    ]);
  });

  it('puts a caption and text misplaced between rows before the table', async () => {
    const doc = await extract('<table><caption>表一</caption><tr><td>a<td>b</tr>多余文字<tr><td>c<td>d</table>');
    expect(doc.nodes.map((n) => n.kind)).toEqual(['line', 'line', 'table']);
    expect(texts(doc)).toEqual(['多余文字', '表一']);
    expect(grid(tablesOf(doc)[0] as Table)).toEqual([
      ['a@0', 'b@1'],
      ['c@0', 'd@1'],
    ]);
  });
});
