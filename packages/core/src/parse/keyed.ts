/**
 * An empty object for some two hundred keys added one by one (a report's cells, their provenance,
 * the aligner's placements). V8 keeps such an object as a dictionary in the end; made one from the
 * start (deleting a property that is not the last one does so), it skips the hidden classes it
 * would otherwise make and drop on the way. Its keys still list in the order they were added.
 */
export function keyedObject<T>(): Record<string, T> {
  const object: Record<string, unknown> = { a: undefined, b: undefined };
  delete object.a;
  delete object.b;
  return object as Record<string, T>;
}
