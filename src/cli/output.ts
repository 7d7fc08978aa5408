import { isPgformError } from '../errors.js';
import { redactSecrets } from '../engine/redact.js';

/** Every URL a run has seen, so no output can ever show its password. */
const secrets = new Set<string>();

export function rememberSecret(url: string | undefined): void {
  if (url) secrets.add(url);
}

function clean(text: string): string {
  return redactSecrets(text, [...secrets, process.env.DATABASE_URL]);
}

export function out(text: string): void {
  process.stdout.write(clean(text.endsWith('\n') ? text : `${text}\n`));
}

export function err(text: string): void {
  process.stderr.write(clean(text.endsWith('\n') ? text : `${text}\n`));
}

/** Colour only on a terminal and without NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
}

export const paint = {
  red: (text: string) => (useColor() ? `\u001b[31m${text}\u001b[39m` : text),
  green: (text: string) => (useColor() ? `\u001b[32m${text}\u001b[39m` : text),
  yellow: (text: string) => (useColor() ? `\u001b[33m${text}\u001b[39m` : text),
  dim: (text: string) => (useColor() ? `\u001b[2m${text}\u001b[22m` : text),
  bold: (text: string) => (useColor() ? `\u001b[1m${text}\u001b[22m` : text),
};

/** Prints an error for a person and returns the exit code: always 2. */
export function reportError(error: unknown): number {
  if (isPgformError(error)) {
    err(`error ${error.describe()}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    err(`error INTERNAL: ${message}`);
    if (process.env.PGFORM_DEBUG && error instanceof Error && error.stack) err(error.stack);
  }
  return 2;
}
