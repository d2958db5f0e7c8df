import { InboxOutlined } from '@ant-design/icons';
import { Alert, Collapse, Progress, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { EmptyState } from '../../components/PageState.js';
import { useSession } from '../auth/session.js';
import { parseFile } from './api.js';
import { ParsedFileView } from './ParsedFileView.js';
import { SavedImports } from './SavedImports.js';
import type { FileEntry } from './types.js';
import './import.css';

const ACCEPT = '.txt,.htm,.html,.docx,.doc,.pdf';

const STATE_TAGS = {
  waiting: <Tag>等待读取</Tag>,
  reading: <Tag color="processing">正在读取</Tag>,
  read: <Tag color="success">已读取</Tag>,
  failed: <Tag color="error">无法读取</Tag>,
} as const;

/**
 * 导入报告: published annual reports (txt, html, docx, doc, pdf) read one after another, each
 * checked against its source cell by cell, corrected by hand where misread, and saved; and the
 * reports saved so far, to reopen.
 */
export default function ImportArea() {
  const { user } = useSession();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        导入报告
      </Typography.Title>
      {user && (
        <Tabs
          items={[
            { key: 'read', label: '读取与核对', children: <ReadFiles organId={user.organId} /> },
            { key: 'saved', label: '已保存的导入报告', children: <SavedImports organId={user.organId} /> },
          ]}
        />
      )}
    </Space>
  );
}

/** How far the reading has got, for the eye and for screen readers. */
function ReadProgress({ entries }: { entries: readonly FileEntry[] }) {
  const done = entries.filter((e) => e.state === 'read' || e.state === 'failed').length;
  const failed = entries.filter((e) => e.state === 'failed').length;
  const busy = entries.some((e) => e.state === 'reading' || e.state === 'waiting');

  return (
    <div role="status" aria-live="polite">
      <Progress
        percent={Math.round((done / entries.length) * 100)}
        status={busy ? 'active' : failed > 0 ? 'exception' : 'success'}
        format={() => `${done}/${entries.length}`}
      />
      <Typography.Text type="secondary">
        {busy
          ? `正在读取第 ${Math.min(done + 1, entries.length)} 个，共 ${entries.length} 个文件`
          : `已读取 ${entries.length - failed} 个文件`}
        {failed > 0 ? `，${failed} 个无法读取` : ''}
      </Typography.Text>
    </div>
  );
}

/** A file's name, its reading state and, once read, the year it reports on. */
function EntryLabel({ entry }: { entry: FileEntry }) {
  return (
    <Space>
      <span>{entry.file.name}</span>
      {STATE_TAGS[entry.state]}
      {entry.state === 'read' &&
        (entry.parsed.year === null ? <Tag color="warning">未写明年度</Tag> : <span>{entry.parsed.year}年度</span>)}
      {entry.state === 'read' && entry.parsed.alreadyImported && <Tag color="warning">已导入过</Tag>}
    </Space>
  );
}

/** Files chosen or dropped, read on the server one at a time; each read file is checked and saved. */
function ReadFiles({ organId }: { organId: number }) {
  const [entries, setEntries] = useState<readonly FileEntry[]>([]);
  const [open, setOpen] = useState<string[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (next: FileEntry) => setEntries((all) => all.map((e) => (e.uid === next.uid ? next : e)));

  function enqueue(file: File) {
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setEntries((all) => [...all, { uid, file, state: 'waiting' }]);
    queue.current = queue.current.then(async () => {
      update({ uid, file, state: 'reading' });
      try {
        const parsed = await parseFile(organId, file);
        update({ uid, file, state: 'read', parsed });
        setOpen((keys) => (keys.length === 0 ? [uid] : keys));
      } catch (error) {
        const message = error instanceof ApiError || error instanceof Error ? error.message : '无法读取该文件';
        update({ uid, file, state: 'failed', error: message });
        setOpen((keys) => [...keys, uid]);
      }
    });
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Upload.Dragger
        multiple
        className={entries.length > 0 ? 'import-dragger-compact' : undefined}
        accept={ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          enqueue(file);
          return false;
        }}
        aria-label="选择或拖入年度报告文件"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择或将已发布的年度报告文件拖到此处</p>
        <p className="ant-upload-hint">
          支持 txt、html、docx、doc、pdf，可一次选择多个文件；逐个读取，读完核对后再保存。
        </p>
      </Upload.Dragger>

      {entries.length > 0 && <ReadProgress entries={entries} />}

      {entries.length === 0 ? (
        <EmptyState description="尚未选择文件" />
      ) : (
        <Collapse
          activeKey={open}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={entries.map((entry) => ({
            key: entry.uid,
            label: <EntryLabel entry={entry} />,
            collapsible: entry.state === 'read' || entry.state === 'failed' ? undefined : 'disabled',
            children:
              entry.state === 'read' ? (
                <ParsedFileView organId={organId} file={entry.file} parsed={entry.parsed} />
              ) : entry.state === 'failed' ? (
                <Alert type="error" showIcon title={`文件 ${entry.file.name} 无法读取`} description={entry.error} />
              ) : null,
          }))}
        />
      )}
    </Space>
  );
}
