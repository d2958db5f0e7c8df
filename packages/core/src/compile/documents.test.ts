import { describe, expect, it } from 'vitest';
import { countDocuments, documentName } from './documents.js';
import { CompileError } from './errors.js';
import type { DocumentRecord } from './records.js';

const regulation = (number: string, issuedOn: string, repealedOn?: string): DocumentRecord => ({
  kind: 'regulation',
  number,
  title: `关于${number}的规定`,
  issuedOn,
  ...(repealedOn ? { repealedOn } : {}),
});

const REGISTER: DocumentRecord[] = [
  regulation('令第1号', '2020-05-01'), // in force throughout
  regulation('令第2号', '2021-03-01', '2024-06-30'), // repealed in the year
  regulation('令第3号', '2024-01-01'), // issued on the first day
  regulation('令第4号', '2024-12-31', '2024-12-31'), // issued and repealed on the last day
  regulation('令第5号', '2025-01-01'), // issued after the year
  regulation('令第6号', '2019-01-01', '2023-12-31'), // repealed before the year
  regulation('令第7号', '2022-01-01', '2025-01-01'), // repealed after the year: in force at its end
  { kind: 'normativeDoc', title: '无文号的规范性文件', issuedOn: '2024-07-01' },
];

describe('countDocuments, 2021 format', () => {
  const { cells, sources } = countDocuments(REGISTER, 2024, '2021');

  it('counts issued and repealed in the year, and in force on 31 December', () => {
    expect(cells['s2.regulations.issued']).toBe(2);
    expect(cells['s2.regulations.repealed']).toBe(2);
    expect(cells['s2.regulations.inForce']).toBe(3);
    expect(sources['s2.regulations.inForce']).toEqual({ documents: ['令第1号', '令第3号', '令第7号'] });
    expect(sources['s2.regulations.repealed']).toEqual({ documents: ['令第2号', '令第4号'] });
  });

  it('names a document without 文号 by its title', () => {
    expect(cells['s2.normativeDocs.issued']).toBe(1);
    expect(sources['s2.normativeDocs.inForce']).toEqual({ documents: ['无文号的规范性文件'] });
    expect(documentName({ kind: 'regulation', number: '  ', title: '标题', issuedOn: '2024-01-01' })).toBe('标题');
  });

  it('keeps in force = last year in force + issued − repealed', () => {
    const last = countDocuments(REGISTER, 2023, '2021').cells;
    for (const row of ['regulations', 'normativeDocs']) {
      expect(cells[`s2.${row}.inForce`]).toBe(
        (last[`s2.${row}.inForce`] ?? 0) + (cells[`s2.${row}.issued`] ?? 0) - (cells[`s2.${row}.repealed`] ?? 0),
      );
    }
  });

  it('yields the six document cells of the format and nothing else', () => {
    expect(Object.keys(cells).sort()).toEqual(
      ['issued', 'repealed', 'inForce'].flatMap((c) => [`s2.regulations.${c}`, `s2.normativeDocs.${c}`]).sort(),
    );
  });
});

describe('countDocuments, 2019 format', () => {
  it('counts made = published = issued in the year, and total = in force at its end', () => {
    const { cells } = countDocuments(REGISTER, 2024, '2019');
    expect(cells).toEqual({
      's2.regulations.made': 2,
      's2.regulations.published': 2,
      's2.regulations.total': 3,
      's2.normativeDocs.made': 1,
      's2.normativeDocs.published': 1,
      's2.normativeDocs.total': 1,
    });
  });
});

describe('countDocuments: records that cannot be counted', () => {
  const fails = (record: Record<string, unknown>, message: RegExp | string) =>
    expect(() =>
      countDocuments([{ ...regulation('令第9号', '2024-03-01'), ...record } as DocumentRecord], 2024, '2021'),
    ).toThrow(message);

  it('refuses a document repealed before it was issued, naming it', () => {
    fails({ repealedOn: '2024-02-01' }, /文件“令第9号”的废止日期 2024-02-01 早于制发日期 2024-03-01/);
  });

  it('refuses bad dates, unknown kinds and documents without a title', () => {
    fails({ issuedOn: '2024-3-1' }, /文件“令第9号”的制发日期“2024-3-1”不是有效日期/);
    fails({ repealedOn: '2024-04-31' }, /文件“令第9号”的废止日期“2024-04-31”不是有效日期/);
    fails({ kind: 'notice' }, /文件“令第9号”的类别“notice”无效/);
    fails({ kind: 'toString' }, /类别“toString”无效/);
    fails({ title: '' }, '第1件文件没有标题');
    expect(() => countDocuments([{ ...regulation('x', 'bad') }], 2024, '2019')).toThrow(CompileError);
  });
});
