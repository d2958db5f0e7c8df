import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, List, Typography, Upload } from 'antd';
import { download, upload } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { dateTime } from './format.js';
import { caseKey } from './queries.js';
import type { CaseDetail } from './types.js';

type UploadedAttachment = components['schemas']['UploadedAttachment'];

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Sends one file as multipart/form-data (field `file`) through the client's upload, which adds the CSRF token. */
async function sendFile(applicationId: number, file: File): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  const request = new Request(location.origin, { method: 'POST', body: form });
  const contentType = request.headers.get('content-type') ?? 'multipart/form-data';
  return upload<UploadedAttachment>(
    `/api/applications/${applicationId}/attachments`,
    await request.blob(),
    contentType,
  );
}

export function AttachmentsCard({ detail, canUpload }: { detail: CaseDetail; canUpload: boolean }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return (
    <Card
      title="附件"
      size="small"
      extra={
        canUpload && (
          <Upload
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const saved = await sendFile(detail.id, file as File);
                onSuccess?.(saved);
                message.success(`已上传：${(file as File).name}`);
                await client.invalidateQueries({ queryKey: caseKey(detail.id) });
              } catch (error) {
                message.error(error instanceof Error ? error.message : '上传失败');
                onError?.(error instanceof Error ? error : new Error('上传失败'));
              }
            }}
          >
            <Button icon={<UploadOutlined />}>上传附件</Button>
          </Upload>
        )
      }
    >
      {detail.attachments.length === 0 ? (
        <Typography.Text type="secondary">
          暂无附件（PDF、OFD、DOC/DOCX、XLSX、JPEG、PNG、文本，20 MB 以内）
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...detail.attachments]}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="link"
                  onClick={() =>
                    download(`/api/attachments/${item.id}`, item.fileName).catch((error: unknown) =>
                      message.error(error instanceof Error ? error.message : '下载失败'),
                    )
                  }
                >
                  下载
                </Button>,
              ]}
            >
              <List.Item.Meta title={item.fileName} description={`${size(item.size)} · ${dateTime(item.uploadedAt)}`} />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
