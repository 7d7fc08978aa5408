import type { Change, GrantTarget } from '../../model/change.js';
import type { Grant, Policy } from '../../model/schema.js';
import { nameOf, routineSignature } from './names.js';
import { ident, literal } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';

export const setRowLevelSecurity: Render<Extract<Change, { kind: 'set row level security' }>> = ({ table, from, to }) => {
  const steps: Statement[] = [];
  if (from.enabled !== to.enabled) steps.push(statement(`ALTER TABLE ${nameOf(table)} ${to.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`));
  if (from.forced !== to.forced) steps.push(statement(`ALTER TABLE ${nameOf(table)} ${to.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`));
  return steps;
};

function roleList(roles: string[]): string {
  return roles.map((role) => (role === 'public' ? 'PUBLIC' : ident(role))).join(', ');
}

export function policySql(table: string, policy: Policy): string {
  let text = `CREATE POLICY ${ident(policy.name)} ON ${nameOf(table)} AS ${policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'} FOR ${policy.command} TO ${roleList(policy.roles)}`;
  if (policy.using) text += ` USING (${policy.using})`;
  if (policy.withCheck) text += ` WITH CHECK (${policy.withCheck})`;
  return text;
}

export const createPolicy: Render<Extract<Change, { kind: 'create policy' }>> = ({ table, policy }) => [statement(policySql(table, policy))];

/** ALTER POLICY changes roles and expressions in place; a changed command or kind needs drop + create. */
export const alterPolicy: Render<Extract<Change, { kind: 'alter policy' }>> = ({ table, from, to }) => {
  if (from.command !== to.command || from.permissive !== to.permissive || (from.using && !to.using) || (from.withCheck && !to.withCheck)) {
    const steps = [statement(`DROP POLICY ${ident(from.name)} ON ${nameOf(table)}`), statement(policySql(table, to))];
    if (to.comment !== undefined) steps.push(statement(`COMMENT ON POLICY ${ident(to.name)} ON ${nameOf(table)} IS ${literal(to.comment)}`));
    return steps;
  }
  let text = `ALTER POLICY ${ident(to.name)} ON ${nameOf(table)} TO ${roleList(to.roles)}`;
  if (to.using) text += ` USING (${to.using})`;
  if (to.withCheck) text += ` WITH CHECK (${to.withCheck})`;
  return [statement(text)];
};

export const dropPolicy: Render<Extract<Change, { kind: 'drop policy' }>> = ({ table, policy }) => [
  statement(`DROP POLICY ${ident(policy.name)} ON ${nameOf(table)}`),
];

function targetSql(target: GrantTarget): string {
  switch (target.type) {
    case 'schema':
      return `SCHEMA ${ident(target.name)}`;
    case 'routine':
      return `${target.routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(target.routine)}`;
    case 'sequence':
      return `SEQUENCE ${nameOf(target.id)}`;
    default:
      return `TABLE ${nameOf(target.id)}`;
  }
}

function granteeSql(grantee: string): string {
  return grantee === 'PUBLIC' ? 'PUBLIC' : ident(grantee);
}

/** Revokes what is no longer granted, then grants what is new, per role. */
export const setGrants: Render<Extract<Change, { kind: 'set grants' }>> = ({ target, from, to }) => {
  const steps: Statement[] = [];
  const on = targetSql(target);
  const byGrantee = (grants: Grant[]) => new Map(grants.map((g) => [g.grantee, g]));
  const before = byGrantee(from);
  const after = byGrantee(to);
  for (const [grantee, grant] of before) {
    const next = after.get(grantee);
    const removed = grant.privileges.filter((p) => !next?.privileges.includes(p));
    if (removed.length) steps.push(statement(`REVOKE ${removed.join(', ')} ON ${on} FROM ${granteeSql(grantee)}`));
    const optionRemoved = grant.withGrantOption && next && !next.withGrantOption ? grant.privileges.filter((p) => next.privileges.includes(p)) : [];
    if (optionRemoved.length) steps.push(statement(`REVOKE GRANT OPTION FOR ${optionRemoved.join(', ')} ON ${on} FROM ${granteeSql(grantee)}`));
  }
  for (const [grantee, grant] of after) {
    const previous = before.get(grantee);
    const added = grant.privileges.filter((p) => !previous?.privileges.includes(p) || (grant.withGrantOption && !previous.withGrantOption));
    if (added.length) steps.push(statement(`GRANT ${added.join(', ')} ON ${on} TO ${granteeSql(grantee)}${grant.withGrantOption ? ' WITH GRANT OPTION' : ''}`));
  }
  return steps;
};
