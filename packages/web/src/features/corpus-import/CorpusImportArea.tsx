import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Progress, Segmented, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/PageState.js';
import { PagedTable } from '../../components/PagedTable.js';
import { startImport, useCorpusBatch, type CorpusBatch, type CorpusFile, type FileStatus } from './api.js';

/** What each status is called on screen. */
const STATUS: Readonly<Record<FileStatus, { label: string; color: string }>> = {
  read: { label: '已读取', color: 'green' },
  review: { label: '待复核', color: 'orange' },
  failed: { label: '失败', color: 'red' },
};

/** The request body limit of the server (http/app.ts MAX_BODY_BYTES). */
const MAX_UPLOAD_MB = 50;
const PAGE_SIZE = 20;

function megabytes(files: readonly File[]): number {
  return files.reduce((sum, f) => sum + f.size, 0) / 1024 / 1024;
}

/** Choosing the files (reports or ZIP archives) and starting the import. */
function UploadCard({ onStarted }: { onStarted: (batchId: number) => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [label, setLabel] = useState('');
  const [sending, setSending] = useState(false);
  const size = megabytes(files);
  const send = async () => {
    setSending(true);
    try {
      const started = await startImport(files, label);
      message.success(`已开始导入 ${started.total} 个文件`);
      setFiles([]);
      onStarted(started.batchId);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '导入失败');
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title="上传报告文件" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload.Dragger
          multiple
          accept=".zip,.txt,.htm,.html,.pdf,.doc,.docx"
          showUploadList={false}
          beforeUpload={(_file, chosen) => {
            setFiles((earlier) => [...earlier, ...chosen.filter((f) => !earlier.includes(f))]);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将已下载的年度报告拖到此处（可多选，也可为 ZIP 压缩包）</p>
          <p className="ant-upload-hint">
            支持文本、网页、DOC、DOCX、PDF。内容相同的文件只导入一次；同一机关同一年度的更正版本另存为新版本。
          </p>
        </Upload.Dragger>
        {files.length > 0 && (
          <Typography.Text>
            已选 {files.length} 个文件，共 {size.toFixed(1)} MB
            <Button type="link" onClick={() => setFiles([])}>
              清空
            </Button>
          </Typography.Text>
        )}
        {size > MAX_UPLOAD_MB && (
          <Alert
            type="warning"
            showIcon
            title={`一次上传合计不能超过 ${MAX_UPLOAD_MB} MB，请分批上传；大量文件请用命令行 xxgk corpus import 导入。`}
          />
        )}
        <Input
          placeholder="本批说明（可不填），如“2023 年度各区县报告”"
          value={label}
          maxLength={200}
          onChange={(e) => setLabel(e.target.value)}
        />
        <Button
          type="primary"
          loading={sending}
          disabled={files.length === 0 || size > MAX_UPLOAD_MB}
          onClick={() => void send()}
        >
          开始导入
        </Button>
      </Space>
    </Card>
  );
}

function Summary({ batch }: { batch: CorpusBatch }) {
  const percent = batch.total === 0 ? 100 : Math.floor((batch.done / batch.total) * 100);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {batch.label}（开始于 {new Date(batch.startedAt).toLocaleString('zh-CN')}）
      </Typography.Text>
      <Progress
        percent={percent}
        // A failed file is listed below; the bar says only whether the batch is done.
        status={batch.finishedAt ? (batch.failed > 0 ? 'normal' : 'success') : 'active'}
        format={() => `${batch.done}/${batch.total}`}
      />
      <Space size="large" wrap>
        <Statistic title="读取" value={batch.read} />
        <Statistic title="失败" value={batch.failed} styles={batch.failed ? { content: { color: '#cf1322' } } : {}} />
        <Statistic title="待复核" value={batch.review} styles={batch.review ? { content: { color: '#d46b08' } } : {}} />
        <Statistic title="已存在" value={batch.existing} />
      </Space>
      {batch.finishedAt && (
        <Alert
          type={batch.failed > 0 ? 'warning' : 'success'}
          showIcon
          title={`导入完成：读取 ${batch.read} 个、失败 ${batch.failed} 个、待复核 ${batch.review} 个、已存在 ${batch.existing} 个`}
        />
      )}
    </Space>
  );
}

const COLUMNS = [
  { title: '文件', dataIndex: 'fileName', key: 'fileName', ellipsis: true },
  {
    title: '结果',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: FileStatus) => <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>,
  },
  { title: '原因', dataIndex: 'reason', key: 'reason', render: (reason: string | null) => reason ?? '—' },
  { title: '机关', dataIndex: 'organName', key: 'organName', width: 220, render: (n: string | null) => n ?? '—' },
  { title: '年度', dataIndex: 'year', key: 'year', width: 70, render: (y: number | null) => y ?? '—' },
  { title: '版本', dataIndex: 'version', key: 'version', width: 60, render: (v: number | null) => v ?? '—' },
];

type Filter = FileStatus | 'all';

function BatchCard({ batchId }: { batchId: number }) {
  const [filter, setFilter] = useState<Filter>('failed');
  const [page, setPage] = useState(1);
  const result = useCorpusBatch(batchId, filter === 'all' ? undefined : filter, page, PAGE_SIZE);
  const files = { ...result, data: result.data?.files } as Parameters<typeof PagedTable<CorpusFile>>[0]['result'];
  return (
    <Card title={`导入批次 ${batchId}`} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        {result.data && <Summary batch={result.data} />}
        <Segmented<Filter>
          value={filter}
          onChange={(value) => {
            setFilter(value);
            setPage(1);
          }}
          options={[
            { label: '失败的文件', value: 'failed' },
            { label: '待复核的文件', value: 'review' },
            { label: '已读取的文件', value: 'read' },
            { label: '全部', value: 'all' },
          ]}
        />
        <PagedTable<CorpusFile>
          rowKey="id"
          size="small"
          columns={COLUMNS}
          result={files}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          unit="个文件"
          empty={<EmptyState description="没有这样的文件" />}
        />
      </Space>
    </Card>
  );
}

/** 语料导入: the 政务公开办 uploads published reports into the corpus and follows the import. */
export default function CorpusImportArea() {
  const [params, setParams] = useSearchParams();
  const batch = Number(params.get('batch')) || undefined;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        语料导入
      </Typography.Title>
      <UploadCard onStarted={(id) => setParams({ batch: String(id) })} />
      {batch !== undefined && <BatchCard key={batch} batchId={batch} />}
    </Space>
  );
}
