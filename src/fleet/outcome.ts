import { redactSecrets } from '../engine/redact.js';
import { isPgformError } from '../errors.js';
import type { Target } from './targets.js';

/** A TargetError is why a target failed, as a report shows it: never with a password. */
export interface TargetError {
  code: string;
  message: string;
  file?: string;
  line?: number;
  statement?: string;
  hint?: string;
}

/** A failure of one target in report form, its URL's password removed from every text. */
export function targetError(error: unknown, target: Target): TargetError {
  const clean = (text: string) => redactSecrets(text, [target.url]);
  if (!isPgformError(error)) return { code: 'INTERNAL', message: clean(error instanceof Error ? error.message : String(error)) };
  const { file, line, statement } = error.location;
  return {
    code: error.code,
    message: clean(error.message),
    ...(file ? { file } : {}),
    ...(line ? { line } : {}),
    ...(statement ? { statement: clean(statement) } : {}),
    ...(error.hint ? { hint: clean(error.hint) } : {}),
  };
}
