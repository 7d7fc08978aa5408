import { codeFingerprint } from '../code-identity.js';

/**
 * The code that turns a model into the SQL a printing server runs, and that decides what runs on
 * a kept printing database.
 */
const planCode = /^(diff|plan|model|sql)\/|^canonical\/(from-scratch|print-on-server|apply|printed-edit|kept-print)\.(js|ts)$/;

/**
 * The hash of the code that writes a model's creating SQL. The canonical cache is keyed by the
 * model itself (computing the whole plan only to hash it cost seconds at thousands of tables),
 * so a change to that code, which would print the same model differently, must change the key.
 */
export function planCodeFingerprint(): string {
  return codeFingerprint(planCode);
}
