import { useQuery } from '@tanstack/react-query';
import { auditActionLabel, auditEntityLabel, SUPERVISION_STATUS_LABELS, SUPERVISION_STATUSES } from '@xxgk/core';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import type { SupervisionStatus } from '../supervision/types.js';
import { chineseDate, dateTime } from '../workbench/format.js';
import { ListSheet } from './PrintFrame.js';

const PAGE = 200;
/**
 * The audit log printed at most: a county's log grows by thousands of entries a year, which no
 * one prints; the whole log is the Excel export.
 */
export const AUDIT_PRINT_LIMIT = 1000;

/** 年度报告情况 of the organs under the government, as the supervision table was filtered (year, status, name). */
export function SupervisionPrint() {
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear() - 1;
  const q = params.get('q') ?? undefined;
  const asked = params.get('status') as SupervisionStatus | null;
  const status = asked && (SUPERVISION_STATUSES as readonly string[]).includes(asked) ? asked : undefined;
  const rows = useQuery({
    queryKey: ['print', 'supervision', year, q, status],
    queryFn: async () => {
      const all = [];
      for (let page = 1; ; page += 1) {
        const query = { page, pageSize: PAGE, ...(q ? { q } : {}), ...(status ? { status } : {}) };
        const result = await unwrap(api.GET('/api/supervision/{year}/organs', { params: { path: { year }, query } }));
        all.push(...result.items);
        if (result.items.length < PAGE || all.length >= result.total) return all;
      }
    },
  });
  if (rows.error) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!rows.data) return <Loading />;
  return (
    <ListSheet
      title={`${year}年度政府信息公开工作年度报告情况`}
      caption={[status ? `状态：${SUPERVISION_STATUS_LABELS[status]}` : '', q ? `检索：${q}` : ''].filter(Boolean)}
      header={['机关', '状态', '年度报告', '发布日期', '错误', '警告', '提示', '本年收到申请', '其中在办']}
      rows={rows.data.map((o) => [
        o.organName,
        SUPERVISION_STATUS_LABELS[o.status],
        SUPERVISION_STATUS_LABELS[o.reportStatus],
        o.publishedOn ? chineseDate(o.publishedOn) : '',
        o.findings.error,
        o.findings.warning,
        o.findings.info,
        o.applications.received,
        o.applications.open,
      ])}
    />
  );
}

/** 审计日志 (or one record's 操作记录), newest first, as the page showing it was filtered. */
export function AuditPrint() {
  const [params] = useSearchParams();
  const entity = params.get('entity') ?? undefined;
  const entityId = params.get('entityId') ?? undefined;
  const filters = { ...(entity ? { entity } : {}), ...(entityId ? { entityId } : {}) };
  const rows = useQuery({
    queryKey: ['print', 'audit', filters],
    queryFn: async () => {
      const all = [];
      // The audit log has no total: pages are read while they come back full.
      for (let page = 1; all.length < AUDIT_PRINT_LIMIT; page += 1) {
        const result = await unwrap(api.GET('/api/audit', { params: { query: { ...filters, page, pageSize: PAGE } } }));
        all.push(...result);
        if (result.length < PAGE) break;
      }
      return all.slice(0, AUDIT_PRINT_LIMIT);
    },
  });
  if (rows.error) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!rows.data) return <Loading />;
  const capped = rows.data.length >= AUDIT_PRINT_LIMIT;
  return (
    <ListSheet
      title={entityId ? '操作记录' : '审计日志'}
      caption={[
        entity ? `对象：${auditEntityLabel(entity)}${entityId ? ` 第 ${entityId} 号` : ''}` : '',
        capped ? `仅列最近 ${AUDIT_PRINT_LIMIT} 条，全部记录请导出 Excel` : '',
      ].filter(Boolean)}
      header={['时间', '操作人', '对象', '编号', '操作']}
      rows={rows.data.map((e) => [
        dateTime(e.at),
        e.actorName ?? '系统',
        auditEntityLabel(e.entity),
        e.entityId,
        auditActionLabel(e.action),
      ])}
    />
  );
}
