/*
 * Cell IDs key every report's maps, sets and objects (`cells`, the readings, the rules' lookups).
 * V8 keeps property names as internalised strings, one per text: two of them are equal only when
 * they are the same string, so a lookup with one compares pointers. An ID built with a template
 * literal is another string of the same text: each `id in cells`, `Map.get(id)` or `cells[id] = …`
 * with it compares characters or looks the text up in V8's string table first (some 130 ns a look
 * for `in` against 20 ns; the reader and the rules make thousands a report). IDs built once at
 * start are therefore made the internalised string itself.
 */

/** The internalised string of `text`: the one V8 keys properties with (same text, same result). */
export function interned(text: string): string {
  const holder: Record<string, true> = {};
  holder[text] = true;
  for (const key in holder) return key;
  return text;
}
