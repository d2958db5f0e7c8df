import { Button, Modal, Space, Typography } from 'antd';
import { dateTime } from './format.js';
import type { DuplicateChoice, ExistingImport } from './types.js';

interface Props {
  readonly fileName: string;
  /** The earlier import, when known; else the server's message says what it is. */
  readonly existing: ExistingImport | null;
  readonly message?: string;
  readonly open: boolean;
  readonly onChoose: (choice: DuplicateChoice | null) => void;
}

/** 此文件已导入过: replace the earlier import, keep both, or cancel. */
export function DuplicateModal({ fileName, existing, message, open, onChoose }: Props) {
  return (
    <Modal
      open={open}
      title="此文件已导入过"
      onCancel={() => onChoose(null)}
      footer={
        <Space>
          <Button onClick={() => onChoose(null)}>取消</Button>
          <Button onClick={() => onChoose('keepBoth')}>另存一份</Button>
          <Button type="primary" onClick={() => onChoose('replace')}>
            替换原导入
          </Button>
        </Space>
      }
    >
      {existing ? (
        <Typography.Paragraph>
          {fileName} 与 {dateTime(existing.importedAt)} 导入的“{existing.fileName}”（{existing.year}
          年度，导入编号 {existing.id}）内容相同。
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph>{message}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        替换：原导入改为本次的年度和人工更正，编号不变；另存：再保存一份，两份都列在已保存的导入报告中。
      </Typography.Paragraph>
    </Modal>
  );
}
