import { codeFingerprint } from '../code-identity.js';

/** The code that turns a model into the SQL a printing server runs (none of it reads outside these). */
const planCode = /^(diff|plan|model|sql)\/|^canonical\/from-scratch\.(js|ts)$/;

/**
 * The hash of the code that writes a model's creating SQL. The canonical cache is keyed by the
 * model itself (computing the whole plan only to hash it cost seconds at thousands of tables),
 * so a change to that code, which would print the same model differently, must change the key.
 */
export function planCodeFingerprint(): string {
  return codeFingerprint(planCode);
}
