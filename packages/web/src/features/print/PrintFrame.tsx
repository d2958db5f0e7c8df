import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import './print.css';

/**
 * A print page: the sheets and a toolbar that does not print. The browser's 打印 dialog also
 * saves the same pages as PDF (另存为 PDF); `title` names the file it offers.
 */
export function PrintFrame({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
  return (
    <div className="print-body">
      <div className="print-toolbar" role="toolbar" aria-label="打印">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
        <Button onClick={() => window.history.back()}>返回</Button>
        <span style={{ color: '#666' }}>A4 纸张；在打印对话框中选择“另存为 PDF”即得 PDF 文件。</span>
      </div>
      {children}
    </div>
  );
}

/** One A4 sheet (a form, a letter, the ledger). */
export function Sheet({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section className="print-sheet" aria-label={label}>
      {children}
    </section>
  );
}

/** A list on A4: its title, what it was filtered by, and its rows under a header. */
export function ListSheet({
  title,
  caption,
  header,
  rows,
  unit = '条',
}: {
  title: string;
  caption?: string[];
  /** What a row is counted in: 件 for cases and register entries, 条 for log entries. */
  unit?: string;
  header: string[];
  rows: (string | number)[][];
}) {
  return (
    <PrintFrame title={title}>
      <Sheet label={title}>
        <h1>{title}</h1>
        <div className="print-caption">
          <span>
            共 {rows.length} {unit}
          </span>
          <span>{(caption ?? []).join('　')}</span>
        </div>
        <table className="print-table ledger">
          <thead>
            <tr>
              <th>序号</th>
              {header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </Sheet>
    </PrintFrame>
  );
}
