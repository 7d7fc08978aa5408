import type { Collation, SourceLocation } from '../model/schema.js';
import type { Documentation } from './documentation.js';
import { collationShape, guard, guardName } from './guard.js';
import { callSite } from './source.js';

export interface CollationOptions extends Documentation {
  schema?: string;
  /** `icu` (a locale such as `und-u-ks-level2`) or `libc` (the default, from the OS locales). */
  provider?: Collation['provider'];
  /** The ICU locale, or libc's LC_COLLATE and LC_CTYPE at once. */
  locale?: string;
  lcCollate?: string;
  lcCtype?: string;
  /** False makes strings that sort equal compare equal (ICU only): case-insensitive text. */
  deterministic?: boolean;
}

/** A CollationDef is the plain data `collation()` returns. */
export interface CollationDef extends Documentation {
  readonly pgform: 'collation';
  readonly schema: string;
  readonly name: string;
  readonly collation: Collation;
  readonly source?: SourceLocation;
}

/** Declares a collation: `collation('case_insensitive', { provider: 'icu', locale: 'und-u-ks-level2', deterministic: false })`. */
export function collation(name: string, options: CollationOptions): CollationDef {
  const source = callSite();
  guardName(name, 'collation', source);
  guard(collationShape, options, { object: `collation ${name}`, source });
  const schema = options.schema ?? 'public';
  const provider = options.provider ?? 'libc';
  const model: Collation = {
    schema,
    name,
    provider,
    ...(provider !== 'libc' && options.locale !== undefined ? { locale: options.locale } : {}),
    ...(provider === 'libc' && (options.lcCollate ?? options.locale) !== undefined ? { lcCollate: (options.lcCollate ?? options.locale)! } : {}),
    ...(provider === 'libc' && (options.lcCtype ?? options.locale) !== undefined ? { lcCtype: (options.lcCtype ?? options.locale)! } : {}),
    deterministic: options.deterministic ?? true,
    ...(options.description !== undefined ? { comment: options.description } : {}),
    ...(options.group ? { group: options.group } : {}),
    ...(options.note ? { note: options.note } : {}),
    ...(source ? { source } : {}),
  };
  return { pgform: 'collation', schema, name, collation: model, ...(options.description !== undefined ? { description: options.description } : {}), ...(source ? { source } : {}) };
}
