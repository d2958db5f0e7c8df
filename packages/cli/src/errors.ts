/** Exit codes of every command: 0 clean, 1 the report has errors, 2 unusable input. */
export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

/**
 * The one error type of the CLI: a message in Chinese for the person at the terminal that
 * names the file and, where known, the line or field, and the exit code it ends with.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.unusable,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
