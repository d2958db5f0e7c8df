import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { useSession } from '../auth/session.js';
import { DOCUMENT_KIND_LABELS, REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS } from '../registers/labels.js';
import { chineseDate } from '../workbench/format.js';
import { ListSheet } from './PrintFrame.js';

const PAGE = 200;

/** Every page of a register list, with the filters the list passed in the address. */
async function allPages<T>(read: (page: number) => Promise<{ total: number; items: T[] }>): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await read(page);
    rows.push(...result.items);
    if (result.items.length < PAGE || rows.length >= result.total) return rows;
  }
}

/** 规章和行政规范性文件登记 on A4, as the list was filtered. */
export function DocumentsPrint() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const organId = user?.organId ?? 0;
  const q = params.get('q') ?? undefined;
  const status = (params.get('status') ?? undefined) as 'inForce' | 'repealed' | undefined;
  const rows = useQuery({
    queryKey: ['print', 'documents', organId, q, status],
    enabled: organId > 0,
    queryFn: () =>
      allPages((page) =>
        unwrap(
          api.GET('/api/organs/{organId}/documents', {
            params: {
              path: { organId },
              query: { page, pageSize: PAGE, ...(q ? { q } : {}), ...(status ? { status } : {}) },
            },
          }),
        ),
      ),
  });
  if (rows.error) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!rows.data) return <Loading />;
  return (
    <ListSheet
      unit="件"
      title="规章和行政规范性文件登记"
      header={['类别', '文号', '标题', '制发日期', '废止日期']}
      rows={rows.data.map((d) => [
        DOCUMENT_KIND_LABELS[d.kind],
        d.number ?? '',
        d.title,
        chineseDate(d.issuedOn),
        d.repealedOn ? chineseDate(d.repealedOn) : '',
      ])}
    />
  );
}

/** 行政复议和行政诉讼登记 on A4, as the list was filtered. */
export function ReviewsPrint() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const organId = user?.organId ?? 0;
  const q = params.get('q') ?? undefined;
  const kind = (params.get('kind') ?? undefined) as 'review' | 'suit' | 'suitAfterReview' | undefined;
  const rows = useQuery({
    queryKey: ['print', 'reviews', organId, q, kind],
    enabled: organId > 0,
    queryFn: () =>
      allPages((page) =>
        unwrap(
          api.GET('/api/organs/{organId}/reviews', {
            params: {
              path: { organId },
              query: { page, pageSize: PAGE, ...(q ? { q } : {}), ...(kind ? { kind } : {}) },
            },
          }),
        ),
      ),
  });
  if (rows.error) return <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  if (!rows.data) return <Loading />;
  return (
    <ListSheet
      unit="件"
      title="行政复议和行政诉讼登记"
      header={['类型', '案号', '收案日期', '审结日期', '结果', '关联申请编号']}
      rows={rows.data.map((r) => [
        REVIEW_KIND_LABELS[r.kind],
        r.caseNo,
        chineseDate(r.filedOn),
        r.concludedOn ? chineseDate(r.concludedOn) : '',
        r.result ? REVIEW_RESULT_LABELS[r.result] : '尚未审结',
        r.applicationSerialNo ?? '',
      ])}
    />
  );
}
