import { PrinterOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
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
  // The cases being assigned, fixed when the dialog opens: the dialog (and its results) stays in
  // place whatever the list does meanwhile, e.g. a refetch after the assignment.
  const [assigning, setAssigning] = useState<readonly number[] | undefined>();
  const dialog = assigning && (
    <AssignModal
      organId={organId}
      ids={assigning}
      onClose={() => setAssigning(undefined)}
      onDone={() => {
        setAssigning(undefined);
        onClear();
      }}
    />
  );
  return (
    <>
      {selected.length > 0 ? (
        <SelectedTools selected={selected} exportPath={exportPath(organId)} onClear={onClear}>
          {canAssign && (
            <Button type="primary" icon={<UserSwitchOutlined />} onClick={() => setAssigning([...selected])}>
              分派
            </Button>
          )}
        </SelectedTools>
      ) : (
        <ListWideTools filters={filters} exportPath={exportPath(organId)} />
      )}
      {dialog}
    </>
  );
}

const exportPath = (organId: number) => `/api/organs/${organId}/applications/export`;

/** With cases ticked: what can be done with them (`children`: 分派, for those who may). */
function SelectedTools({
  selected,
  exportPath,
  onClear,
  children,
}: {
  selected: readonly number[];
  exportPath: string;
  onClear: () => void;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const ids = selected.join(',');
  return (
    <Space wrap>
      <Typography.Text strong>已选 {selected.length} 件</Typography.Text>
      {children}
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
    </Space>
  );
}

/** Nothing ticked: the whole list as filtered, exported or printed. */
function ListWideTools({ filters, exportPath }: { filters: Filters; exportPath: string }) {
  const navigate = useNavigate();
  const ledger = withQuery('/print/applications', filters);
  return (
    <Space wrap>
      <ExportButton path={withQuery(exportPath, filters)} fileName="政府信息公开申请办理台账.xlsx" />
      <Button icon={<PrinterOutlined />} onClick={() => navigate(ledger)}>
        打印台账
      </Button>
    </Space>
  );
}
