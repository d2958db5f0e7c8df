import type { DocumentKind, ReviewKind, ReviewResult } from './types.js';

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  regulation: '规章',
  normativeDoc: '行政规范性文件',
};

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind, string>> = {
  review: '行政复议',
  suit: '行政诉讼（未经复议）',
  suitAfterReview: '行政诉讼（复议后起诉）',
};

export const REVIEW_RESULT_LABELS: Readonly<Record<ReviewResult, string>> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
};

export function options<K extends string>(labels: Readonly<Record<K, string>>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}
