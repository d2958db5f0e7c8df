import { countBySeverity, ruleById, type Finding } from '@xxgk/core';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { SeverityTag } from '../../components/SeverityTag.js';

interface Props {
  readonly findings: readonly Finding[];
  readonly selected: number | undefined;
  readonly onSelect: (index: number) => void;
}

/** What the consistency rules found; a finding about cells is a button that shows them in the tables. */
export function FindingsList({ findings, selected, onSelect }: Props) {
  if (findings.length === 0) {
    return <Alert type="success" showIcon title="未发现问题：全部一致性规则（含跨年度核对）均已通过" />;
  }
  const counts = countBySeverity(findings);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {(['error', 'warning', 'info'] as const).map((severity) => (
          <SeverityTag key={severity} severity={severity} count={counts[severity]} />
        ))}
      </Space>
      <List
        size="small"
        bordered
        dataSource={[...findings]}
        renderItem={(finding, index) => {
          const rule = ruleById(finding.rule);
          const text = (
            <>
              <SeverityTag severity={finding.severity} />
              {rule?.crossYear && <Tag color="purple">跨年度</Tag>}
              <span>{finding.message}</span>
            </>
          );
          return (
            <List.Item
              style={{ background: index === selected ? '#fff1f0' : undefined, display: 'block' }}
              data-rule={finding.rule}
            >
              {finding.cells.length > 0 ? (
                <Button
                  type="text"
                  onClick={() => onSelect(index)}
                  aria-pressed={index === selected}
                  style={{ height: 'auto', whiteSpace: 'normal', textAlign: 'left', padding: 0, display: 'block' }}
                  title="在表格中显示相关单元格"
                >
                  {text}
                </Button>
              ) : (
                <div>{text}</div>
              )}
              {rule && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  规则：{rule.title}
                </Typography.Text>
              )}
            </List.Item>
          );
        }}
      />
    </Space>
  );
}
