import { PROVISIONAL_NOTE } from '@xxgk/core';
import { Tag, Typography } from 'antd';

/** A deadline for the applicant; when provisional, 暂定 and the sentence that explains it. */
export function ProvisionalDate({
  date,
  provisional,
  suffix = '',
}: {
  date: string;
  provisional: boolean;
  suffix?: string;
}) {
  if (!provisional) return <>{`${date}${suffix}`}</>;
  return (
    <>
      {`${date}${suffix}`}
      <Tag color="gold" style={{ marginInlineStart: 6 }} data-testid="provisional">
        暂定
      </Tag>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
        {PROVISIONAL_NOTE}
      </Typography.Paragraph>
    </>
  );
}
