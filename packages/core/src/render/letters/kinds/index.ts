import type { LetterKind } from '../schema.js';
import type { KindHandler } from '../model.js';
import { answer } from './answer.js';
import { consultationNotice } from './consultation.js';
import { correctionNotice } from './correction.js';
import { extensionNotice } from './extension.js';
import { feeNotice } from './fee.js';

/** One handler per kind of letter: the text between the addressee and the signature. */
export const KIND_HANDLERS: Readonly<Record<LetterKind, KindHandler>> = {
  answer,
  correctionNotice,
  extensionNotice,
  feeNotice,
  consultationNotice,
};
