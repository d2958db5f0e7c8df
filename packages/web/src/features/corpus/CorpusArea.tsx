import { Typography } from 'antd';
import { Route, Routes } from 'react-router';
import { CorpusDashboard } from './CorpusDashboard.js';
import { CorpusReportPage } from './CorpusReportPage.js';
import './corpus.css';

/** 年度报告数据分析 inside the app, for the 政务公开办: the same figures as the public page. */
export default function CorpusArea() {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <Typography.Title level={3}>年度报告数据分析</Typography.Title>
            <CorpusDashboard base="/analysis" />
          </>
        }
      />
      <Route path="reports/:id" element={<CorpusReportPage base="/analysis" />} />
    </Routes>
  );
}
