import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { caseKey } from '../workbench/queries.js';
import { ApprovalForm, RegistrationForm } from './CaseForms.js';
import { LetterSheet } from './LetterSheet.js';
import { PrintFrame } from './PrintFrame.js';

/** What to print of each case: the forms always, the 答复书 once the answer is drafted. */
const PARTS = ['registration', 'approval', 'answer'] as const;

/**
 * 申请登记表, 审批表 and 答复书 of one case or of the cases ticked in the list (`ids`), each on
 * its own A4 sheet; `parts` narrows to some of them.
 */
export function CasesPrint() {
  const [params] = useSearchParams();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .map(Number)
    .filter((id) => Number.isInteger(id) && id > 0)
    .slice(0, 200);
  const parts = new Set((params.get('parts') ?? PARTS.join(',')).split(','));
  const cases = useQueries({
    queries: ids.map((id) => ({
      queryKey: caseKey(id),
      queryFn: () => unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } })),
    })),
  });
  if (ids.length === 0) return <ErrorState error={new Error('没有选择要打印的申请')} />;
  const failed = cases.find((c) => c.error);
  if (failed) return <ErrorState error={failed.error} />;
  if (cases.some((c) => !c.data)) return <Loading />;
  return (
    <PrintFrame
      title={ids.length === 1 ? `${cases[0]?.data?.serialNo ?? ''}办理材料` : `申请办理材料（${ids.length}件）`}
    >
      {cases.map(({ data: detail }) =>
        detail ? (
          <div key={detail.id} style={{ display: 'contents' }}>
            {parts.has('registration') && <RegistrationForm detail={detail} />}
            {parts.has('approval') && <ApprovalForm detail={detail} />}
            {parts.has('answer') && (detail.state.outcome ?? detail.state.answer?.outcome) && (
              <LetterSheet id={detail.id} kind="answer" label="答复书" />
            )}
          </div>
        ) : null,
      )}
    </PrintFrame>
  );
}
