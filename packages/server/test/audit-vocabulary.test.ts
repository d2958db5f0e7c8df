import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AUDIT_ENTITY_LABELS, auditActionLabel } from '@xxgk/core';
import { describe, expect, it } from 'vitest';

const SOURCES = fileURLToPath(new URL('../src/', import.meta.url));

/** Every `entity: '…'` and `action: '…'` (or `? '…' : '…'`) the server's services write to the audit log. */
async function auditedNames(): Promise<{ entities: Set<string>; actions: Set<string> }> {
  const entities = new Set<string>();
  const actions = new Set<string>();
  const files = (await readdir(SOURCES, { recursive: true })).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = await readFile(`${SOURCES}${file}`, 'utf8');
    if (!text.includes('appendAudit') && !text.includes('audit:')) continue;
    for (const match of text.matchAll(/\bentity: '([\w-]+)'/g)) entities.add(match[1] as string);
    for (const match of text.matchAll(/\baction: ([^,\n]+)/g))
      for (const name of (match[1] as string).matchAll(/'([\w-]+)'/g)) actions.add(name[1] as string);
  }
  return { entities, actions };
}

describe('the audit log speaks Chinese', () => {
  it('has a Chinese name for every object and action the server records', async () => {
    const { entities, actions } = await auditedNames();
    expect(entities.size).toBeGreaterThan(5);
    expect(actions.size).toBeGreaterThan(10);
    for (const entity of entities) expect(AUDIT_ENTITY_LABELS[entity], entity).toBeDefined();
    for (const action of actions) expect(auditActionLabel(action), action).not.toBe('其他操作');
  });
});
