import { cellName, type Finding } from '@xxgk/core';
import { Button, List, Typography } from 'antd';
import { SeverityTag } from '../../components/SeverityTag.js';

/** The reader's and the consistency rules' findings on a file. */
export function FindingsList({ findings, onSelect }: { findings: readonly Finding[]; onSelect(cellId: string): void }) {
  if (findings.length === 0) return <Typography.Text type="success">未发现问题。</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={[...findings]}
      renderItem={(finding) => (
        <List.Item>
          <div>
            <SeverityTag severity={finding.severity} />
            <span>{finding.message}</span>
            {finding.cells.slice(0, 3).map((cellId) => (
              <Button key={cellId} type="link" size="small" onClick={() => onSelect(cellId)}>
                {cellName(cellId)}
              </Button>
            ))}
          </div>
        </List.Item>
      )}
    />
  );
}
