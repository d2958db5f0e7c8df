import type { ExtractMessage } from '../../document.js';
import { ParseError } from '../../errors.js';
import type { Extractor } from '../types.js';
import { findEntry, openZip, readEntries, type ZipArchive } from '../zip.js';
import { emitItems, type Emitter } from './cells.js';
import { parseDocumentXml, type Parsed } from './scan.js';
import { attribute, decodeXml, OFFICE_DOCUMENT_REL } from './xml.js';

/*
 * DOCX (WordprocessingML) → intermediate document, in one pass over word/document.xml with a
 * small hand-written tag scanner: no DOM, no namespace resolution beyond finding the prefixes
 * the root element binds, and only the handful of elements that carry text or table shape are
 * looked at. Headers, footers, footnotes and comments live in other parts and are not read.
 */

/** The main document part: the officeDocument relationship's target, else word/document.xml. */
function mainPart(zip: ZipArchive, limit: number, file: string | undefined): string {
  const rels = findEntry(zip, '_rels/.rels');
  if (rels && rels.size < Math.min(limit, 1024 * 1024)) {
    // Under 1 MiB declared, and stopped at 1 MiB while inflating should the size be forged.
    const [bytes] = readEntries(zip, [rels], limit, file, 'DOCX 文件', 1024 * 1024);
    const xml = decodeXml(bytes as Uint8Array);
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)) {
      const type = attribute(m[0], 'Type');
      const target = attribute(m[0], 'Target');
      if (type && target && OFFICE_DOCUMENT_REL.test(type) && !/^[a-z]+:/i.test(target)) {
        const part = target.replace(/^\.?\//, '');
        if (findEntry(zip, part)) return part;
      }
    }
  }
  return 'word/document.xml';
}

/** Beyond this, numbering and style definitions are not read (a real document's are far smaller). */
const MAX_DEFINITIONS_BYTES = 4 * 1024 * 1024;

/** word/numbering.xml and word/styles.xml, for automatic numbering; absent or oversized ones are not read. */
function listParts(zip: ZipArchive, budget: number, file: string | undefined): { numbering?: string; styles?: string } {
  const numbering = findEntry(zip, 'word/numbering.xml');
  if (!numbering || numbering.size > MAX_DEFINITIONS_BYTES) return {};
  const styles = findEntry(zip, 'word/styles.xml');
  const wanted = styles && styles.size <= MAX_DEFINITIONS_BYTES ? [numbering, styles] : [numbering];
  const limit = Math.max(0, Math.min(budget, 2 * MAX_DEFINITIONS_BYTES));
  try {
    const [numberingBytes, stylesBytes] = readEntries(zip, wanted, limit, file, 'DOCX 文件', MAX_DEFINITIONS_BYTES);
    return {
      numbering: decodeXml(numberingBytes as Uint8Array),
      ...(stylesBytes ? { styles: decodeXml(stylesBytes) } : {}),
    };
  } catch {
    // Damaged definitions cost the numbers, not the document.
    return {};
  }
}

export const extractDocx: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    throw new ParseError('too-large', `文件过大（${bytes.length} 字节），超过 ${limits.maxBytes} 字节的上限`, file);
  }
  const zip = openZip(bytes, file, 'DOCX 文件');
  const part = mainPart(zip, limits.maxInflatedBytes, file);
  const entry = findEntry(zip, part);
  if (!entry) {
    if (findEntry(zip, 'xl/workbook.xml'))
      throw new ParseError('unsupported', '这是 Excel 工作簿（XLSX），不是 Word 文档', file);
    if (findEntry(zip, 'ppt/presentation.xml')) {
      throw new ParseError('unsupported', '这是 PowerPoint 演示文稿（PPTX），不是 Word 文档', file);
    }
    if (findEntry(zip, 'content.xml') && findEntry(zip, 'mimetype')) {
      throw new ParseError('unsupported', '这是 OpenDocument（ODT 等）文件，请另存为 DOCX 或 DOC 后再读取', file);
    }
    throw new ParseError('corrupt', `不是有效的 DOCX 文件：压缩包中没有 ${part}`, file);
  }
  // The package relationships read above (under 1 MiB) count against the same budget.
  const relsSize = findEntry(zip, '_rels/.rels')?.size ?? 0;
  const budget = Math.max(0, limits.maxInflatedBytes - (relsSize < 1024 * 1024 ? relsSize : 0));
  const [xmlBytes] = readEntries(zip, [entry], budget, file, 'DOCX 文件', limits.maxPartBytes);
  let parsed: Parsed;
  try {
    parsed = parseDocumentXml(decodeXml(xmlBytes as Uint8Array), listParts(zip, budget - entry.size, file));
  } catch (error) {
    if (error instanceof ParseError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError('corrupt', `DOCX 文件的正文（${part}）已损坏：${reason}`, file);
  }
  const out: Emitter = { nodes: [], line: 0, table: 0 };
  emitItems(parsed.items, out);
  const messages: ExtractMessage[] = [];
  if (parsed.altChunks > 0) {
    messages.push({
      rule: 'docx-alt-chunk',
      severity: 'warning',
      message: `文档中有 ${parsed.altChunks} 处嵌入的外部内容（altChunk，常见于网页生成的 Word 文件），其中的文字未读取`,
    });
  }
  return { source: 'docx', nodes: out.nodes, messages };
};
