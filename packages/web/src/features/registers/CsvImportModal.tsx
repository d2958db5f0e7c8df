import { UploadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import { useId, useRef, useState } from 'react';
import { importCsv } from './api.js';
import { downloadText } from './downloadText.js';
import type { CsvImportResult, CsvRowError } from './types.js';

export type PreviewRow = CsvImportResult['rows'][number];

interface Props {
  readonly open: boolean;
  readonly title: string;
  /** The import endpoint, e.g. /api/organs/2/documents/import. */
  readonly path: string;
  /** The columns the file takes, for the hint. */
  readonly header: readonly string[];
  readonly template: () => string;
  readonly templateName: string;
  /** How a row read from the file is shown in the preview. */
  readonly columns: ColumnsType<PreviewRow>;
  readonly onClose: () => void;
  readonly onImported: () => void;
}

const ERROR_COLUMNS: ColumnsType<CsvRowError> = [
  { title: '行', dataIndex: 'line', width: 64 },
  { title: '列', dataIndex: 'field', width: 110, render: (field?: string) => field ?? '（整行）' },
  { title: '问题', dataIndex: 'message' },
];

/** The file chosen, through a hidden input that a button opens (the input itself is not tabbable). */
function FilePicker({
  file,
  reading,
  onChoose,
}: {
  file: File | undefined;
  reading: boolean;
  onChoose: (file: File | undefined) => void;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <input
        id={inputId}
        ref={inputRef}
        type="file"
        accept=".csv,text/csv"
        aria-label="选择 CSV 文件"
        tabIndex={-1}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, pointerEvents: 'none' }}
        onChange={(event) => {
          onChoose(event.target.files?.[0] ?? undefined);
          event.target.value = '';
        }}
      />
      <Button icon={<UploadOutlined />} onClick={() => inputRef.current?.click()} loading={reading}>
        选择 CSV 文件
      </Button>
      <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : '尚未选择文件'}</Typography.Text>
    </div>
  );
}

/** What the server read from the file without saving: the verdict, every error, the rows. */
function PreviewResult({ preview, columns }: { preview: CsvImportResult; columns: ColumnsType<PreviewRow> }) {
  // A Space of its own: the modal's Space spaces its direct children only.
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {preview.errors.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={`有 ${preview.errors.length} 处错误，改正文件后重新选择；尚未保存任何一行`}
        />
      ) : preview.rows.length === 0 ? (
        <Alert type="warning" showIcon title="文件中没有数据行" />
      ) : (
        <Alert type="success" showIcon title={`共 ${preview.rows.length} 行，没有错误，可以导入`} />
      )}
      {preview.errors.length > 0 && (
        <Table
          size="small"
          rowKey={(e) => `${e.line}/${e.field ?? ''}/${e.message}`}
          columns={ERROR_COLUMNS}
          dataSource={[...preview.errors]}
          pagination={false}
          title={() => '错误'}
          data-testid="import-errors"
        />
      )}
      <Table
        size="small"
        rowKey="line"
        columns={[{ title: '行', dataIndex: 'line', width: 64 }, ...columns]}
        dataSource={[...preview.rows]}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        title={() => `可读取的行（${preview.rows.length}）`}
      />
    </Space>
  );
}

/**
 * CSV import in two steps: the file is read on the server without saving (dryRun) and every
 * row and every error (line and column) is shown; 导入 is offered only when no row has an error.
 */
export function CsvImportModal(props: Props) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<CsvImportResult>();
  const [previewError, setPreviewError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'import'>();

  const reset = () => {
    setFile(undefined);
    setPreview(undefined);
    setPreviewError(undefined);
  };
  const close = () => {
    reset();
    props.onClose();
  };

  const choose = async (chosen: File | undefined) => {
    reset();
    if (!chosen) return;
    setFile(chosen);
    setBusy('preview');
    try {
      setPreview(await importCsv(props.path, chosen, true));
    } catch (error) {
      setPreviewError(error instanceof Error ? error.message : '无法读取文件');
    } finally {
      setBusy(undefined);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy('import');
    try {
      const result = await importCsv(props.path, file, false);
      if (result.errors.length > 0 || result.saved === 0) {
        setPreview(result);
        message.error('文件有错误，未导入任何一行');
        return;
      }
      message.success(`已导入 ${result.saved} 行`);
      props.onImported();
      close();
    } catch (error) {
      message.error(error instanceof Error ? error.message : '导入失败');
    } finally {
      setBusy(undefined);
    }
  };

  const canImport = !!preview && preview.errors.length === 0 && preview.rows.length > 0;
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={980}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="import" type="primary" disabled={!canImport} loading={busy === 'import'} onClick={commit}>
          导入
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          列：{props.header.join('、')}。文件可为 UTF-8 或 GBK 编码；先预览，任何一行有错时不保存。{' '}
          <Button type="link" style={{ padding: 0 }} onClick={() => downloadText(props.template(), props.templateName)}>
            下载模板
          </Button>
        </Typography.Paragraph>
        <FilePicker file={file} reading={busy === 'preview'} onChoose={(chosen) => void choose(chosen)} />
        {busy === 'preview' && <Typography.Text type="secondary">正在读取 {file?.name}……</Typography.Text>}
        {previewError && <Alert type="error" showIcon title="无法读取文件" description={previewError} />}
        {preview && <PreviewResult preview={preview} columns={props.columns} />}
      </Space>
    </Modal>
  );
}
