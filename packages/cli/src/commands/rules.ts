import { RULES, SEVERITY_LABELS, rulesMarkdown } from '@xxgk/core';
import { EXIT } from '../errors.js';
import { writeOutput } from '../io.js';
import type { Output } from '../output.js';

/** `xxgk rules [--markdown] [-o FILE]`: the rules with their ids, severities and requirements. */
export async function rules(
  options: { readonly markdown?: boolean; readonly output?: string },
  output: Output,
): Promise<number> {
  const text = options.markdown
    ? rulesMarkdown()
    : `${RULES.map((rule) => `${rule.id.padEnd(26)} ${SEVERITY_LABELS[rule.severity]}  ${rule.title}`).join('\n')}\n`;
  if (options.output) await writeOutput(options.output, text);
  else output.out(text);
  return EXIT.ok;
}
