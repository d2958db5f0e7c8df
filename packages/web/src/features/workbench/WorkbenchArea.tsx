import { Navigate, Route, Routes } from 'react-router';
import { CasePage } from './CasePage.js';
import { WorkbenchHome } from './WorkbenchHome.js';

/** 依申请公开 for 经办人 and 审核人: the list, intake, and each case. */
export default function WorkbenchArea() {
  return (
    <Routes>
      <Route index element={<WorkbenchHome />} />
      <Route path=":id" element={<CasePage />} />
      <Route path="*" element={<Navigate to="/workbench" replace />} />
    </Routes>
  );
}
