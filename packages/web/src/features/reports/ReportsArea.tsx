import { Navigate, Route, Routes, useParams } from 'react-router';
import { ReportEditor } from './ReportEditor.js';
import { chinaYear } from '../../components/years.js';

function ReportYear() {
  const { year } = useParams();
  const parsed = Number(year);
  if (!Number.isInteger(parsed) || parsed < 2019 || parsed > 2100) return <Navigate to="/reports" replace />;
  return <ReportEditor key={parsed} year={parsed} />;
}

/** 年度报告: /reports opens this year's report, /reports/:year any year's. */
export default function ReportsArea() {
  return (
    <Routes>
      <Route index element={<Navigate to={`/reports/${chinaYear()}`} replace />} />
      <Route path=":year" element={<ReportYear />} />
      <Route path="*" element={<Navigate to="/reports" replace />} />
    </Routes>
  );
}
