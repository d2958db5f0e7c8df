import { BodyBuilder } from './body.js';
import { E, elementCodes, type Item } from './elements.js';
import { ListCounter, readNumbering } from './numbering.js';
import { decodeEntities, namespacePrefixes } from './xml.js';

/*
 * word/document.xml in one pass with a small hand-written tag scanner: no DOM, no namespace
 * resolution beyond finding the prefixes the root element binds. Well-formedness is checked as
 * the tags go by; only the elements with a code (see elements.ts) reach the body builder.
 */

export interface Parsed {
  items: Item[];
  altChunks: number;
}

/** Where the root element's start tag begins and ends, past the prolog's declarations and comments. */
function rootTag(xml: string): { start: number; end: number } {
  let i = 0;
  let rootStart = -1;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const close = next === 0x21 && xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt) : xml.indexOf('>', lt);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    rootStart = lt;
    break;
  }
  if (rootStart < 0) throw new Error('没有根元素');
  const rootEnd = xml.indexOf('>', rootStart);
  if (rootEnd < 0) throw new Error('根元素不完整');
  return { start: rootStart, end: rootEnd };
}

/** The end of a start tag beginning at `lt`: its `>` outside quoted attribute values. */
function startTagEnd(xml: string, lt: number): number {
  const n = xml.length;
  let j = lt + 1;
  let quote = 0;
  for (; j < n; j += 1) {
    const c = xml.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e /* > */) break;
  }
  if (j >= n) throw new Error('开始标签不完整');
  return j;
}

/** Where a comment, CDATA section or processing instruction at `lt` ends; CDATA text goes to the builder. */
function skipMarkup(xml: string, lt: number, builder: BodyBuilder): number {
  if (xml.charCodeAt(lt + 1) === 0x3f /* ? */) {
    const end = xml.indexOf('?>', lt + 2);
    if (end < 0) throw new Error('处理指令不完整');
    return end + 2;
  }
  if (xml.startsWith('<!--', lt)) {
    const end = xml.indexOf('-->', lt + 4);
    if (end < 0) throw new Error('注释不完整');
    return end + 3;
  }
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = xml.indexOf(']]>', lt + 9);
    if (end < 0) throw new Error('CDATA 不完整');
    if (builder.inText) builder.text(xml.slice(lt + 9, end));
    return end + 3;
  }
  throw new Error('含有不应出现的 DOCTYPE 声明');
}

/** Scans word/document.xml. Throws a plain Error with a Chinese reason when it is not well-formed. */
export function parseDocumentXml(
  xml: string,
  parts: { numbering?: string | undefined; styles?: string | undefined } = {},
): Parsed {
  const root = rootTag(xml);
  // Word binds both on the root; when a generator binds them lower down, assume the usual prefixes.
  const bound = namespacePrefixes(xml.slice(root.start, root.end + 1));
  const w = bound.w ?? 'w';
  const codes = elementCodes(w, bound.mc ?? 'mc');
  const lists =
    parts.numbering === undefined ? undefined : new ListCounter(readNumbering(parts.numbering, parts.styles, w));
  const builder = new BodyBuilder(
    {
      val: w ? `${w}:val` : 'val',
      width: w ? `${w}:w` : 'w',
      fldCharType: w ? `${w}:fldCharType` : 'fldCharType',
    },
    lists,
  );
  const names: string[] = [];
  /** While > 0, everything below the element at this depth is ignored. */
  let skipDepth = 0;
  let i = root.start;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      if (xml.slice(i).trim() !== '') throw new Error('文末有多余的内容');
      break;
    }
    if (lt > i && builder.inText) builder.text(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new Error('结束标签不完整');
      const name = xml.slice(lt + 2, gt).trimEnd();
      const open = names.pop();
      if (open !== name) throw new Error(`标签 <${open ?? ''}> 与 </${name}> 不匹配`);
      i = gt + 1;
      if (skipDepth > 0) {
        if (names.length < skipDepth) skipDepth = 0;
        continue;
      }
      builder.close(codes.get(name) ?? E.Other);
      continue;
    }
    if (c1 === 0x21 /* ! */ || c1 === 0x3f /* ? */) {
      i = skipMarkup(xml, lt, builder);
      continue;
    }
    const j = startTagEnd(xml, lt);
    let k = lt + 1;
    for (; k < j; k += 1) {
      const c = xml.charCodeAt(k);
      if (c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) break;
    }
    const name = xml.slice(lt + 1, k);
    if (name === '') throw new Error('标签没有名称');
    const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
    i = j + 1;
    if (!selfClosing) names.push(name);
    if (skipDepth > 0) continue;
    const code = codes.get(name) ?? E.Other;
    if (code === E.Other) continue;
    if (!builder.open(code, xml.slice(lt, j + 1), selfClosing) && !selfClosing) skipDepth = names.length;
  }
  if (names.length > 0) throw new Error(`元素 <${names[names.length - 1] ?? ''}> 没有结束`);
  return { items: builder.body.items, altChunks: builder.altChunks };
}
