import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { download } from '../api/client.js';

/** A query string of the filters that are set (blank and undefined ones left out). */
export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined | null>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** 导出 Excel: the list as the server exports it, with the filters the list shows now. */
export function ExportButton({
  path,
  fileName,
  label = '导出 Excel',
}: {
  /** The export's API path with the list's filters (withQuery). */
  path: string;
  /** The name when the server gives none. */
  fileName: string;
  label?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download(path, fileName);
        } catch (error) {
          message.error(error instanceof Error ? error.message : '导出失败');
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
