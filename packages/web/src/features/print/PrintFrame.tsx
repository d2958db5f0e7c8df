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
