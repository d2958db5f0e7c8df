/*
 * Text hidden by the page's own style sheet: `<style>.hidden{display:none}</style>` and then
 * `<p class="hidden">…</p>`. Sites hide old figures, drafts and screen-reader text this way, and
 * a browser shows none of it, so neither may the reader. Only what decides visibility on its own
 * is read: rules of simple selectors (`.a`, `#b`, `p`, `p.a.b`, lists of them) whose declarations
 * say `display: none` or `visibility: hidden`, outside `@media` blocks (a print-only rule hides
 * nothing on screen). A selector with a combinator or a pseudo-class is left alone: to hide text
 * wrongly would lose report text, to miss a rule only lets a hidden line through.
 */

const HIDDEN_DECLARATION = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
/** A compound selector: an optional tag, then classes and ids. */
const SIMPLE_SELECTOR = /^([a-z][a-z0-9]*)?((?:[.#][\w-]+)*)$/i;
/** Larger style sheets are not read for hidden rules (a framework's thousands of rules). */
const MAX_STYLE_CHARS = 500_000;

interface Selector {
  readonly tag: string | undefined;
  readonly classes: readonly string[];
  readonly ids: readonly string[];
}

/** Removes comments and `@media`/`@supports`… blocks (with what they nest). */
function topLevelRules(css: string): string {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  let depth = 0;
  let inAt = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (!inAt && depth === 0 && c === '@') {
      // An at-rule: `@import …;` ends at its semicolon, a block at-rule at its matching brace.
      const semicolon = text.indexOf(';', i);
      const brace = text.indexOf('{', i);
      if (brace < 0 || (semicolon >= 0 && semicolon < brace)) {
        i = semicolon < 0 ? text.length : semicolon;
        continue;
      }
      inAt = true;
      depth = 1;
      i = brace;
      continue;
    }
    if (inAt) {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
      if (depth === 0) inAt = false;
      continue;
    }
    out.push(c);
  }
  return out.join('');
}

export class HiddenRules {
  private readonly selectors: Selector[] = [];
  private read = 0;

  /** Reads one `<style>` element's text (or a piece of it). */
  add(css: string): void {
    this.read += css.length;
    if (this.read > MAX_STYLE_CHARS) return;
    // Split at braces rather than matched by a pattern, which backtracks quadratically on a brace-less text.
    for (const rule of topLevelRules(css).split('}')) {
      const open = rule.indexOf('{');
      if (open < 0 || !HIDDEN_DECLARATION.test(rule.slice(open))) continue;
      for (const selector of rule.slice(0, open).split(',')) {
        const simple = SIMPLE_SELECTOR.exec(selector.trim());
        if (!simple || (!simple[1] && !simple[2])) continue;
        const parts = simple[2]?.match(/[.#][\w-]+/g) ?? [];
        this.selectors.push({
          tag: simple[1]?.toLowerCase(),
          classes: parts.filter((p) => p.startsWith('.')).map((p) => p.slice(1)),
          ids: parts.filter((p) => p.startsWith('#')).map((p) => p.slice(1)),
        });
      }
    }
  }

  /** Whether a rule read so far hides this element. */
  hides(name: string, attribs: Record<string, string>): boolean {
    if (this.selectors.length === 0) return false;
    const classes = new Set((attribs.class ?? '').split(/\s+/).filter((token) => token !== ''));
    return this.selectors.some(
      (s) =>
        (s.tag === undefined || s.tag === name) &&
        s.classes.every((c) => classes.has(c)) &&
        s.ids.every((id) => attribs.id === id) &&
        // A bare tag rule (`p { display: none }`) would hide the page: only with a class or id.
        (s.classes.length > 0 || s.ids.length > 0),
    );
  }
}
