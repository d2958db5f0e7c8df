import { ParseError } from '../../errors.js';
import type { Extractor } from '../types.js';
import { Damaged } from './binary.js';
import { CompoundFile } from './compound-file.js';
import { extractWord, type Extracted } from './word.js';

/*
 * Word 97–2003 (.doc) → intermediate document. The file is an OLE compound file whose
 * WordDocument stream holds the text in pieces (the piece table, "CLX"); paragraph
 * properties (PAPX, in 512-byte FKP pages) say which paragraphs are table cells and which
 * mark the end of a row, and the row-end paragraph carries the row's cell boundaries and
 * merge flags (sprmTDefTable). From these the tables are rebuilt with grid positions.
 *
 * word-extractor is not used: its getBody() turns cell marks into '\t' and row ends into
 * '\n' only when the row's properties fit in the FKP page, so the rows of a wide table (whose
 * properties Word and LibreOffice store in the Data stream, sprmPHugePapx) run together; it
 * cannot tell a cell's second paragraph from a new row; its OLE reader loops forever on a
 * cyclic sector chain; and it needs Node's Buffer and streams, which the core does without.
 * References are to [MS-CFB] and [MS-DOC].
 */

export const extractDoc: Extractor = async (bytes, options) => {
  const { file, limits } = options;
  if (bytes.length === 0) throw new ParseError('empty', '文件是空的', file);
  if (bytes.length > limits.maxBytes) {
    throw new ParseError('too-large', `文件过大（${bytes.length} 字节），超过 ${limits.maxBytes} 字节的上限`, file);
  }
  try {
    const cfb = new CompoundFile(bytes);
    if (cfb.streams.has('EncryptedPackage') || cfb.streams.has('EncryptionInfo')) {
      throw new ParseError('encrypted', '文件已加密（设置了打开密码），请提供未加密的文件', file);
    }
    if (!cfb.streams.has('WordDocument')) {
      const kind =
        cfb.streams.has('Workbook') || cfb.streams.has('Book')
          ? 'Excel 工作簿'
          : cfb.streams.has('PowerPoint Document')
            ? 'PowerPoint 演示文稿'
            : undefined;
      throw new ParseError(
        'unsupported',
        kind ? `这是${kind}，不是 Word 文档` : '这个 OLE 复合文件不是 Word 文档',
        file,
      );
    }
    let extracted: Extracted;
    try {
      extracted = extractWord(cfb);
    } catch (error) {
      if (error instanceof ParseError && error.code === 'encrypted') {
        throw new ParseError('encrypted', 'Word 文档已加密（设置了打开密码），请提供未加密的文件', file);
      }
      if (error instanceof ParseError && error.code === 'unsupported') {
        throw new ParseError(
          'unsupported',
          '这是 Word 6.0/95 格式的旧文档，请用 Word 或 WPS 另存为 DOCX 后再读取',
          file,
        );
      }
      throw error;
    }
    const messages =
      extracted.tablesWithoutRows > 0
        ? [
            {
              rule: 'doc-table-rows',
              severity: 'warning' as const,
              message: `有 ${extracted.tablesWithoutRows} 处表格读不出行的边界，其单元格按制表符分隔的一行读取`,
            },
          ]
        : [];
    return { source: 'doc', nodes: extracted.nodes, messages };
  } catch (error) {
    if (error instanceof ParseError) throw error;
    if (error instanceof Damaged)
      throw new ParseError('corrupt', `DOC 文件已损坏或不完整（${error.message}），无法读取`, file);
    if (error instanceof RangeError || error instanceof TypeError) {
      throw new ParseError('corrupt', 'DOC 文件已损坏或不完整，无法读取', file);
    }
    throw error;
  }
};
