import { reportJsonSchema } from '@xxgk/core';
import { EXIT } from '../errors.js';
import { writeOutput } from '../io.js';
import type { Output } from '../output.js';

/** `xxgk schema`: the JSON Schema of a report. */
export async function schema(options: { readonly output?: string }, output: Output): Promise<number> {
  const json = `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
  if (options.output) await writeOutput(options.output, json);
  else output.out(json);
  return EXIT.ok;
}
