// ---------------------------------------------------------------------------------------------
// Lines

/** Elements that end the line before them and start a new one after. */
export const BLOCKS = new Set([
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
export const TITLE_HEADINGS = new Set(['h1', 'h2']);

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
export class LineSink {
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
export function lineIndex(text: string): (index: number) => number {
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
export function isChromeLine(text: string): boolean {
  if (text.length > 120) return false;
  if (BREADCRUMB.test(text) || PREV_NEXT.test(text) || FOOTER_TEXT.test(text)) return true;
  const words = text.replace(CHROME_WORDS, '');
  return words !== text && words.replace(CHROME_PUNCTUATION, '') === '';
}
