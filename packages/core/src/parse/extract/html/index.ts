import type { ExtractMessage, PageFields } from '../../document.js';
import { ParseError } from '../../errors.js';
import type { Extractor } from '../types.js';
import { decodePage } from './decode.js';
import { Emitter } from './emit.js';
import { lineIndex } from './lines.js';
import { buildTree, hasVisibleText } from './tree.js';

/*
 * HTML pages as government sites publish them: the report's text and tables, in reading order,
 * without the site around them. Two passes: htmlparser2's streaming parser builds a small tree of
 * only the elements that can carry report text (chrome is dropped as it is parsed); a walk of that
 * tree then emits lines and tables. The tree is needed because whether a <table> is a data table
 * or page layout can only be told once all of its cells are known.
 */

/**
 * The title, organ and date a government site's page declares in its head (the fields the national
 * guidance for government websites asks for: ArticleTitle, ContentSource, PubDate).
 */
function pageFields(meta: ReadonlyMap<string, string>): PageFields {
  const field = (name: string): string | undefined => meta.get(name)?.replace(/\s+/g, ' ').trim() || undefined;
  const title = field('articletitle');
  const organ = field('contentsource');
  const date = /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/.exec(field('pubdate') ?? '');
  const publishedOn = date
    ? `${date[1]}-${(date[2] as string).padStart(2, '0')}-${(date[3] as string).padStart(2, '0')}`
    : undefined;
  return { ...(title ? { title } : {}), ...(organ ? { organ } : {}), ...(publishedOn ? { publishedOn } : {}) };
}

/** Reads an HTML page: its text lines and data tables, without the site's navigation and layout. */
export const extractHtml: Extractor = async (bytes, options) => {
  if (bytes.length === 0) throw new ParseError('empty', '文件为空', options.file);
  if (bytes.length > options.limits.maxBytes) {
    throw new ParseError(
      'too-large',
      `文件有 ${bytes.length} 字节，超过上限 ${options.limits.maxBytes} 字节`,
      options.file,
    );
  }
  const { text, message } = decodePage(bytes);
  if (!hasVisibleText(text)) throw new ParseError('empty', '文件只有空白，没有内容', options.file);
  const { root, meta } = buildTree(text, options);
  const emitter = new Emitter(lineIndex(text), options.file);
  emitter.run(root);
  const messages: ExtractMessage[] = message ? [message] : [];
  if (emitter.nodes.length === 0) {
    messages.push({
      rule: 'html-no-text',
      severity: 'warning',
      message: '网页中没有读到正文，正文可能由网页脚本在浏览器中生成，或在框架（frame）引用的另一个网页中',
    });
  }
  return { source: 'html', nodes: emitter.nodes, messages, page: pageFields(meta) };
};
