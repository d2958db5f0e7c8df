import { ACTION_LABELS, type CaseActionType } from '@xxgk/core';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { ActionModal } from './ActionModal.js';
import { TransferModal } from './TransferModal.js';
import type { CaseDetail } from './types.js';

const PRIMARY: readonly CaseActionType[] = ['draftAnswer', 'approveAnswer', 'approveExtension', 'receiveCorrection'];
const DANGER: readonly CaseActionType[] = ['lapseCorrection', 'lapseFee', 'withdraw', 'rejectExtension', 'transfer'];

/** The lawful next moves for this role only, as the server lists them. */
export function CaseActions({ detail, today }: { detail: CaseDetail; today: string }) {
  const [open, setOpen] = useState<CaseActionType | null>(null);
  return (
    <Card title="办理" size="small">
      {detail.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">
          {detail.status === 'closed' ? '已办结，无需办理。' : '当前没有您可以进行的操作。'}
        </Typography.Text>
      ) : (
        <Space wrap>
          {detail.allowedActions.map((type) => (
            <Button
              key={type}
              type={PRIMARY.includes(type) ? 'primary' : 'default'}
              danger={DANGER.includes(type)}
              onClick={() => setOpen(type)}
            >
              {ACTION_LABELS[type]}
            </Button>
          ))}
        </Space>
      )}
      {open === 'transfer' && (
        <TransferModal key={detail.version} detail={detail} today={today} onClose={() => setOpen(null)} />
      )}
      {open && open !== 'transfer' && (
        <ActionModal
          key={`${open}-${detail.version}`}
          detail={detail}
          type={open}
          today={today}
          onClose={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
