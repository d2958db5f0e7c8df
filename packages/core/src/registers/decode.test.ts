import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode.js';
import { parseDocumentsCsv } from './documents.js';

/**
 * GBK bytes of a text. TextEncoder only writes UTF-8 and iconv-lite is not installed, so the
 * table is read off the WHATWG gb18030 decoder: every two-byte GBK code (lead 0x81–0xFE, trail
 * 0x40–0xFE except 0x7F) decoded once. The test below checks it against codes from the GB 2312
 * table by hand: 中 is 区位 54-48, so 0xD6D0 (区 and 位 plus 0xA0); 文 is 46-36, so 0xCEC4.
 */
function gbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else bytes.push(...(GBK_CODES.get(char) ?? fail(char)));
  }
  return new Uint8Array(bytes);
}

function fail(char: string): never {
  throw new Error(`no GBK code for ${char}`);
}

const GBK_CODES: ReadonlyMap<string, [number, number]> = (() => {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const codes = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (!codes.has(char)) codes.set(char, [lead, trail]);
      } catch {
        // unassigned code
      }
    }
  }
  return codes;
})();

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsv', () => {
  it('has GBK bytes that agree with the GB 2312 table', () => {
    expect([...gbk('中文')]).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
  });

  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const text = '类别,标题\n规章,安全生产管理办法\n';
    expect(decodeCsv(utf8(text))).toBe(text);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
  });

  it('reads GBK, as Excel in China saves CSV', () => {
    const text = '类别,文号,标题,制发日期,废止日期\r\n规章,相政令〔2024〕1号,相山区安全生产管理办法,2024年3月5日,\r\n';
    const bytes = gbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toBe(text);
    expect(parseDocumentsCsv(decodeCsv(bytes))).toEqual({
      rows: [
        {
          line: 2,
          value: {
            kind: 'regulation',
            number: '相政令〔2024〕1号',
            title: '相山区安全生产管理办法',
            issuedOn: '2024-03-05',
          },
        },
      ],
      errors: [],
    });
  });

  it('reads an empty file as empty text', () => {
    expect(decodeCsv(new Uint8Array())).toBe('');
  });
});
