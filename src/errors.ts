/** Stable error codes: scripts and tests match on these, never on message text. */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DEFINITION_INVALID'
  | 'DEFINITION_LOAD_FAILED'
  | 'DATABASE_UNREACHABLE'
  | 'STATEMENT_FAILED'
  | 'INTROSPECTION_FAILED'
  | 'ENGINE_LOCKED'
  | 'MIGRATION_INVALID'
  | 'CONVERSION_REQUIRED'
  | 'USAGE'
  | 'UNMANAGED_DEPENDENT';

/** Where an error points: the definition file, the object id and the field within it. */
export interface ErrorLocation {
  file?: string;
  line?: number;
  object?: string;
  field?: string;
  statement?: string;
}

/**
 * A PgformError is the one error type pgform raises on bad input or a failing database. The CLI
 * prints it without a stack trace and exits with code 2.
 */
export class PgformError extends Error {
  override readonly name = 'PgformError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly location: ErrorLocation = {},
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The message with its location, as printed to a person. */
  describe(): string {
    const where: string[] = [];
    const { file, line, object, field, statement } = this.location;
    if (file) where.push(line ? `${file}:${line}` : file);
    if (object) where.push(field ? `${object} (${field})` : object);
    let text = `${this.code}: ${this.message}`;
    if (where.length) text += `\n  at ${where.join(', ')}`;
    if (statement) text += `\n  statement: ${statement.length > 400 ? statement.slice(0, 400) + '…' : statement}`;
    if (this.hint) text += `\n  hint: ${this.hint}`;
    return text;
  }
}

export function isPgformError(error: unknown): error is PgformError {
  return error instanceof Error && (error as { name?: string }).name === 'PgformError';
}
