import { Alert, App, Button, Typography } from 'antd';
import { useCompileReport } from './api.js';
import type { ReportState } from './types.js';

const value = (v: number | null) => (v === null ? '（空）' : String(v));

/**
 * 草稿已过时: the records changed after the draft was compiled. Lists the numbers recompiling
 * would change, as the report prints their names, and recompiles (the prose is kept).
 */
export function StaleBanner({ organId, state }: { organId: number; state: ReportState }) {
  const { message } = App.useApp();
  const compile = useCompileReport(organId, state.year);
  if (state.status !== 'draft' || state.stale.length === 0) return null;
  const recompile = async () => {
    try {
      await compile.mutateAsync(undefined);
      message.success('已由记录重新编制，文字部分保留，并重新检查');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '重新编制失败');
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="stale-banner"
      title={`办理记录在编制后有变动：报告中 ${state.stale.length} 个数字已与记录不符，须重新编制后才能发布`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {state.stale.map((cell) => (
            <li key={cell.cellId}>
              <Typography.Text>
                {cell.label}：{value(cell.from)} → {value(cell.to)}
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
      action={
        <Button type="primary" loading={compile.isPending} onClick={() => void recompile()}>
          重新编制
        </Button>
      }
    />
  );
}
