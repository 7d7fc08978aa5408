import { cacheKey, readCached, writeCached } from '../cache.js';
import type { Schema } from '../model/schema.js';
import type { PrintedPair } from './column-edits.js';
import { cacheFormat, wholeKey, type CanonicalOptions } from './stored-keys.js';

/**
 * Where the last definitions printed or read with a set of objects are stored: as declared, and
 * as printed. Only the keys: pointing at a print read again rewrites a few bytes, not the tens of
 * megabytes a model takes at thousands of tables.
 */
export interface PreviousPrint {
  declaredKey: string;
  printedKey: string;
}

/** The entry for a set of objects (`key`) and the print it is to point at. */
export interface Previous {
  key: string;
  at: PreviousPrint;
}

export function readPrevious(dir: string, key: string): PrintedPair | undefined {
  const entry = readCached<Partial<PreviousPrint>>(dir, key);
  const declared = entry?.declaredKey ? readCached<Schema>(dir, entry.declaredKey) : undefined;
  const printed = declared && entry?.printedKey ? readCached<Schema>(dir, entry.printedKey) : undefined;
  return declared && printed ? { declared, printed } : undefined;
}

/** Beside a whole canonical model: the Previous its print makes, to restore when the model is read again. */
export const pointerKey = (whole: string) => cacheKey(String(cacheFormat), 'previous of', whole);

/**
 * Points a set of objects' entry at a print. A print read again usually is the one pointed at
 * already, and that answer (from a verdict, on the path of an unchanged run) writes nothing: a
 * write in the bounded cache lists and dates every entry.
 */
export function pointPrevious(dir: string, previous: Previous): void {
  const now = readCached<Partial<PreviousPrint>>(dir, previous.key);
  if (now?.declaredKey !== previous.at.declaredKey || now?.printedKey !== previous.at.printedKey) writeCached(dir, previous.key, previous.at);
}

export function repointPrevious(dir: string, whole: string): void {
  const previous = readCached<Previous>(dir, pointerKey(whole));
  if (previous?.key && previous.at) pointPrevious(dir, previous);
}

/**
 * Marks the definitions of a load as the ones the next edit starts from, when they were answered
 * for without reading their print (a stored verdict): an edit undone is then not printed anew.
 */
export function previousReadAgain(printer: string, options: CanonicalOptions & { loadKey: string }): void {
  const whole = wholeKey(printer, options);
  if (whole) repointPrevious(options.cacheDir!, whole);
}
