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

/** Shorter substrings V8 copies; from this length on, a substring is a view into its parent. */
const SLICE_MIN = 13;

/**
 * `text` as a string of its own, for keeping. V8 makes a substring of 13 characters or more (a
 * slice, a split, a match) a view into the string it was cut from, which keeps that whole string
 * alive: a cache keyed by such views keeps every document whose lines it has seen (2,000 documents
 * of 80,000 characters held 312 MB through a 2,000-entry map; their own strings, 3 MB). The
 * internalised string is flat, and V8's string table holds it only while something else does.
 */
export function detached(text: string): string {
  return text.length < SLICE_MIN ? text : interned(text);
}
