/*
 * The provenance of a read report, made only when someone reads it: most who read a file want its
 * figures and findings only (a folder read for its cells, the rules), and the provenance costs some
 * two hundred keys and objects a report. The property is an own, enumerable one in its place among
 * the others, so that reading it, spreading the report, JSON, `Object.entries` and the structured
 * clone a worker posts all see the value as if it had been there from the start; the first read
 * replaces the accessor by a plain property in the same place (property order follows creation,
 * which redefining keeps).
 *
 * The accessor's functions are the same for every report (V8 keeps them in the object's hidden
 * class: functions made per report would give each report a class of its own, and every function
 * that reads reports would slow down); what to make is kept under a symbol that is not enumerable.
 */

const MAKE = Symbol('provenance to make');

interface Lazy {
  [MAKE]?: () => unknown;
}

function define(object: object, value: unknown): void {
  Object.defineProperty(object, 'provenance', { value, writable: true, enumerable: true, configurable: true });
}

function get(this: Lazy): unknown {
  const value = (this[MAKE] as () => unknown)();
  define(this, value);
  return value;
}

function set(this: Lazy, value: unknown): void {
  define(this, value);
}

/** The shared accessor on `object`, with what it makes on the first read. */
function defineLazy(object: object, make: () => unknown): void {
  Object.defineProperty(object, 'provenance', { get, set, enumerable: true, configurable: true });
  Object.defineProperty(object, MAKE, { value: make, enumerable: false, configurable: true });
}

/**
 * Adds `object.provenance`, as its last property, to be `make()` made on the first read. (Added
 * anew, not in place of a property there already: V8 then keeps the object's hidden class shared;
 * turning a value into an accessor would make the object a dictionary, slow to read for the rules.)
 */
export function lazyProvenance<T extends { provenance?: unknown }>(object: T, make: () => T['provenance']): void {
  let made = false;
  let value: T['provenance'];
  // A copy of the object (withYear) keeps the accessor: both then get the one value made.
  const once = () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
  defineLazy(object, once);
}

/** A shallow copy, its keys in the same order, that keeps the provenance unmade (a spread would make it). */
export function copyKeepingLazy<T extends object>(object: T): T {
  const copy: Record<string, unknown> = {};
  const lazy = Object.getOwnPropertyDescriptor(object, 'provenance')?.get === get;
  for (const key of Object.keys(object)) {
    if (key === 'provenance' && lazy) defineLazy(copy, (object as Lazy)[MAKE] as () => unknown);
    else copy[key] = (object as Record<string, unknown>)[key];
  }
  return copy as T;
}
