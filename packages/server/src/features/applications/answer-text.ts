import type { CaseActionType } from '@xxgk/core';
import type { ApplicationUpdate } from '../../db/schema.js';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The columns an action writes of the answer's words: a draft replaces the text and clears the
 * last opinion (it was on the draft before), an approval or a return records the reviewer's
 * opinion. The action's fields are the request's, which the route's schema checked.
 */
export function answerColumns(type: CaseActionType, fields: Readonly<Record<string, unknown>>): ApplicationUpdate {
  switch (type) {
    case 'draftAnswer':
      return { answer_body: text(fields.body), answer_opinion: null };
    case 'approveAnswer':
      return { answer_opinion: text(fields.opinion) };
    case 'returnAnswer':
      return { answer_opinion: text(fields.note) };
    default:
      return {};
  }
}
