import { Navigate, Route, Routes } from 'react-router';
import { CasesPrint } from './CasesPrint.js';
import { LedgerPrint } from './LedgerPrint.js';
import { AuditPrint, SupervisionPrint } from './ListPrint.js';
import { DocumentsPrint, ReviewsPrint } from './RegisterPrint.js';

/**
 * Print pages, outside the app's frame: the 台账, the registers, a case's (or the chosen cases')
 * forms and letter, the supervision table and the audit log.
 */
export default function PrintArea() {
  return (
    <Routes>
      <Route path="applications" element={<LedgerPrint />} />
      <Route path="cases" element={<CasesPrint />} />
      <Route path="documents" element={<DocumentsPrint />} />
      <Route path="reviews" element={<ReviewsPrint />} />
      <Route path="supervision" element={<SupervisionPrint />} />
      <Route path="audit" element={<AuditPrint />} />
      <Route path="*" element={<Navigate to="/workbench" replace />} />
    </Routes>
  );
}
