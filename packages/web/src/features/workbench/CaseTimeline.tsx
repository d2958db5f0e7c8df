import { Timeline, Typography } from 'antd';
import { actionLabel, eventDetails } from './describeEvent.js';
import { chineseDate, dateTime } from './format.js';
import type { CaseEvent } from './types.js';

const COLORS: Record<string, string> = {
  intake: 'blue',
  approveAnswer: 'green',
  lapseCorrection: 'red',
  lapseFee: 'red',
  withdraw: 'gray',
  returnAnswer: 'orange',
  rejectExtension: 'orange',
};

/** 办理过程: each move on the case, on the day it happened, and who made it. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  return (
    <Timeline
      items={events.map((event) => ({
        key: event.id,
        color: COLORS[event.type] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{actionLabel(event.type)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {chineseDate(event.on)} · {event.actorName ?? '申请人（网上）'}
            </Typography.Text>
            {eventDetails(event).map((line) => (
              <div key={line} style={{ color: '#555', whiteSpace: 'pre-wrap' }}>
                {line}
              </div>
            ))}
            <div style={{ color: '#999', fontSize: 12 }}>记录于 {dateTime(event.at)}</div>
          </div>
        ),
      }))}
    />
  );
}
