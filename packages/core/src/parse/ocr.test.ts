import { describe, expect, it } from 'vitest';
import type { Table, TextLine } from './document.js';
import { parseReport } from './index.js';
import { ROW_LABELS, S2_FORMAT_WORDS } from './labels.js';
import { documentFromOcr, mendOcrCell, mendOcrFigure, mendOcrLabel, oneEditApart } from './ocr-document.js';
import type { OcrBox, OcrPage } from './ocr-types.js';

const box = (text: string, x0: number, y0: number, confidence = 0.99): OcrBox => ({
  text,
  x0,
  y0,
  x1: x0 + 10 * text.length,
  y1: y0 + 12,
  confidence,
});

describe('a scan read by OCR, as the reader’s document', () => {
  it('mends the letters OCR reads for digits in figures, and leaves words alone', () => {
    expect(mendOcrFigure('o')).toBe('0');
    expect(mendOcrFigure('1O')).toBe('10');
    expect(mendOcrFigure('l2')).toBe('12');
    expect(mendOcrFigure('１２')).toBe('12');
    expect(mendOcrFigure('3.')).toBe('3');
    expect(mendOcrFigure('1,2O4')).toBe('1,204');
    expect(mendOcrFigure('规章')).toBe('规章');
    expect(mendOcrFigure('Office')).toBe('Office');
    expect(mendOcrFigure('—')).toBe('—');
  });

  it('drops the marks specks read as beside a figure, and keeps a minus sign', () => {
    expect(mendOcrFigure('0：')).toBe('0');
    expect(mendOcrFigure("1'")).toBe('1');
    expect(mendOcrFigure('2. :')).toBe('2');
    expect(mendOcrFigure('0-')).toBe('0');
    expect(mendOcrFigure('。0')).toBe('0');
    expect(mendOcrFigure('-1.')).toBe('-1');
    expect(mendOcrFigure('14.97')).toBe('14.97');
    expect(mendOcrFigure('1O：')).toBe('10');
    // No digit read as one: a mark beside a letter is not taken for a speck.
    expect(mendOcrFigure('o.')).toBe('o.');
    expect(mendOcrFigure('：')).toBe('：');
    expect(mendOcrFigure('1.属于国家秘密')).toBe('1.属于国家秘密');
  });

  it('drops the marks specks read as at the ends of a table cell’s words, and keeps quotes and brackets', () => {
    expect(mendOcrCell('规章·')).toBe('规章');
    expect(mendOcrCell('行政强制+')).toBe('行政强制');
    expect(mendOcrCell('：行政许可')).toBe('行政许可');
    expect(mendOcrCell('（七）总计：')).toBe('（七）总计');
    expect(mendOcrCell('二、·上年结转政府信息公开申请数量')).toBe('二、上年结转政府信息公开申请数量');
    expect(mendOcrCell('二、、上年结转政府信息公开申请数量')).toBe('二、上年结转政府信息公开申请数量');
    expect(mendOcrCell('* 0')).toBe('0');
    expect(mendOcrCell('3.危及“三安全一稳定”')).toBe('3.危及“三安全一稳定”');
    expect(mendOcrCell('（一）予以公开')).toBe('（一）予以公开');
    expect(mendOcrCell('0：')).toBe('0');
    expect(mendOcrCell('14.97')).toBe('14.97');
    expect(mendOcrCell('(一)）予以公开')).toBe('(一)予以公开');
    expect(mendOcrCell('（→）予以公开')).toBe('予以公开');
    expect(mendOcrCell('o.')).toBe('0');
    // A speck on a line of its own below the "o." (a tall row), joined to it across the line's gap.
    expect(mendOcrCell('o. .')).toBe('0');
    expect(mendOcrCell('r')).toBe('1');
    expect(mendOcrCell('i')).toBe('1');
    expect(mendOcrCell('部(二)部分公开')).toBe('(二)部分公开');
    expect(mendOcrCell('（三）不予公开')).toBe('（三）不予公开');
  });

  it('names a row whose printed label, with its numbering or note, is one misread character away (the speckled bench scans)', () => {
    // A short label is told apart by its numbering; a long one's misread character may lie past its bare form.
    expect(mendOcrCell('（一）予以公并')).toBe('(一)予以公开');
    expect(mendOcrCell('（二）部部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
    );
    expect(mendOcrCell('（二）.部部分公开（区分处理的，只计这一情形，不计其他情形)')).toBe(
      '(二)部分公开(区分处理的,只计这一情形,不计其他情形)',
    );
    expect(mendOcrCell('2.申请人逾期末按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')).toBe(
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
    // A numbering's 、 lost: the printed label and the bare form name the one row.
    expect(mendOcrCell('二上年结转政府信息公开申请数量')).toBe('二、上年结转政府信息公开申请数量');
    // Section 四's header, by which its fifteen cells are found.
    expect(mendOcrCell('行政复义')).toBe('行政复议');
    expect(mendOcrCell('行政诉松')).toBe('行政诉讼');
    // Words that are a label already, or two edits from one, stay as read.
    for (const word of ['（一）不予公开', '行政许可', '行政处罚', '行政复议', '（一）不以公示', '(五)不予处理理由']) {
      expect(mendOcrCell(word)).toBe(word);
    }
    // A 1 read as i among a figure's digits.
    expect(mendOcrCell('i1')).toBe('11');
    expect(mendOcrCell('1i0')).toBe('110');
    expect(mendOcrCell('ii')).toBe('ii');
  });

  it('puts back a decimal point read as a space between the figures of a table cell', () => {
    expect(mendOcrCell('198 7')).toBe('198.7');
    expect(mendOcrCell('12 35')).toBe('12.35');
    expect(mendOcrCell('1987')).toBe('1987');
    expect(mendOcrCell('12 345')).toBe('12345');
    expect(mendOcrCell('7:37')).toBe('7.37');
    expect(mendOcrCell('7:375')).toBe('7:375');
  });

  it('reads a row label with one character misread, dropped or added as that label, and no other text', () => {
    expect(mendOcrCell('4.属于三类内部事务信意')).toBe('4.属于三类内部事务信息');
    expect(mendOcrCell('2.其他法律行政法现禁止公开')).toBe('2.其他法律行政法规禁止公开');
    expect(mendOcrCell('（二）部分公')).toBe('（二）部分公');
    expect(mendOcrLabel('行政事业性收费费')).toBe('行政事业性收费');
    expect(mendOcrLabel('1.属于国家秘密')).toBe('1.属于国家秘密');
    // Short words are one edit from too many others; two edits are no label.
    expect(mendOcrLabel('规意')).toBe('规意');
    // Section 二's four-character rows: one edit from no other table word.
    expect(mendOcrLabel('行正许可')).toBe('行政许可');
    expect(mendOcrLabel('行政执法')).toBe('行政执法');
    expect(mendOcrLabel('属于三类外部事务信意')).toBe('属于三类外部事务信意');
    for (const word of Object.values(S2_FORMAT_WORDS).flat()) expect(mendOcrLabel(word)).toBe(word);
    // No two labels of five characters or more are one edit apart: a mended label is never another's.
    const forms = ROW_LABELS.flatMap((label) => label.forms).filter((form) => form.length >= 5);
    for (const a of forms) for (const b of forms) expect(oneEditApart(a, b)).toBe(false);
  });

  it('rebuilds a ruled table from the rules seen, boxes in cells by their middle, each cell with its confidence', () => {
    // Two rows, three columns: rules at y 100, 120, 140 and x 50, 150, 250, 350.
    const horizontal = [100, 120, 140].map((at) => ({ at, from: 50, to: 350 }));
    const vertical = [50, 150, 250, 350].map((at) => ({ at, from: 100, to: 140 }));
    const page: OcrPage = {
      width: 595,
      height: 842,
      boxes: [
        box('一、总体情况', 60, 60),
        box('信息内容', 60, 104),
        box('数量', 160, 104),
        box('总数', 260, 104),
        box('规章', 60, 124),
        box('o', 190, 124, 0.62),
        box('１2', 290, 124, 0.91),
      ],
      rules: { horizontal, vertical },
    };
    const document = documentFromOcr([page], '扫描件.pdf');
    expect(document.source).toBe('pdf');
    const [line, table] = document.nodes as [TextLine, Table];
    expect(line).toMatchObject({ kind: 'line', text: '一、总体情况', at: { page: 1, line: 1 } });
    expect(table.kind).toBe('table');
    expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['信息内容', '数量', '总数'],
      ['规章', '0', '12'],
    ]);
    expect(table.rows[1]?.[1]?.at).toEqual({ page: 1, table: 0, row: 1, column: 1, confidence: 0.62 });
    expect(table.rows[1]?.[2]?.at.confidence).toBe(0.91);
    expect(document.messages[0]?.message).toBe(
      '扫描件.pdf 是扫描件（没有文字层），其中的文字由文字识别（OCR）从页面图像读出，共 1 页；数值可能有误，请与原件核对',
    );
  });

  it('drops specks read as one unsure character beside a figure read surely in a table cell', () => {
    const horizontal = [100, 120, 140, 160, 180].map((at) => ({ at, from: 50, to: 350 }));
    const vertical = [50, 150, 250, 350].map((at) => ({ at, from: 100, to: 180 }));
    const page: OcrPage = {
      width: 595,
      height: 842,
      boxes: [
        box('行政强制', 60, 104),
        // Far left of the "0" (a line's height apart): a speck read as 8.
        box('8', 160, 104, 0.36),
        box('0', 220, 104, 0.95),
        // Touching the "1": a speck read as R.
        box('1', 260, 104, 0.9),
        box('R', 270, 104, 0.34),
        box('行政处罚', 60, 124),
        // Digits that touch are one figure, however unsure one of them is; a lone unsure figure stays.
        box('1', 160, 124, 0.4),
        box('2', 170, 124, 0.95),
        box('7', 260, 124, 0.45),
        box('行政许可', 60, 104 + 40),
        // A sliver inside the "1"'s box, read surely as "7.".
        { text: '1', x0: 160, x1: 172, y0: 144, y1: 156, confidence: 0.98 },
        { text: '7.', x0: 170, x1: 172, y0: 144, y1: 156, confidence: 0.84 },
        // On a line of its own below a figure (a tall row): a speck read as 2, not "0.2".
        { text: '0.', x0: 260, x1: 270, y0: 141, y1: 152, confidence: 0.89 },
        { text: '2', x0: 261, x1: 268, y0: 153, y1: 159, confidence: 0.52 },
        // A speck a quarter of a figure's height beside it, read surely as 1: not "01".
        box('行政事业性收费', 60, 164),
        { text: '0', x0: 160, x1: 170, y0: 162, y1: 174, confidence: 0.95 },
        { text: '1', x0: 171, x1: 173, y0: 167, y1: 170, confidence: 0.92 },
      ],
      rules: { horizontal, vertical },
    };
    const [table] = documentFromOcr([page]).nodes as [Table];
    expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['行政强制', '0', '1'],
      ['行政处罚', '12', '7'],
      ['行政许可', '1', '0'],
      ['行政事业性收费', '0', ''],
    ]);
  });

  it('without rules, a line splits into fragments at wide gaps and keeps each fragment’s confidence', () => {
    const page: OcrPage = {
      width: 595,
      height: 842,
      boxes: [box('规章', 60, 200), box('1', 200, 201, 0.7), box('l', 300, 199, 0.8), box('3', 400, 200)],
    };
    const [line] = documentFromOcr([page]).nodes as [TextLine];
    expect(line.text).toBe('规章\t1\t1\t3');
    expect(line.fragments?.map((f) => f.confidence)).toEqual([0.99, 0.7, 0.8, 0.99]);
  });

  it('a PDF without a text layer is passed to the OCR hook, and only such a PDF', async () => {
    // The smallest PDF with one empty page: no text layer.
    const pdf = new TextEncoder().encode(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
        '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const seen: number[] = [];
    const parsed = await parseReport(pdf, {
      file: '空白.pdf',
      ocr: (bytes) => {
        seen.push(bytes.length);
        return Promise.resolve([
          { width: 595, height: 842, boxes: [box('某某县应急管理局2024年政府信息公开工作年度报告', 60, 60)] },
        ]);
      },
    });
    expect(seen).toEqual([pdf.length]);
    expect(parsed.report.meta.agency).toBe('某某县应急管理局');
    expect(parsed.findings.map((f) => f.rule)).toContain('pdf-ocr');
    const text = await parseReport(new TextEncoder().encode('一、总体情况\n'), {
      ocr: () => Promise.reject(new Error('not a scan')),
    });
    expect(text.source).toBe('text');
  });
});
