import { PROSE_SECTION_KEYS, SECTION_TITLES, type ProseSection } from '@xxgk/core';
import { Alert, App, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useSaveSections } from './api.js';
import type { ReportState, Sections } from './types.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

type SectionKey = (typeof PROSE_SECTION_KEYS)[number];

/** One paragraph a line in the text area; blank lines are dropped. */
function toParagraphs(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface Draft {
  readonly lead: string;
  readonly subsections: readonly { readonly heading: string; readonly text: string }[];
}

function toDraft(section: ProseSection): Draft {
  return {
    lead: section.paragraphs.join('\n'),
    subsections: section.subsections.map((sub) => ({ heading: sub.heading, text: sub.paragraphs.join('\n') })),
  };
}

function fromDraft(draft: Draft, original: ProseSection): ProseSection {
  return {
    ...original,
    paragraphs: toParagraphs(draft.lead),
    subsections: draft.subsections.map((sub) => ({ heading: sub.heading.trim(), paragraphs: toParagraphs(sub.text) })),
  };
}

type Subsection = Draft['subsections'][number];

/** A subsection: its heading (removable while editing) and its text. */
function SubsectionFields({
  id,
  title,
  index,
  sub,
  readOnly,
  onChange,
  onRemove,
}: {
  id: string;
  title: string;
  index: number;
  sub: Subsection;
  readOnly: boolean;
  onChange: (patch: Partial<Subsection>) => void;
  onRemove: () => void;
}) {
  return (
    <div style={{ marginTop: 12 }}>
      <Space.Compact style={{ width: '100%', marginBottom: 4 }}>
        <Input
          aria-label={`${title} 第${index + 1}个小标题`}
          value={sub.heading}
          readOnly={readOnly}
          onChange={(event) => onChange({ heading: event.target.value })}
        />
        {!readOnly && <Button onClick={onRemove}>删除小节</Button>}
      </Space.Compact>
      <Input.TextArea
        id={id}
        aria-label={`${title} ${sub.heading}`}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={sub.text}
        readOnly={readOnly}
        onChange={(event) => onChange({ text: event.target.value })}
      />
    </div>
  );
}

/** One prose section: its lead text (正文, or 导语 before subsections) and its subsections. */
function SectionCard({
  id,
  title,
  draft,
  readOnly,
  onChange,
}: {
  id: string;
  title: string;
  draft: Draft;
  readOnly: boolean;
  onChange: (draft: Draft) => void;
}) {
  const leadLabel = draft.subsections.length > 0 ? '导语' : '正文';
  const setSubsections = (subsections: readonly Subsection[]) => onChange({ ...draft, subsections });
  return (
    <Card size="small" title={title}>
      <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
        {leadLabel}
      </label>
      <Input.TextArea
        id={id}
        aria-label={`${title} ${leadLabel}`}
        autoSize={{ minRows: 2, maxRows: 10 }}
        value={draft.lead}
        readOnly={readOnly}
        onChange={(event) => onChange({ ...draft, lead: event.target.value })}
      />
      {draft.subsections.map((sub, index) => (
        <SubsectionFields
          key={index}
          id={`${id}-${index}`}
          title={title}
          index={index}
          sub={sub}
          readOnly={readOnly}
          onChange={(patch) => setSubsections(draft.subsections.map((s, i) => (i === index ? { ...s, ...patch } : s)))}
          onRemove={() => setSubsections(draft.subsections.filter((_, i) => i !== index))}
        />
      ))}
      {!readOnly && (
        <Button
          type="dashed"
          size="small"
          style={{ marginTop: 12 }}
          onClick={() =>
            setSubsections([
              ...draft.subsections,
              { heading: `（${NUMERALS[draft.subsections.length] ?? draft.subsections.length + 1}）`, text: '' },
            ])
          }
        >
          添加小节
        </Button>
      )}
    </Card>
  );
}

interface Props {
  readonly organId: number;
  readonly state: ReportState;
  readonly sections: Sections;
  /** A published report's prose is frozen (the server refuses changes too). */
  readonly readOnly?: boolean;
  readonly onConflict: () => void;
}

/**
 * The prose sections 一、五、六 written by people, edited in place: the lead text and each
 * subsection, one paragraph a line; saved with the report's version.
 */
export function SectionsEditor({ organId, state, sections, readOnly = false, onConflict }: Props) {
  const { message } = App.useApp();
  const save = useSaveSections(organId, state.year);
  const baseId = useId();
  const [drafts, setDrafts] = useState<Record<SectionKey, Draft>>(() => draftsOf(sections));
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    setDrafts(draftsOf(sections));
    setDirty(false);
  }, [sections, state.version]);

  const change = (key: SectionKey, draft: Draft) => {
    setDrafts((all) => ({ ...all, [key]: draft }));
    setDirty(true);
  };

  const submit = async () => {
    const next: Sections = {
      ...sections,
      overview: fromDraft(drafts.overview, sections.overview),
      problems: fromDraft(drafts.problems, sections.problems),
      otherMatters: fromDraft(drafts.otherMatters, sections.otherMatters),
    };
    try {
      await save.mutateAsync({ version: state.version, sections: next });
      message.success('文字部分已保存，已重新检查');
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error(`${error.message}。已重新载入最新版本`);
        onConflict();
        return;
      }
      message.error(error instanceof Error ? error.message : '保存失败');
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {readOnly ? (
        <Alert
          type="info"
          showIcon
          data-testid="sections-read-only"
          title="报告已发布，文字部分只读"
          description="如需更正，请由记录重新编制（报告回到草稿），修改后由审核人重新发布。"
        />
      ) : (
        <Typography.Text type="secondary">每行一段。第二、三、四部分的表格由记录编制，不在此修改。</Typography.Text>
      )}
      {PROSE_SECTION_KEYS.map((key) => (
        <SectionCard
          key={key}
          id={`${baseId}-${key}`}
          title={sections[key].title ?? SECTION_TITLES[key]}
          draft={drafts[key]}
          readOnly={readOnly}
          onChange={(draft) => change(key, draft)}
        />
      ))}
      {!readOnly && (
        <Space>
          <Button type="primary" onClick={submit} loading={save.isPending} disabled={!dirty}>
            保存文字部分
          </Button>
          {dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
      )}
    </Space>
  );
}

function draftsOf(sections: Sections): Record<SectionKey, Draft> {
  return {
    overview: toDraft(sections.overview),
    problems: toDraft(sections.problems),
    otherMatters: toDraft(sections.otherMatters),
  };
}
