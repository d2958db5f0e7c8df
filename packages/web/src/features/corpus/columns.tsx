import { Link } from 'react-router';

/** The organ (opening the report's page) and the year: the first columns of every list of corpus reports. */
export function reportColumns(base: string) {
  return [
    {
      title: '机关',
      dataIndex: 'organName',
      render: (name: string, row: { id: string }) => <Link to={`${base}/reports/${row.id}`}>{name}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 70 },
  ];
}
