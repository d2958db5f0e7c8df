import type { FeeMethod } from '@xxgk/core';
import type { Dayjs } from 'dayjs';
import type { components } from '../../api/schema.js';

/** An action as the API takes it (CaseActionRequest). */
export type ActionBody = components['schemas']['CaseActionRequest']['action'];
/** The outcomes an answer may be drafted with (the core's ANSWER_OUTCOMES). */
export type AnswerOutcome = Extract<ActionBody, { type: 'draftAnswer' }>['outcome'];

/** The action form's values, before they become an ActionBody. */
export interface ActionValues {
  on: Dayjs;
  dueOn?: Dayjs | null;
  note?: string;
  thirdParty?: string;
  method?: FeeMethod;
  quantity?: number;
  days?: number;
  reason?: string;
  outcome?: AnswerOutcome;
  /** 拟写答复: the letter's own paragraphs. */
  body?: string;
  /** 批准答复: the reviewer's 审批意见. */
  opinion?: string;
}
