import type { Source } from '@xxgk/core';
import { Alert, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { scrollWithin } from './inView.js';
import type { SourceLine, SourceTable, SourceView } from './types.js';

interface Props {
  readonly document: SourceView;
  /** The source of the selected cell, if any. */
  readonly source: Source | undefined;
}

function lineKey(page: number | undefined, line: number | undefined) {
  return `line:${page ?? 0}:${line ?? 0}`;
}

function tableCellKey(table: number, row: number, column: number) {
  return `cell:${table}:${row}:${column}`;
}

/** Where a source is, in words: 第2页 第14行, 表1 第3行第2列. */
export function sourcePlace(source: Source): string {
  const parts: string[] = [];
  if (source.page !== undefined) parts.push(`第${source.page}页`);
  if (source.table !== undefined) {
    parts.push(`表${source.table + 1}`);
    if (source.row !== undefined && source.column !== undefined)
      parts.push(`第${source.row + 1}行第${source.column + 1}列`);
  } else if (source.line !== undefined) parts.push(`第${source.line}行`);
  return parts.join(' ') || '位置不详';
}

/** The file's extracted text beside the tables; the selected cell's source is highlighted and scrolled to. */
export function SourcePanel({ document, source }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const target =
    source === undefined
      ? null
      : source.table !== undefined && source.row !== undefined && source.column !== undefined
        ? tableCellKey(source.table, source.row, source.column)
        : source.line !== undefined
          ? lineKey(source.page, source.line)
          : null;

  useEffect(() => {
    if (!target || !container.current) return;
    const box = container.current;
    const element = box.querySelector<HTMLElement>(`[data-source="${target}"]`);
    if (!element) return;
    // The source pane only (not the page), so the line sits in its middle.
    scrollWithin(box, element, 'center');
  }, [target]);

  return (
    <div className="import-source">
      {!document.complete && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title="此类文件只列出读取了数字的表格单元格和文字行（按页、表格、行列）。"
        />
      )}
      <div ref={container} className="import-source-body" tabIndex={0} aria-label="原文">
        {document.nodes.length === 0 ? (
          <Typography.Text type="secondary">没有提取到文字。</Typography.Text>
        ) : (
          document.nodes.map((node) =>
            node.kind === 'line' ? (
              <Line key={lineKey(node.page, node.line)} node={node} target={target} />
            ) : (
              <SourceGrid key={`table:${node.table}`} node={node} target={target} />
            ),
          )
        )}
      </div>
    </div>
  );
}

function Line({ node, target }: { node: SourceLine; target: string | null }) {
  const key = lineKey(node.page, node.line);
  const active = key === target;
  return (
    <div
      data-source={key}
      className={active ? 'source-line highlighted' : 'source-line'}
      aria-current={active || undefined}
    >
      <span className="source-no">
        {node.page !== undefined ? `${node.page}页 ` : ''}
        {node.line ?? ''}
      </span>
      <span className="source-text">{node.text}</span>
    </div>
  );
}

function SourceGrid({ node, target }: { node: SourceTable; target: string | null }) {
  const rows = new Map<number, SourceTable['cells'][number][]>();
  for (const cell of node.cells) rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell]);
  return (
    <div className="source-table">
      <div className="source-caption">
        {node.page !== undefined ? `第${node.page}页 ` : ''}表{node.table + 1}
      </div>
      {[...rows.entries()].map(([row, cells]) => (
        <div key={row} className="source-line">
          <span className="source-no">第{row + 1}行</span>
          <span className="source-text">
            {cells.map((cell) => {
              const key = tableCellKey(node.table, cell.row, cell.column);
              const active = key === target;
              return (
                <span
                  key={key}
                  data-source={key}
                  className={active ? 'source-cell highlighted' : 'source-cell'}
                  aria-current={active || undefined}
                  title={`第${cell.column + 1}列`}
                >
                  {cell.text || '（空）'}
                </span>
              );
            })}
          </span>
        </div>
      ))}
    </div>
  );
}
