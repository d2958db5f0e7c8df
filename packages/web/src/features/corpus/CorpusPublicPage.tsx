import { usePublicPage } from '../../components/usePublicPage.js';
import { Layout, Typography } from 'antd';
import { Link, Route, Routes } from 'react-router';
import { CorpusDashboard } from './CorpusDashboard.js';
import { CorpusReportPage } from './CorpusReportPage.js';
import './corpus.css';

/** The public corpus page, without login: anyone browses the figures, the reports and downloads them. */
export default function CorpusPublicPage() {
  usePublicPage('政府信息公开工作年度报告数据');
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#b7262d', display: 'flex', alignItems: 'center', paddingInline: 32 }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0, flex: 1 }}>
          政府信息公开工作年度报告数据
        </Typography.Title>
        <Link to="/login" style={{ color: '#fff', opacity: 0.9 }}>
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content style={{ width: '100%', maxWidth: 1400, margin: '0 auto', padding: '20px 24px 32px' }}>
        <Typography.Paragraph type="secondary">
          各级行政机关公开发布的政府信息公开工作年度报告中的法定表格数据，只计各报告的现行版本。点击图表中的任一柱或点，查看其背后的报告。
        </Typography.Paragraph>
        <Routes>
          <Route index element={<CorpusDashboard base="/corpus" />} />
          <Route path="reports/:id" element={<CorpusReportPage base="/corpus" />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
