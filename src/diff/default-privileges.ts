import type { Change } from '../model/change.js';
import { sameValue } from '../model/compare.js';
import { defaultPrivilegeId } from '../model/default-privileges.js';
import type { DefaultPrivilege, Schema } from '../model/schema.js';

/**
 * Default privileges of managed schemas and global ones. A preset's (external) entries are the
 * platform's: never added, changed or removed, whichever side has them.
 */
export function diffDefaultPrivileges(from: Schema, to: Schema, external: Set<string>, changes: Change[]): void {
  const managed = (schema: Schema): Map<string, DefaultPrivilege> =>
    new Map(Object.values(schema.defaultPrivileges ?? {}).filter((e) => e.inSchema === undefined || !external.has(e.inSchema)).map((e) => [defaultPrivilegeId(e), e]));
  const a = managed(from);
  const b = managed(to);
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(id);
    const y = b.get(id);
    if (x?.external || y?.external) continue;
    if (!x) changes.push({ kind: 'set default privileges', to: y! });
    else if (!y) changes.push({ kind: 'set default privileges', from: x });
    else if (!sameValue(x.grants, y.grants)) changes.push({ kind: 'set default privileges', from: x, to: y });
  }
}
