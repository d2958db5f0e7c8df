import { useQueryClient } from '@tanstack/react-query';
import { cellName, countBySeverity } from '@xxgk/core';
import { Alert, App, Button, Col, InputNumber, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { saveImport, savedImportKeys } from './api.js';
import { DuplicateModal } from './DuplicateModal.js';
import { dateTime } from './format.js';
import { ComparisonTable } from './ComparisonTable.js';
import { CorrectionModal } from './CorrectionModal.js';
import { FindingsList } from './FindingsList.js';
import { ReportTables } from './ReportTables.js';
import { useWorkspaceInView } from './inView.js';
import { SourcePanel, sourcePlace } from './SourcePanel.js';
import type { Correction, DuplicateChoice, ParsedFile, SavedImport } from './types.js';

interface Props {
  readonly organId: number;
  readonly file: File;
  readonly parsed: ParsedFile;
}

/** The value the reader got for a cell, before any correction; null where it read none. */
function valueRead(parsed: ParsedFile, cellId: string): number | null {
  return parsed.report.cells[cellId] ?? null;
}

/** What the file says of itself (organ, year, format) and how many findings of each kind. */
function FileMeta({ parsed }: { parsed: ParsedFile }) {
  const counts = countBySeverity([...parsed.findings]);
  return (
    <Space wrap size="small" className="import-meta">
      <span>机关：{parsed.report.meta.agency ?? '未读出'}</span>
      <span>年度：{parsed.year ?? '未读出'}</span>
      <span>格式：{parsed.report.meta.format === 'unknown' ? '未识别' : `${parsed.report.meta.format}年版`}</span>
      <span>
        检查结果：<Tag color="red">错误 {counts.error}</Tag>
        <Tag color="orange">警告 {counts.warning}</Tag>
        <Tag color="blue">提示 {counts.info}</Tag>
      </span>
    </Space>
  );
}

/** The figure chosen: its cell, the value read (and corrected), where the file has it, 修改. */
function Selection({
  cellId,
  read,
  correction,
  source,
  canEdit,
  onEdit,
}: {
  cellId: string;
  read: number | null;
  correction: Correction | undefined;
  source: ParsedFile['provenance'][string] | undefined;
  canEdit: boolean;
  onEdit: () => void;
}) {
  return (
    <Space wrap size="small">
      <Typography.Text strong>{cellName(cellId)}</Typography.Text>
      <span>
        读出 {read ?? '空白'}
        {correction && (
          <Tag color="purple" style={{ marginLeft: 8 }}>
            已人工更正为 {correction.value ?? '空白'}
          </Tag>
        )}
      </span>
      <span className="import-place">
        {source ? `出处：${sourcePlace(source)}“${source.text ?? ''}”` : '出处：原文中没有对应位置（空白或推断）'}
      </span>
      <Button size="small" onClick={onEdit} disabled={!canEdit}>
        修改
      </Button>
    </Space>
  );
}

/** Below the workspace: the findings, the comparison with the organ's own report, the corrections. */
function ResultTabs({
  parsed,
  corrections,
  onSelect,
}: {
  parsed: ParsedFile;
  corrections: ReadonlyMap<string, Correction>;
  onSelect: (cellId: string) => void;
}) {
  return (
    <Tabs
      items={[
        {
          key: 'findings',
          label: `检查结果（${parsed.findings.length}）`,
          children: <FindingsList findings={parsed.findings} onSelect={onSelect} />,
        },
        {
          key: 'comparison',
          label: '与本机关报告比较',
          children: <ComparisonTable comparison={parsed.comparison} year={parsed.year} />,
        },
        {
          key: 'corrections',
          label: `人工更正（${corrections.size}）`,
          children:
            corrections.size === 0 ? (
              <Typography.Text type="secondary">没有人工更正。</Typography.Text>
            ) : (
              <ul className="import-corrections">
                {[...corrections.values()].map((c) => (
                  <li key={c.cellId}>
                    {cellName(c.cellId)}：{valueRead(parsed, c.cellId) ?? '空白'} → {c.value ?? '空白'}
                    ，理由：{c.reason}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}

/** The year the report is saved under (the person's, when the file gives none) and 保存. */
function SaveBar({
  id,
  year,
  onYear,
  saving,
  saved,
  onSave,
}: {
  id: string;
  year: number | null;
  onYear: (year: number | null) => void;
  saving: boolean;
  saved: SavedImport | null;
  onSave: () => void;
}) {
  return (
    <Space wrap>
      <label htmlFor={id}>报告年度</label>
      <InputNumber
        id={id}
        min={2008}
        max={2100}
        value={year}
        onChange={(value) => onYear(value ?? null)}
        disabled={saved !== null}
      />
      <Button type="primary" loading={saving} disabled={saved !== null} onClick={onSave}>
        保存
      </Button>
      {saved && (
        <Typography.Text type="success">
          已保存（导入编号 {saved.id}，人工更正 {saved.corrections.length} 处）
        </Typography.Text>
      )}
    </Space>
  );
}

/** The tables read, beside the file's text; the figure chosen is shown above with its source. */
function Workspace({
  parsed,
  selected,
  onSelect,
  corrections,
  canEdit,
  onEdit,
}: {
  parsed: ParsedFile;
  selected: string | null;
  onSelect: (cellId: string) => void;
  corrections: ReadonlyMap<string, Correction>;
  canEdit: boolean;
  onEdit: (cellId: string) => void;
}) {
  const workspace = useRef<HTMLDivElement>(null);
  const tablePane = useRef<HTMLDivElement>(null);
  useWorkspaceInView(workspace, tablePane, selected);
  const source = selected ? parsed.provenance[selected] : undefined;
  const flagged = new Set(parsed.findings.flatMap((f) => (f.severity === 'info' ? [] : f.cells)));
  return (
    <div ref={workspace} className="import-workspace">
      <div className="import-selection" aria-live="polite">
        {selected ? (
          <Selection
            cellId={selected}
            read={valueRead(parsed, selected)}
            correction={corrections.get(selected)}
            source={source}
            canEdit={canEdit}
            onEdit={() => onEdit(selected)}
          />
        ) : (
          <Typography.Text type="secondary">
            点击表格中的数字，在右侧原文中查看它的出处；读错的数字可以修改。
          </Typography.Text>
        )}
      </div>

      <Row gutter={12}>
        <Col span={14}>
          <div ref={tablePane} className="import-pane" aria-label="读出的表格">
            <ReportTables
              report={parsed.report}
              selected={selected}
              corrections={corrections}
              flagged={flagged}
              onSelect={onSelect}
            />
          </div>
        </Col>
        <Col span={10}>
          <SourcePanel document={parsed.document} source={source} />
        </Col>
      </Row>
    </div>
  );
}

/** The same file was imported before: saving will ask whether to replace that import or keep both. */
function AlreadyImported({ existing }: { existing: NonNullable<ParsedFile['alreadyImported']> }) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="already-imported"
      title={`此文件已于 ${dateTime(existing.importedAt)} 导入（${existing.year}年度，导入编号 ${existing.id}）；保存时请选择替换原导入或另存一份`}
    />
  );
}

/** One file read: its tables beside the source, corrections by hand, findings, comparison, 保存. */
export function ParsedFileView({ organId, file, parsed }: Props) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<ReadonlyMap<string, Correction>>(new Map());
  const [year, setYear] = useState<number | null>(parsed.year);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SavedImport | null>(null);
  /** Asking whether to replace the earlier import of the same file or keep both; the server's words when it said so. */
  const [asking, setAsking] = useState<{ message?: string } | null>(null);

  async function save(onDuplicate?: DuplicateChoice) {
    if (year === null) {
      message.error('请选择报告年度：文件中没有写明的，由导入人确定');
      return;
    }
    // The same file was imported before: the person says whether to replace it or keep both.
    if (parsed.alreadyImported && !onDuplicate) {
      setAsking({});
      return;
    }
    setSaving(true);
    try {
      const result = await saveImport(organId, file, year, [...corrections.values()], onDuplicate);
      setSaved(result);
      // The list of saved imports, on whichever page and filter it shows, now has this one.
      void queryClient.invalidateQueries({ queryKey: savedImportKeys.lists(organId) });
      message.success(`已保存为${result.year}年度已发布的报告（导入编号 ${result.id}）`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'duplicate-import') setAsking({ message: error.message });
      else message.error(error instanceof Error ? error.message : '保存失败');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <FileMeta parsed={parsed} />

      <Workspace
        parsed={parsed}
        selected={selected}
        onSelect={setSelected}
        corrections={corrections}
        canEdit={saved === null}
        onEdit={setEditing}
      />

      <ResultTabs parsed={parsed} corrections={corrections} onSelect={setSelected} />

      {parsed.alreadyImported && !saved && <AlreadyImported existing={parsed.alreadyImported} />}
      {parsed.year === null && !saved && (
        <Alert type="warning" showIcon title="文件中没有写明报告年度，请在下面选择报告年度后保存" />
      )}
      <SaveBar
        id={`year-${file.name}`}
        year={year}
        onYear={setYear}
        saving={saving}
        saved={saved}
        onSave={() => void save()}
      />

      <DuplicateModal
        fileName={file.name}
        existing={parsed.alreadyImported}
        {...(asking?.message ? { message: asking.message } : {})}
        open={asking !== null}
        onChoose={(choice) => {
          setAsking(null);
          if (choice) void save(choice);
        }}
      />
      <CorrectionModal
        cellId={editing}
        current={editing ? (corrections.get(editing)?.value ?? valueRead(parsed, editing)) : null}
        onCancel={() => setEditing(null)}
        onSave={(correction) => {
          setCorrections(new Map(corrections).set(correction.cellId, correction));
          setEditing(null);
        }}
      />
    </Space>
  );
}
