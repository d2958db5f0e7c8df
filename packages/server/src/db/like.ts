/**
 * A LIKE/ILIKE pattern matching `text` anywhere, its `%`, `_` and `\` taken literally: a search box's
 * text is words to find, not a pattern (backslash is PostgreSQL's default LIKE escape).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
