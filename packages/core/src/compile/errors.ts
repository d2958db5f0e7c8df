/**
 * Records that contradict themselves (closed before received, a result without a conclusion
 * day …) cannot be counted honestly: compiling stops with this error, whose message names the
 * record so that the register can be corrected.
 */
export class CompileError extends Error {
  override readonly name = 'CompileError';
  /** The application ID, 文号 / title or case number the error is about, when there is one. */
  readonly record: string | undefined;

  constructor(message: string, record?: string) {
    super(message);
    this.record = record;
  }
}
