import { useQuery } from '@tanstack/react-query';
import { CASE_STATUS_LABELS, OUTCOME_LABELS, type CaseStatus, type Outcome } from '@xxgk/core';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useSession } from '../auth/session.js';
import type { ApplicationsQuery } from '../workbench/queries.js';
import { chineseDate } from '../workbench/format.js';
import type { ApplicationListItem } from '../workbench/types.js';
import { PrintFrame, Sheet } from './PrintFrame.js';

const PAGE = 200;
/** The list's filters the print page takes from its address, as the list passed them. */
const FILTERS = ['status', 'open', 'year', 'q', 'queue', 'soon', 'ids', 'assignee'] as const;

/** Every row the filters select, read a page at a time as the list reads them. */
async function allApplications(organId: number, filters: ApplicationsQuery): Promise<ApplicationListItem[]> {
  const rows: ApplicationListItem[] = [];
  for (let page = 1; ; page += 1) {
    const query = { ...filters, page, pageSize: PAGE };
    const result = await unwrap(
      api.GET('/api/organs/{organId}/applications', { params: { path: { organId }, query } }),
    );
    rows.push(...result.items);
    if (result.items.length < PAGE || rows.length >= result.total) return rows;
  }
}

/** 政府信息公开申请办理台账: the list as it was filtered, on A4. */
export function LedgerPrint() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const filters = Object.fromEntries(
    FILTERS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])),
  ) as ApplicationsQuery;
  const organId = user?.organId ?? 0;
  const rows = useQuery({
    queryKey: ['print', 'ledger', organId, filters],
    enabled: organId > 0,
    queryFn: () => allApplications(organId, filters),
  });
  if (rows.error) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!rows.data) return <Loading />;
  return (
    <PrintFrame title="政府信息公开申请办理台账">
      <Sheet label="申请办理台账">
        <h1>政府信息公开申请办理台账</h1>
        <div className="print-caption">
          <span>共 {rows.data.length} 件</span>
          <span>{params.get('q') ? `检索：${params.get('q')}` : ''}</span>
        </div>
        <table className="print-table ledger">
          <thead>
            <tr>
              <th className="nowrap">序号</th>
              <th>申请编号</th>
              <th className="nowrap">申请人</th>
              <th>申请内容</th>
              <th>收到申请日期</th>
              <th>答复期限</th>
              <th>办理状态</th>
              <th className="nowrap">承办人</th>
              <th>办理结果</th>
              <th>办结日期</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((row, i) => (
              <tr key={row.id}>
                <td>{i + 1}</td>
                <td className="nowrap">{row.serialNo}</td>
                <td>{row.applicantName}</td>
                <td>{row.request}</td>
                <td>{chineseDate(row.receivedOn)}</td>
                <td>{row.dueOn ? chineseDate(row.dueOn) : ''}</td>
                <td>{CASE_STATUS_LABELS[row.status as CaseStatus]}</td>
                <td className="nowrap">{row.assignee?.name ?? ''}</td>
                <td>{row.outcome ? OUTCOME_LABELS[row.outcome as Outcome] : ''}</td>
                <td>{row.closedOn ? chineseDate(row.closedOn) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Sheet>
    </PrintFrame>
  );
}
