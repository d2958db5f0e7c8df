import { describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../cases/state.js';
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from './index.js';

describe('the audit vocabulary', () => {
  it('names the objects and actions the server records in Chinese', () => {
    expect(auditEntityLabel('session')).toBe('登录会话');
    expect(auditEntityLabel('application')).toBe('政府信息公开申请');
    expect(auditActionLabel('login')).toBe('登录');
    expect(auditActionLabel('intake')).toBe('登记收到申请');
    expect(auditActionLabel('approveAnswer')).toBe('审核通过并答复');
    for (const type of Object.keys(ACTION_LABELS))
      expect(auditActionLabel(type)).toBe(ACTION_LABELS[type as 'withdraw']);
  });

  it('never shows a code, even one not in the vocabulary', () => {
    expect(auditEntityLabel('somethingNew')).toBe('其他对象');
    expect(auditActionLabel('somethingNew')).toBe('其他操作');
    for (const label of Object.values(AUDIT_ENTITY_LABELS)) expect(label).not.toMatch(/[A-Za-z]/);
  });
});
