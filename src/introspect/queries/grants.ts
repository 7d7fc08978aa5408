import type { Grant } from '../../model/schema.js';

/** An AclEntry is one row of aclexplode as the `grantsOf` fragment returns it. */
export type AclEntry = [grantee: string, privilege: string, grantable: boolean];

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Folds ACL entries into one Grant per grantee and grant option, privileges sorted, grants sorted
 * by grantee. Two grantors giving the same privilege collapse into one.
 */
export function toGrants(entries: AclEntry[]): Grant[] {
  const groups = new Map<string, { grantee: string; grantable: boolean; privileges: Set<string> }>();
  for (const [grantee, privilege, grantable] of entries) {
    const key = `${grantable ? 1 : 0}:${grantee}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { grantee, grantable, privileges: new Set() }));
    group.privileges.add(privilege.toUpperCase());
  }
  return [...groups.values()]
    .sort((a, b) => byText(a.grantee, b.grantee) || Number(a.grantable) - Number(b.grantable))
    .map((group) => ({
      grantee: group.grantee,
      privileges: [...group.privileges].sort(byText),
      ...(group.grantable ? { withGrantOption: true } : {}),
    }));
}
