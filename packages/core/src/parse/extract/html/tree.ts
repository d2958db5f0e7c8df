import { Parser } from 'htmlparser2';
import { ParseError } from '../../errors.js';
import type { ExtractOptions } from '../types.js';
import { HiddenRules } from './css.js';

// ---------------------------------------------------------------------------------------------
// The tree

// Limits. Junk must never hang or crash the reader; each bound names the cost it caps.

/** The parser is fed in pieces of this many characters, so the time budget is checked between them. */
const CHUNK = 65_536;
/**
 * htmlparser2 keeps its open elements in an array it shifts and scans on every tag, so a page of
 * endlessly unclosed tags costs time quadratic in their depth. No real page comes near this.
 */
const MAX_OPEN_ELEMENTS = 5_000;
/** Elements deeper than this attach to their nearest kept ancestor (Blink caps its DOM depth the same way), so the tree walks cannot overflow the stack. */
const MAX_TREE_DEPTH = 256;

export interface TextNode {
  readonly text: string;
  /** Index of the text in the decoded page. */
  readonly start: number;
}

export interface ElementNode {
  readonly name: string;
  readonly start: number;
  readonly children: TreeNode[];
  readonly rowSpan?: string | undefined;
  readonly colSpan?: string | undefined;
  /** Filled in lazily by the emitter. */
  measured?: Measure;
  shape?: TableShape;
}

export type TreeNode = TextNode | ElementNode;

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

export const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
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

export function hasVisibleText(text: string): boolean {
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
  /** What the page's `<style>` elements hide, as read so far. */
  private readonly hidden = new HiddenRules();
  /** The page's `<meta name content>` fields, by lower-case name (the first of each, cut short). */
  readonly meta = new Map<string, string>();

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
    if (name === 'meta') this.keepMeta(attribs);
    this.push(name, attribs, start);
  }

  private keepMeta(attribs: Record<string, string>): void {
    const key = attribs.name?.toLowerCase();
    if (key && attribs.content !== undefined && !this.meta.has(key) && this.meta.size < MAX_META_FIELDS)
      this.meta.set(key, attribs.content.slice(0, MAX_META_LENGTH));
  }

  private push(name: string, attribs: Record<string, string>, start: number): void {
    const parent = this.top();
    const table = name === 'table';
    if (
      parent.drop ||
      DROPPED.has(name) ||
      isChrome(name, attribs, parent.inArticle) ||
      this.hidden.hides(name, attribs)
    ) {
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
    if (top.name === 'style') this.hidden.add(text);
    if (top.drop) return;
    if (TABLE_CONTEXT.has(top.node.name) && !hasVisibleText(text)) return;
    top.node.children.push({ text, start });
  }
}

/** A page's own fields are few and short: a hostile page's thousands of `<meta>` are not kept. */
const MAX_META_FIELDS = 64;
const MAX_META_LENGTH = 200;

export function buildTree(
  text: string,
  options: ExtractOptions,
): { root: ElementNode; meta: ReadonlyMap<string, string> } {
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
  return { root: builder.root, meta: builder.meta };
}

export interface TableShape {
  /** Row groups (thead, tbody, tfoot, or a run of bare rows) in source order, each a list of rows. */
  readonly groups: readonly (readonly ElementNode[])[];
  readonly cells: number;
  /** Text and elements outside any cell, which browsers draw before the table. */
  readonly stray: readonly TreeNode[];
  readonly captions: readonly ElementNode[];
}

export interface Measure {
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
