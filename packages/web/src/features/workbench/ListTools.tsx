import { PrinterOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { AssignModal } from './AssignModal.js';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import type { ApplicationsQuery } from './queries.js';

type Filters = Omit<ApplicationsQuery, 'page' | 'pageSize'>;

/**
 * 导出 Excel and 打印台账 of the list as filtered now; with cases ticked, 打印所选 (their
 * 登记表, 审批表 and 答复书), 导出所选, and — for those who assign cases — 分派.
 */
export function ListTools({
  organId,
  filters,
  selected,
  onClear,
  canAssign,
}: {
  organId: number;
  filters: Filters;
  selected: readonly number[];
  onClear: () => void;
  /** The organ's reviewer or administrator: may assign the ticked cases to an officer. */
  canAssign: boolean;
}) {
  const navigate = useNavigate();
  const [assigning, setAssigning] = useState(false);
  const exportPath = `/api/organs/${organId}/applications/export`;
  const ledger = withQuery('/print/applications', filters);
  if (selected.length > 0) {
    const ids = selected.join(',');
    return (
      <Space wrap>
        <Typography.Text strong>已选 {selected.length} 件</Typography.Text>
        {canAssign && (
          <Button type="primary" icon={<UserSwitchOutlined />} onClick={() => setAssigning(true)}>
            分派
          </Button>
        )}
        <Button icon={<PrinterOutlined />} onClick={() => navigate(withQuery('/print/cases', { ids }))}>
          打印所选（登记表、审批表、答复书）
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => navigate(withQuery('/print/applications', { ids }))}>
          打印所选台账
        </Button>
        <ExportButton
          path={withQuery(exportPath, { ids })}
          fileName="政府信息公开申请办理台账.xlsx"
          label="导出所选（Excel）"
        />
        <Button type="link" onClick={onClear}>
          取消选择
        </Button>
        {assigning && (
          <AssignModal
            organId={organId}
            ids={selected}
            onClose={() => setAssigning(false)}
            onDone={() => {
              setAssigning(false);
              onClear();
            }}
          />
        )}
      </Space>
    );
  }
  return (
    <Space wrap>
      <ExportButton path={withQuery(exportPath, filters)} fileName="政府信息公开申请办理台账.xlsx" />
      <Button icon={<PrinterOutlined />} onClick={() => navigate(ledger)}>
        打印台账
      </Button>
    </Space>
  );
}
