import { DownloadOutlined } from '@ant-design/icons';
import { LETTER_TITLES, type LetterKind } from '@xxgk/core';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { download } from '../../api/client.js';
import type { CaseDetail } from './types.js';

/** The letters the case has reached: an answer once drafted, a notice once sent. */
function lettersOf(detail: CaseDetail): LetterKind[] {
  const s = detail.state;
  const kinds: LetterKind[] = [];
  if (s.outcome ?? s.answer?.outcome) kinds.push('answer');
  if (s.correction) kinds.push('correctionNotice');
  if (s.extension?.approvedOn) kinds.push('extensionNotice');
  if (s.fee) kinds.push('feeNotice');
  if (s.pauses.some((p) => p.kind === 'consultation')) kinds.push('consultationNotice');
  return kinds;
}

export function LettersCard({ detail }: { detail: CaseDetail }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<LetterKind | null>(null);
  const kinds = lettersOf(detail);
  return (
    <Card title="文书（DOCX）" size="small">
      {kinds.length === 0 ? (
        <Typography.Text type="secondary">尚无可生成的文书：拟写答复或发出告知后可下载。</Typography.Text>
      ) : (
        <Space wrap>
          {kinds.map((kind) => (
            <Button
              key={kind}
              icon={<DownloadOutlined />}
              loading={busy === kind}
              onClick={async () => {
                setBusy(kind);
                try {
                  await download(
                    `/api/applications/${detail.id}/letters/${kind}`,
                    `${detail.serialNo}${LETTER_TITLES[kind]}.docx`,
                  );
                } catch (error) {
                  message.error(error instanceof Error ? error.message : '下载失败');
                } finally {
                  setBusy(null);
                }
              }}
            >
              {LETTER_TITLES[kind]}
            </Button>
          ))}
        </Space>
      )}
    </Card>
  );
}
