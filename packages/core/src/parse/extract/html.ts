import { Parser } from 'htmlparser2';
import type { DocumentNode, ExtractMessage, TableCell } from '../document.js';
import { decodeText, normaliseEncoding, type TextEncoding } from '../encoding.js';
import { ParseError } from '../errors.js';
import type { ExtractOptions, Extractor } from './types.js';

/*
 * HTML pages as government sites publish them: the report's text and tables, in reading order,
 * without the site around them. Two passes: htmlparser2's streaming parser builds a small tree of
 * only the elements that can carry report text (chrome is dropped as it is parsed); a walk of that
 * tree then emits lines and tables. The tree is needed because whether a <table> is a data table
 * or page layout can only be told once all of its cells are known.
 */

// ---------------------------------------------------------------------------------------------
// Limits. Junk must never hang or crash the reader; each bound names the cost it caps.

/** Charset declarations are looked for this far into the bytes (WHATWG's prescan uses 1024; old CMS heads are longer). */
const SNIFF_BYTES = 4096;
/** The parser is fed in pieces of this many characters, so the time budget is checked between them. */
const CHUNK = 65_536;
/**
 * htmlparser2 keeps its open elements in an array it shifts and scans on every tag, so a page of
 * endlessly unclosed tags costs time quadratic in their depth. No real page comes near this.
 */
const MAX_OPEN_ELEMENTS = 5_000;
/** Elements deeper than this attach to their nearest kept ancestor (Blink caps its DOM depth the same way), so the tree walks cannot overflow the stack. */
const MAX_TREE_DEPTH = 256;
/** Largest rowspan or colspan honoured (the HTML standard clamps colspan to 1000 too). */
const MAX_SPAN = 1000;
/** Steps the grid placement may take over all tables: only absurd spans on huge tables reach it. */
const MAX_GRID_STEPS = 50_000_000;

// ---------------------------------------------------------------------------------------------
// Decoding

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_ENCODING = /<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i;

/** WHATWG's "latin1" is windows-1252: every byte is one character and ASCII stays ASCII. */
const latin1 = new TextDecoder('latin1');

/** The charset a page declares in its first bytes, read byte for byte since the markup is ASCII. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = latin1.decode(bytes.subarray(0, SNIFF_BYTES));
  return META_CHARSET.exec(head)?.[1] ?? XML_ENCODING.exec(head)?.[1];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK/GB18030',
  big5: 'Big5',
};

interface DecodedPage {
  readonly text: string;
  readonly message?: ExtractMessage;
}

function decodePage(bytes: Uint8Array): DecodedPage {
  const declared = declaredCharset(bytes);
  const named = normaliseEncoding(declared);
  let hint = declared;
  // A declaration readable as ASCII cannot be true of UTF-16 (WHATWG reads such pages as UTF-8);
  // passing it on would make the strict UTF-16 decode succeed on any even-length file.
  if (named === 'utf-16le' || named === 'utf-16be') hint = 'utf-8';
  // GBK text with any Chinese in it is practically never valid UTF-8, while a UTF-8 page is often
  // valid GB18030 byte by byte (and would decode as mojibake): a valid UTF-8 page under a GBK meta
  // is a copied template whose declaration was never updated.
  else if ((named === 'gb18030' || named === 'big5') && isUtf8(bytes)) hint = 'utf-8';
  const { text, encoding } = decodeText(bytes, hint);
  if (!named || named === encoding) return { text };
  return {
    text,
    message: {
      rule: 'html-charset',
      severity: 'info',
      message: `网页声明的字符编码为 ${declared ?? ''}，与内容不符，已按 ${ENCODING_NAMES[encoding]} 读取`,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The tree

interface TextNode {
  readonly text: string;
  /** Index of the text in the decoded page. */
  readonly start: number;
}

interface ElementNode {
  readonly name: string;
  readonly start: number;
  readonly children: TreeNode[];
  readonly rowSpan?: string | undefined;
  readonly colSpan?: string | undefined;
  /** Filled in lazily by the emitter. */
  measured?: Measure;
  shape?: TableShape;
}

type TreeNode = TextNode | ElementNode;

interface Entry {
  readonly name: string;
  /** Where this element's children go: its own node, or an ancestor's when it is dropped or too deep. */
  readonly node: ElementNode;
  readonly drop: boolean;
  /** Inside <article> or <main>, where <header> and <footer> belong to the report, not the site. */
  readonly inArticle: boolean;
  readonly table: boolean;
}

/** Never report text: scripts, head matter, form controls, embedded objects and their fallbacks. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'title',
  'meta',
  'link',
  'base',
  'nav',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'textarea',
  'iframe',
  'frame',
  'noframes',
  'object',
  'embed',
  'applet',
  'svg',
  'canvas',
  'audio',
  'video',
  'map',
  // Word's "Save as HTML" data islands.
  'xml',
]);

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
/** Tags that restructure the nearest open table when they open. */
const TABLE_PARTS = new Set(['td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'caption', 'colgroup']);
/** Where whitespace between tags is source formatting and other text is misplaced. */
const TABLE_CONTEXT = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
/** Elements that belong to whole pages and are never dropped by their class. */
const NEVER_CHROME = new Set(['html', 'body', 'main', 'article', 'form', 'table', 'tbody', 'thead', 'tfoot', 'tr']);

/** Class or id tokens that are plainly site navigation ("nav", "topnav", "main-menu", "breadcrumb"). */
const NAV_TOKEN =
  /^(?:(?:top|main|site|sub|left|right|page|head|header)[-_]?)?(?:nav(?:bar|igation|list|s)?|menus?|menubar|breadcrumbs?|crumbs?)(?:[-_]?(?:bar|box|wrap|wrapper|list|inner|con|cont|container|main|top|\d+))?$/i;
/** Class or id tokens of the site footer ("footer", "foot", "copyright"). */
const FOOT_TOKEN =
  /^(?:(?:site|page|main)[-_]?)?(?:footer|foot|copyrights?)(?:[-_]?(?:bar|box|wrap|wrapper|inner|con|cont|container|main|\d+))?$/i;
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function hasToken(attribs: Record<string, string>, pattern: RegExp): boolean {
  if (attribs.id && pattern.test(attribs.id)) return true;
  const cls = attribs.class;
  return cls !== undefined && cls.split(/\s+/).some((token) => token !== '' && pattern.test(token));
}

/**
 * Site chrome judged by the element alone. Deliberately narrow: what it misses the line filter
 * or the reader ignores, while what it wrongly drops would be report text lost.
 */
function isChrome(name: string, attribs: Record<string, string>, inArticle: boolean): boolean {
  if (attribs.hidden !== undefined) return true;
  if (attribs.style && HIDDEN_STYLE.test(attribs.style)) return true;
  // A <header> or <footer> inside <article>/<main> holds the report's title or signature.
  if (!inArticle && (name === 'header' || name === 'footer')) return true;
  if (NEVER_CHROME.has(name)) return false;
  if (attribs.role === 'navigation' || (!inArticle && attribs.role === 'contentinfo')) return true;
  if (!attribs.id && !attribs.class) return false;
  return hasToken(attribs, NAV_TOKEN) || (!inArticle && hasToken(attribs, FOOT_TOKEN));
}

function hasVisibleText(text: string): boolean {
  return /\S/.test(text);
}

/**
 * Builds the tree from htmlparser2's events. htmlparser2 is not an HTML5 tree builder: it only
 * closes a cell when the cell is the innermost open element, so `<td><span>a<td>b` would nest the
 * second cell in the first. Table structure is therefore repaired here the way browsers do it, on
 * a stack of our own; htmlparser2's later close events for elements already closed are ignored.
 */
class TreeBuilder {
  readonly root: ElementNode = { name: '#root', start: 0, children: [] };
  private readonly stack: Entry[] = [{ name: '#root', node: this.root, drop: false, inArticle: false, table: false }];
  /** Stack indices of the open tables, innermost last. */
  private readonly tables: number[] = [];
  /** htmlparser2's own count of open elements (every open event is matched by one close event). */
  private open = 0;

  constructor(private readonly file: string | undefined) {}

  private top(): Entry {
    return this.stack[this.stack.length - 1] as Entry;
  }

  onOpen(name: string, attribs: Record<string, string>, start: number): void {
    this.open += 1;
    if (this.open > MAX_OPEN_ELEMENTS) {
      throw new ParseError('corrupt', `网页的标签嵌套超过 ${MAX_OPEN_ELEMENTS} 层，不是可以读取的网页`, this.file);
    }
    if (this.tables.length > 0 && TABLE_PARTS.has(name)) this.repairTable(name, start);
    this.push(name, attribs, start);
  }

  private push(name: string, attribs: Record<string, string>, start: number): void {
    const parent = this.top();
    const table = name === 'table';
    if (parent.drop || DROPPED.has(name) || isChrome(name, attribs, parent.inArticle)) {
      // A dropped table still counts as a table context, so its cells stay inside it.
      this.stack.push({ name, node: parent.node, drop: true, inArticle: parent.inArticle, table });
      if (table) this.tables.push(this.stack.length - 1);
      return;
    }
    const inArticle = parent.inArticle || name === 'article' || name === 'main';
    if (this.stack.length > MAX_TREE_DEPTH) {
      this.stack.push({ name, node: parent.node, drop: false, inArticle, table: false });
      return;
    }
    const cell = name === 'td' || name === 'th';
    const node: ElementNode = cell
      ? { name, start, children: [], rowSpan: attribs.rowspan, colSpan: attribs.colspan }
      : { name, start, children: [] };
    parent.node.children.push(node);
    this.stack.push({ name, node, drop: false, inArticle, table });
    if (table) this.tables.push(this.stack.length - 1);
  }

  /** Closes what a table part implicitly closes in the nearest open table, and opens an implied <tr> for a stray cell. */
  private repairTable(name: string, start: number): void {
    const table = this.tables[this.tables.length - 1] as number;
    let i = this.stack.length - 1;
    if (name === 'td' || name === 'th') {
      while (i > table && (this.stack[i] as Entry).name !== 'tr' && !SECTIONS.has((this.stack[i] as Entry).name))
        i -= 1;
      this.popTo(i);
      if ((this.stack[i] as Entry).name !== 'tr') this.push('tr', {}, start);
    } else if (name === 'tr') {
      while (i > table && !SECTIONS.has((this.stack[i] as Entry).name)) i -= 1;
      this.popTo(i);
    } else {
      this.popTo(table);
    }
  }

  /** Pops entries until the one at index `keep` is on top. */
  private popTo(keep: number): void {
    while (this.stack.length - 1 > keep) {
      const entry = this.stack.pop() as Entry;
      if (entry.table) this.tables.pop();
    }
  }

  onClose(name: string): void {
    this.open -= 1;
    // An end tag never reaches out of the nearest table, except </table> itself: an end tag left
    // over from a cell closed implicitly must not close the cell of an outer table.
    const floor = name === 'table' ? 0 : (this.tables[this.tables.length - 1] ?? 0);
    for (let i = this.stack.length - 1; i > floor; i -= 1) {
      if ((this.stack[i] as Entry).name === name) {
        this.popTo(i - 1);
        return;
      }
    }
  }

  onText(text: string, start: number): void {
    const top = this.top();
    if (top.drop) return;
    if (TABLE_CONTEXT.has(top.node.name) && !hasVisibleText(text)) return;
    top.node.children.push({ text, start });
  }
}

function buildTree(text: string, options: ExtractOptions): ElementNode {
  const builder = new TreeBuilder(options.file);
  const parser: Parser = new Parser({
    onopentag: (name, attribs) => builder.onOpen(name, attribs, parser.startIndex),
    onclosetag: (name) => builder.onClose(name),
    ontext: (data) => builder.onText(data, parser.startIndex),
  });
  const deadline = Date.now() + options.limits.timeoutMs;
  for (let i = 0; i < text.length; i += CHUNK) {
    if (Date.now() > deadline) {
      throw new ParseError('timeout', `读取网页超过时限（${options.limits.timeoutMs / 1000} 秒）`, options.file);
    }
    parser.write(text.slice(i, i + CHUNK));
  }
  parser.end();
  return builder.root;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Elements that end the line before them and start a new one after. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/**
 * Headings that mark a cell as holding an article: a page's title is an <h1> or <h2>, while an
 * editor may well wrap a table's own row label in a smaller heading.
 */
const TITLE_HEADINGS = new Set(['h1', 'h2']);

/**
 * HTML whitespace, &nbsp; and the ideographic space U+3000 (the usual paragraph indent) are all
 * `\s` in JavaScript. Zero-width spaces are dropped rather than spaced: they have no width on screen.
 */
function cleanLine(raw: string): string {
  return raw
    .replace(/\u200b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Gathers text into lines: `end()` closes the current line, which is passed on unless blank. */
class LineSink {
  private parts: string[] = [];
  /** Index in the page of the line's first visible character, -1 before there is one. */
  private first = -1;
  /** Inside <pre>, where a line break in the source is a line break on screen. */
  pre = 0;

  constructor(private readonly done: (text: string, start: number) => void) {}

  text(data: string, start: number): void {
    if (this.pre === 0) {
      this.add(data, start);
      return;
    }
    const breaks = /\r\n?|\n/g;
    let from = 0;
    for (let m = breaks.exec(data); m; m = breaks.exec(data)) {
      this.add(data.slice(from, m.index), start + from);
      this.end();
      from = m.index + m[0].length;
    }
    this.add(data.slice(from), start + from);
  }

  private add(data: string, start: number): void {
    if (this.first < 0) {
      // A text event is either a verbatim slice of the page or one decoded entity, so the offset
      // of its first visible character is exact for the former and 0 for the latter.
      const offset = data.search(/\S/);
      if (offset >= 0) this.first = start + offset;
    }
    this.parts.push(data);
  }

  end(): void {
    if (this.parts.length === 0) return;
    const raw = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    const first = this.first;
    this.parts = [];
    this.first = -1;
    if (first < 0) return;
    const text = cleanLine(raw);
    if (text !== '') this.done(text, first);
  }
}

/** Maps an index in the page to its 1-based line. */
function lineIndex(text: string): (index: number) => number {
  // Old Mac files end lines with a lone CR; anything with LF counts LFs.
  const newline = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  const breaks: number[] = [];
  for (let i = text.indexOf(newline); i >= 0; i = text.indexOf(newline, i + 1)) breaks.push(i);
  return (index) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((breaks[mid] as number) < index) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

const BREADCRUMB = /^(?:您(?:当前|现在)?(?:的|所在的?)?位置|当前(?:所在)?位置|所在位置)\s*[:：]|^首页\s*[>»›＞→]/;
const FOOTER_TEXT = /版权所有|ICP备|公网安备|网站标识码|网站识别码|^copyright\b|^©/i;
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条)\s*[:：]/;
const CHROME_WORDS =
  /打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|返回首页|返回|收藏本页|加入收藏|收藏|分享到|分享|字体|字号|默认|扫一扫在手机打开当前页|扫一扫|微信|微博|QQ空间|[大中小]/g;
const CHROME_PUNCTUATION = /[\s【】[\]〔〕()（）|｜:：·•>»/]/g;

/**
 * Lines that are plainly the site's, not the report's: breadcrumbs, copyright and record numbers,
 * previous/next links, and lines made only of print/close/share/font-size buttons. Only short
 * lines outside data tables are judged, and only by what they wholly are.
 */
function isChromeLine(text: string): boolean {
  if (text.length > 120) return false;
  if (BREADCRUMB.test(text) || PREV_NEXT.test(text) || FOOTER_TEXT.test(text)) return true;
  const words = text.replace(CHROME_WORDS, '');
  return words !== text && words.replace(CHROME_PUNCTUATION, '') === '';
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TableShape {
  /** Row groups (thead, tbody, tfoot, or a run of bare rows) in source order, each a list of rows. */
  readonly groups: readonly (readonly ElementNode[])[];
  readonly cells: number;
  /** Text and elements outside any cell, which browsers draw before the table. */
  readonly stray: readonly TreeNode[];
  readonly captions: readonly ElementNode[];
}

interface Measure {
  /** Visible characters, nested tables included. */
  readonly chars: number;
  /** Block elements and line breaks: about the number of lines. */
  readonly blocks: number;
  /** Holds an <h1> or <h2>. */
  readonly heading: boolean;
  /** Tables nested anywhere inside. */
  readonly tables: number;
  /** Some nested table is too big to flatten into a cell. */
  readonly bigTable: boolean;
}

/** A nested table this small (a label pair, a diagonal header) reads as text of its cell. */
const SMALL_TABLE_CELLS = 6;
const SMALL_TABLE_CHARS = 100;
/**
 * A cell with more text or lines than this holds an article, not a value or a label: the longest
 * labels of the statutory tables are under 40 characters.
 */
const LAYOUT_CELL_CHARS = 300;
const LAYOUT_CELL_BLOCKS = 12;
/** Every row of the statutory tables has at least four cells; a lone row with fewer is a page bar. */
const LAYOUT_SINGLE_ROW_CELLS = 3;

function cellsOf(row: ElementNode, stray: TreeNode[]): ElementNode[] {
  const cells: ElementNode[] = [];
  for (const child of row.children) {
    if ('text' in child || (child.name !== 'td' && child.name !== 'th')) stray.push(child);
    else cells.push(child);
  }
  return cells;
}

function tableShape(table: ElementNode): TableShape {
  if (table.shape) return table.shape;
  const groups: ElementNode[][] = [];
  const stray: TreeNode[] = [];
  const captions: ElementNode[] = [];
  let bare: ElementNode[] | undefined;
  let cells = 0;
  for (const child of table.children) {
    if ('text' in child) {
      stray.push(child);
      continue;
    }
    if (child.name === 'tr') {
      if (!bare) groups.push((bare = []));
      bare.push(child);
      cells += cellsOf(child, stray).length;
    } else if (SECTIONS.has(child.name)) {
      bare = undefined;
      const group: ElementNode[] = [];
      for (const row of child.children) {
        if ('text' in row || row.name !== 'tr') stray.push(row);
        else {
          group.push(row);
          cells += cellsOf(row, stray).length;
        }
      }
      groups.push(group);
    } else if (child.name === 'caption') captions.push(child);
    else if (child.name !== 'colgroup' && child.name !== 'col') stray.push(child);
  }
  table.shape = { groups, cells, stray, captions };
  return table.shape;
}

function visibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 0xa0) n += 1;
  return n;
}

function measure(element: ElementNode): Measure {
  if (element.measured) return element.measured;
  let chars = 0;
  let blocks = 0;
  let heading = false;
  let tables = 0;
  let bigTable = false;
  for (const child of element.children) {
    if ('text' in child) {
      chars += visibleChars(child.text);
      continue;
    }
    const inner = measure(child);
    chars += inner.chars;
    blocks += inner.blocks + (BLOCKS.has(child.name) || child.name === 'br' ? 1 : 0);
    heading ||= inner.heading || TITLE_HEADINGS.has(child.name);
    tables += inner.tables;
    bigTable ||= inner.bigTable;
    if (child.name === 'table') {
      tables += 1;
      const small =
        inner.tables === 0 && inner.chars <= SMALL_TABLE_CHARS && tableShape(child).cells <= SMALL_TABLE_CELLS;
      if (!small) bigTable = true;
    }
  }
  element.measured = { chars, blocks, heading, tables, bigTable };
  return element.measured;
}

/**
 * A layout table positions the page (a frame around the article, a menu beside it) rather than
 * holding data. Such tables are read through as text and not emitted, so the test leans towards
 * "layout" only on evidence a statutory table never shows: a single column, a lone short row, a
 * cell holding a page title (<h1>, <h2>), an article's worth of text, or a table too big to flatten into it. A
 * cell with a paragraph or two (Word's export wraps every cell in <p>) is still data.
 */
function isLayout(shape: TableShape): boolean {
  if (shape.cells === 0) return true;
  let rowsWithCells = 0;
  let widest = 0;
  for (const group of shape.groups) {
    for (const row of group) {
      const cells = cellsOf(row, []);
      if (cells.length > 0) rowsWithCells += 1;
      widest = Math.max(widest, cells.length);
      for (const cell of cells) {
        const m = measure(cell);
        if (m.bigTable || m.heading || m.chars > LAYOUT_CELL_CHARS || m.blocks > LAYOUT_CELL_BLOCKS) return true;
      }
    }
  }
  return widest <= 1 || (rowsWithCells === 1 && widest <= LAYOUT_SINGLE_ROW_CELLS);
}

/** A span attribute as the HTML standard parses it: leading digits; absent, junk or negative is 1. */
function parseSpan(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) || n < 0 ? 1 : Math.min(n, MAX_SPAN);
}

// ---------------------------------------------------------------------------------------------
// The walk

class Emitter {
  readonly nodes: DocumentNode[] = [];
  private tables = 0;
  private gridSteps = 0;
  private readonly page: LineSink;

  constructor(
    private readonly lineOf: (index: number) => number,
    private readonly file: string | undefined,
  ) {
    this.page = new LineSink((text, start) => {
      if (!isChromeLine(text)) this.nodes.push({ kind: 'line', text, at: { line: this.lineOf(start) } });
    });
  }

  run(root: ElementNode): void {
    this.walk(root, this.page, false);
    this.page.end();
  }

  /** Emits the text of an element's children into `sink`; `inCell` when inside a data table's cell. */
  private walk(element: ElementNode, sink: LineSink, inCell: boolean): void {
    for (const child of element.children) {
      if ('text' in child) {
        sink.text(child.text, child.start);
        continue;
      }
      const name = child.name;
      if (name === 'br') {
        sink.end();
        continue;
      }
      if (name === 'table') {
        sink.end();
        if (inCell) this.flatten(child, sink);
        else this.table(child);
        sink.end();
        continue;
      }
      const block = BLOCKS.has(name);
      if (block) sink.end();
      if (name === 'pre') sink.pre += 1;
      this.walk(child, sink, inCell);
      if (name === 'pre') sink.pre -= 1;
      if (block) sink.end();
    }
  }

  private walkAll(nodes: readonly TreeNode[], sink: LineSink, inCell: boolean): void {
    for (const node of nodes) {
      if ('text' in node) sink.text(node.text, node.start);
      else this.walk({ name: '#group', start: node.start, children: [node] }, sink, inCell);
    }
    sink.end();
  }

  /** A table at page level: read through if it is layout, else emitted with its cells. */
  private table(table: ElementNode): void {
    const shape = tableShape(table);
    this.walkAll(shape.stray, this.page, false);
    for (const caption of shape.captions) this.walkAll([caption], this.page, false);
    if (isLayout(shape)) {
      for (const group of shape.groups) {
        for (const row of group) {
          for (const cell of cellsOf(row, [])) this.walkAll([cell], this.page, false);
        }
      }
      return;
    }
    const index = this.tables;
    this.tables += 1;
    const rows: TableCell[][] = [];
    /** Per grid column, the first row no longer covered by a rowspan from above. */
    const covered: number[] = [];
    let r = 0;
    for (const group of shape.groups) {
      // Browsers end a rowspan at the end of its row group (rowspan="0" means "to the end"): the
      // spans reported are the ones drawn, so "rowspan=99999" on a last row reads as 1.
      const groupEnd = r + group.length;
      for (const row of group) {
        const cells: TableCell[] = [];
        let column = 0;
        for (const cell of cellsOf(row, [])) {
          while ((covered[column] ?? 0) > r) {
            column += 1;
            this.step(table);
          }
          const colSpan = Math.max(1, parseSpan(cell.colSpan));
          const asked = parseSpan(cell.rowSpan);
          const rowSpan = Math.min(asked === 0 ? MAX_SPAN : asked, groupEnd - r);
          if (rowSpan > 1) {
            for (let c = column; c < column + colSpan; c += 1) {
              covered[c] = Math.max(covered[c] ?? 0, r + rowSpan);
              this.step(table);
            }
          }
          cells.push({
            text: this.cellText(cell),
            row: r,
            column,
            rowSpan,
            colSpan,
            at: { line: this.lineOf(cell.start), table: index, row: r, column },
          });
          column += colSpan;
        }
        rows.push(cells);
        r += 1;
      }
    }
    this.nodes.push({ kind: 'table', rows, at: { line: this.lineOf(table.start), table: index } });
  }

  private step(table: ElementNode): void {
    this.gridSteps += 1;
    if (this.gridSteps > MAX_GRID_STEPS) {
      throw new ParseError(
        'corrupt',
        `网页第 ${this.lineOf(table.start)} 行的表格合并单元格的行列数异常，无法读取`,
        this.file,
      );
    }
  }

  private cellText(cell: ElementNode): string {
    const lines: string[] = [];
    const sink = new LineSink((text) => lines.push(text));
    this.walk(cell, sink, true);
    sink.end();
    return lines.join('\n');
  }

  /**
   * A table inside a data table's cell. Only small ones get here (a bigger one makes the outer
   * table layout): each of its rows becomes one line of the cell, its cells joined by a space,
   * since the intermediate document has no nested tables and a label pair reads well that way.
   */
  private flatten(table: ElementNode, sink: LineSink): void {
    const shape = tableShape(table);
    this.walkAll([...shape.stray, ...shape.captions], sink, true);
    for (const group of shape.groups) {
      for (const row of group) {
        const texts = cellsOf(row, [])
          .map((cell) => this.cellText(cell))
          .filter((text) => text !== '');
        if (texts.length > 0) sink.text(texts.join(' '), row.start);
        sink.end();
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

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
  const root = buildTree(text, options);
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
  return { source: 'html', nodes: emitter.nodes, messages };
};
