import { renderHtml, type Report } from '@xxgk/core';
import { useEffect, useMemo, useRef } from 'react';

/** The official layout, scaled for a screen; highlighted cells are marked and scrolled to. */
const STYLE = `
.xxgk-preview { font-family: "仿宋_GB2312", "FangSong", "Noto Serif CJK SC", serif; font-size: 15px; line-height: 1.8; color: #000; background: #fff; padding: 24px 32px; }
.xxgk-preview h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22px; font-weight: normal; text-align: center; line-height: 1.5; margin: 0 0 16px; }
.xxgk-preview h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16px; font-weight: normal; margin: 16px 0 6px; }
.xxgk-preview h3 { font-family: "楷体_GB2312", "KaiTi", serif; font-size: 15px; font-weight: normal; margin: 8px 0 4px; text-indent: 2em; }
.xxgk-preview p { margin: 0; text-indent: 2em; text-align: justify; }
.xxgk-preview table.xxgk { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 12px; line-height: 1.4; }
.xxgk-preview table.xxgk th, .xxgk-preview table.xxgk td { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
.xxgk-preview table.xxgk th { font-weight: normal; }
.xxgk-preview table.xxgk th.left { text-align: left; }
.xxgk-preview td[data-cell] { cursor: pointer; min-width: 2em; }
.xxgk-preview td[data-cell]:hover { background: #fff7e6; }
.xxgk-preview td.is-highlighted { background: #ffccc7; outline: 3px solid #cf1322; outline-offset: -2px; font-weight: bold; }
.xxgk-preview .empty-section { color: #999; text-indent: 2em; }
`;

interface Props {
  readonly report: Report;
  /** Cell IDs to mark (the cells of the finding chosen). */
  readonly highlighted: readonly string[];
  /** Bumped on every choice, so that choosing the same finding again scrolls again. */
  readonly focusKey: number;
  readonly onCellClick?: (cellId: string) => void;
}

export function ReportPreview({ report, highlighted, focusKey, onCellClick }: Props) {
  const html = useMemo(() => renderHtml(report, { fragment: true }), [report]);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    for (const cell of root.querySelectorAll('td.is-highlighted')) cell.classList.remove('is-highlighted');
    let first: Element | undefined;
    for (const id of highlighted) {
      const cell = root.querySelector(`td[data-cell="${CSS.escape(id)}"]`);
      if (!cell) continue;
      cell.classList.add('is-highlighted');
      first ??= cell;
    }
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [html, highlighted, focusKey]);

  return (
    <>
      <style>{STYLE}</style>
      <div
        ref={ref}
        className="xxgk-preview"
        aria-label="年度报告预览（正式版式）"
        onClick={(event) => {
          const cell = (event.target as HTMLElement).closest('td[data-cell]');
          const id = cell?.getAttribute('data-cell');
          if (id && onCellClick) onCellClick(id);
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  );
}
