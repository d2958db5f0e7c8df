import { App, Button, Popconfirm, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session.js';
import { publishedFileUrl, useCompileReport, usePublishReport } from './api.js';
import { PublishDialog } from './PublishDialog.js';
import type { ReportState } from './types.js';

/** Why the report cannot be published now, in the words shown to the user; undefined when it can. */
function whyNotPublishable(state: ReportState, role: string | undefined): string | undefined {
  const errors = state.findings.filter((f) => f.severity === 'error').length;
  return role !== 'reviewer'
    ? '须由审核人发布'
    : state.status === 'notStarted'
      ? '尚未编制'
      : errors > 0
        ? `还有 ${errors} 处错误，改正后才能发布`
        : state.status === 'published'
          ? '本版本已发布'
          : state.stale.length > 0
            ? '编制后办理记录有变动，须重新编制后才能发布'
            : undefined;
}

/** The published version's files: DOCX and PDF to download, HTML to read. */
function PublishedFiles({ organId, year }: { organId: number; year: number }) {
  return (
    <Space size={12}>
      <Typography.Text>已发布版本：</Typography.Text>
      <a href={publishedFileUrl(organId, year, 'docx')} download>
        下载 DOCX
      </a>
      <a href={publishedFileUrl(organId, year, 'pdf')} download>
        下载 PDF
      </a>
      <a href={publishedFileUrl(organId, year, 'html')} target="_blank" rel="noreferrer">
        查看 HTML
      </a>
    </Space>
  );
}

/** 由记录重新编制, 发布 (reviewer only, and only without errors), and the published files. */
export function ReportActions({ organId, state }: { organId: number; state: ReportState }) {
  const { message } = App.useApp();
  const { user } = useSession();
  const compile = useCompileReport(organId, state.year);
  const publish = usePublishReport(organId, state.year);
  const [publishing, setPublishing] = useState(false);
  const publishBlocked = whyNotPublishable(state, user?.role);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (error) {
      message.error(error instanceof Error ? error.message : '操作失败');
    }
  };

  const compileButton = (
    <Button
      loading={compile.isPending}
      onClick={
        state.status === 'published'
          ? undefined
          : () => void run(() => compile.mutateAsync(undefined), '已由记录重新编制，并重新检查')
      }
    >
      {state.status === 'notStarted' ? '由记录编制' : '由记录重新编制'}
    </Button>
  );

  return (
    <Space wrap>
      {state.status === 'published' ? (
        <Popconfirm
          title="报告已发布"
          description="重新编制后报告回到草稿，须由审核人重新发布。继续吗？"
          okText="重新编制"
          cancelText="取消"
          onConfirm={() => run(() => compile.mutateAsync(undefined), '已由记录重新编制，并重新检查')}
        >
          {compileButton}
        </Popconfirm>
      ) : (
        compileButton
      )}
      <Tooltip title={publishBlocked}>
        <Button
          type="primary"
          disabled={!!publishBlocked}
          loading={publish.isPending}
          onClick={() => setPublishing(true)}
        >
          发布
        </Button>
      </Tooltip>
      <PublishDialog
        state={state}
        open={publishing}
        publishing={publish.isPending}
        onCancel={() => setPublishing(false)}
        onPublish={(reason) =>
          void run(async () => {
            await publish.mutateAsync({ version: state.version, ...(reason ? { reason } : {}) });
            setPublishing(false);
          }, '年度报告已发布')
        }
      />
      {publishBlocked && state.status !== 'published' && (
        <Typography.Text type="secondary" data-testid="publish-blocked">
          {publishBlocked}
        </Typography.Text>
      )}
      {state.publication && <PublishedFiles organId={organId} year={state.year} />}
    </Space>
  );
}
