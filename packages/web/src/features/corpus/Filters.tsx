import { Cascader, Space } from 'antd';
import { ExportButton, withQuery } from '../../components/ExportButton.js';
import { LabelSelect } from '../../components/LabelSelect.js';
import { useChoices, type CorpusFilter } from './api.js';

interface Props {
  readonly filter: CorpusFilter;
  onChange(filter: CorpusFilter): void;
}

/** 年度, 行政区划 (省 → 市 → 县), 层级, 机关类别, and the downloads with the same filters. */
export function Filters({ filter, onChange }: Props) {
  const choices = useChoices().data;
  const set = (patch: Partial<CorpusFilter>) => {
    // An option cleared is left out of the query, not sent empty.
    const next = Object.entries({ ...filter, ...patch }).filter(([, value]) => value !== undefined);
    onChange(Object.fromEntries(next) as CorpusFilter);
  };
  const region = filter.region
    ? [filter.region.slice(0, 2), filter.region.slice(0, 4), filter.region.slice(0, 6)].filter(
        (code, i) => code.length === (i + 1) * 2,
      )
    : [];
  const query = { ...filter };
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <LabelSelect
        label="年度"
        placeholder="全部年度"
        width={120}
        value={filter.year}
        options={(choices?.years ?? []).map((year) => ({ value: year, label: `${year}年度` }))}
        onChange={(year) => set({ year })}
      />
      <Cascader
        aria-label="行政区划"
        placeholder="全部地区"
        changeOnSelect
        style={{ width: 260 }}
        value={region}
        options={choices?.regions ?? []}
        onChange={(codes) => set({ region: codes?.length ? String(codes[codes.length - 1]) : undefined })}
      />
      <LabelSelect
        label="层级"
        placeholder="全部层级"
        width={120}
        value={filter.level}
        options={choices?.levels ?? []}
        onChange={(level) => set({ level })}
      />
      <LabelSelect
        label="机关类别"
        placeholder="全部机关"
        width={120}
        value={filter.kind}
        options={choices?.kinds ?? []}
        onChange={(kind) => set({ kind })}
      />
      <ExportButton path={withQuery('/api/corpus/export/csv', query)} fileName="年度报告数据.csv" label="下载 CSV" />
      <ExportButton
        path={withQuery('/api/corpus/export/xlsx', query)}
        fileName="年度报告数据.xlsx"
        label="下载 Excel"
      />
      <ExportButton
        path={withQuery('/api/corpus/export/parquet', query)}
        fileName="年度报告数据.parquet"
        label="下载 Parquet"
      />
    </Space>
  );
}
