import fc from 'fast-check';

/** Personal data the fuzzer puts into requests; the log must never show any of it. */
export const PERSONAL_DATA = ['340603199001011234', '13912345678', '赵某某'] as const;

/** Values chosen to break parsers, drivers and databases. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%00',
  '\u0007\u001b[31m',
  '\uD800',
  '\uFEFF',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '"; drop table users; --',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1e309',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  ...PERSONAL_DATA,
];

const NASTY_NUMBERS = [0, -1, 1, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53, -(2 ** 63), 1e308, -1e308, 0.5, 1e-300];

/** A big string: enough to find a missing length limit, small enough for many requests. */
const HUGE_STRINGS = ['字'.repeat(200_000), 'a'.repeat(1_000_000), '\u0000'.repeat(10_000)];

function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Any hostile JSON value: wrong types, control characters, extremes, huge or deep. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileText() },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
    { weight: 2, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(nested(40), nested(500)) },
  );
}

/** Hostile text: the known-bad strings, random Unicode with control characters, or huge. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  );
}

type Schema = Record<string, unknown>;

/** Follows `$ref`s into the document's components. */
function resolve(schema: Schema, doc: Schema): Schema {
  let current = schema;
  for (let i = 0; i < 10 && typeof current.$ref === 'string'; i++) {
    const name = current.$ref.split('/').at(-1) as string;
    current = ((doc.components as Schema).schemas as Record<string, Schema>)[name] ?? {};
  }
  return current;
}

/** A valid-looking value for a leaf schema, so requests get past the first check now and then. */
function plausible(schema: Schema, ids: readonly number[]): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number')
    return fc.oneof(fc.constantFrom(...ids, 2024, 2025, 2026), fc.integer({ min: -5, max: 5000 }));
  if (type === 'boolean') return fc.boolean();
  if (schema.format === 'date' || (typeof schema.pattern === 'string' && schema.pattern.includes('\\d{4}')))
    return fc
      .date({ min: new Date('2018-01-01'), max: new Date('2028-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  return fc.string({ minLength: 1, maxLength: 30 });
}

/** Values shaped by a JSON schema, with any part of them swapped for a hostile value. */
export function fromSchema(schema: Schema, doc: Schema, ids: readonly number[], depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, doc);
  const choices = (resolved.anyOf ?? resolved.oneOf ?? resolved.allOf) as Schema[] | undefined;
  let shaped: fc.Arbitrary<unknown>;
  if (depth > 5) shaped = hostileValue();
  else if (choices?.length) shaped = fc.oneof(...choices.map((choice) => fromSchema(choice, doc, ids, depth + 1)));
  else if (resolved.type === 'object' || resolved.properties) {
    const properties = (resolved.properties ?? {}) as Record<string, Schema>;
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, value] of Object.entries(properties)) record[key] = fromSchema(value, doc, ids, depth + 1);
    shaped = fc.record(record, { requiredKeys: (resolved.required as string[] | undefined) ?? [] });
  } else if (resolved.type === 'array')
    shaped = fc.array(fromSchema((resolved.items ?? {}) as Schema, doc, ids, depth + 1), { maxLength: 4 });
  else shaped = plausible(resolved, ids);
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: hostileValue() });
}

/** A path or query parameter: a real id or year, or a hostile string. */
export function parameterValue(schema: Schema, doc: Schema, ids: readonly number[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible(resolve(schema, doc), ids).map(String) },
    { weight: 2, arbitrary: hostileText() },
  );
}

/** Percent-encoding that never throws on a lone surrogate. */
export function encode(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}
