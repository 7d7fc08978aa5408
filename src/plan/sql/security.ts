import { grantTargetObject, type Change, type GrantTarget, type Hazard } from '../../model/change.js';
import type { Grant, Policy } from '../../model/schema.js';
import { nameOf, routineSignature } from './names.js';
import { aggregateFunctionSignature } from './aggregate.js';
import { ident, literal } from '../../sql/quote.js';
import { statement, type Render, type Statement } from './step.js';

export const setRowLevelSecurity: Render<Extract<Change, { kind: 'set row level security' }>> = ({ table, from, to }) => {
  const steps: Statement[] = [];
  const weakens = (message: string): Hazard[] => [{ code: 'WEAKENS_SECURITY', message }];
  if (from.enabled !== to.enabled) {
    const hazards = to.enabled ? [] : weakens(`disables row level security on ${table}: its policies stop applying and every role with a grant reads and writes every row`);
    steps.push(statement(`ALTER TABLE ${nameOf(table)} ${to.enabled ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, hazards));
  }
  if (from.forced !== to.forced) {
    const hazards = to.forced ? [] : weakens(`stops forcing row level security on ${table}: its owner bypasses the policies again`);
    steps.push(statement(`ALTER TABLE ${nameOf(table)} ${to.forced ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`, hazards));
  }
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
  statement(`DROP POLICY ${ident(policy.name)} ON ${nameOf(table)}`, [
    {
      code: 'WEAKENS_SECURITY',
      message: policy.permissive
        ? `drops policy ${policy.name} on ${table}: the rows it let ${policy.roles.join(', ')} reach are no longer governed by it`
        : `drops restrictive policy ${policy.name} on ${table}: the rows it kept from ${policy.roles.join(', ')} become reachable`,
    },
  ]),
];

function targetSql(target: Exclude<GrantTarget, { type: 'column' }>): string {
  switch (target.type) {
    case 'schema':
      return `SCHEMA ${ident(target.name)}`;
    case 'routine':
      return `${target.routine.kind === 'procedure' ? 'PROCEDURE' : 'FUNCTION'} ${routineSignature(target.routine)}`;
    case 'aggregate':
      return `FUNCTION ${aggregateFunctionSignature(target.aggregate)}`;
    case 'sequence':
      return `SEQUENCE ${nameOf(target.id)}`;
    default:
      return `TABLE ${nameOf(target.id)}`;
  }
}

export function granteeSql(grantee: string): string {
  return grantee === 'PUBLIC' ? 'PUBLIC' : ident(grantee);
}

/**
 * The roles Supabase's API (PostgREST) acts as, and PUBLIC which includes them: taking a
 * privilege away from one of them can break the application that relies on it.
 */
const apiRoles = new Set(['PUBLIC', 'anon', 'authenticated', 'service_role']);

/** The BREAKS_ACCESS hazard of revoking `privileges` from `grantee` (`what` says what loses them), none for other roles. */
export function revokeHazards(grantee: string, privileges: string[], what: string): Hazard[] {
  if (!apiRoles.has(grantee)) return [];
  return [{ code: 'BREAKS_ACCESS', message: `revokes ${privileges.join(', ')} on ${what} from ${grantee}, a role the API uses: requests relying on it start failing` }];
}

/** How grant statements are spelled: the object clause, a privilege, a statement prefix, and what the hazards name. */
export interface GrantSyntax {
  on: string;
  privilege?: (privilege: string) => string;
  prefix?: string;
  /** What the hazards name; none: revokes carry no hazard (nothing existing loses access). */
  what?: string;
}

/** The statements that turn one grant list into another: revokes first, then grants, per role. */
export function grantStatements(from: Grant[], to: Grant[], syntax: GrantSyntax): Statement[] {
  const steps: Statement[] = [];
  const { on, prefix = '', what } = syntax;
  const list = (privileges: string[]) => privileges.map(syntax.privilege ?? ((p) => p)).join(', ');
  // A grantee may hold some privileges with grant option and others without: one entry each.
  const byGrantee = (grants: Grant[]) => {
    const out = new Map<string, Map<string, boolean>>();
    for (const g of grants) {
      const held = out.get(g.grantee) ?? new Map<string, boolean>();
      for (const p of g.privileges) held.set(p, (held.get(p) ?? false) || Boolean(g.withGrantOption));
      out.set(g.grantee, held);
    }
    return out;
  };
  const before = byGrantee(from);
  const after = byGrantee(to);
  for (const [grantee, held] of before) {
    const next = after.get(grantee);
    const removed = [...held.keys()].filter((p) => !next?.has(p));
    if (removed.length) steps.push(statement(`${prefix}REVOKE ${list(removed)} ON ${on} FROM ${granteeSql(grantee)}`, what !== undefined ? revokeHazards(grantee, removed, what) : []));
    const optionRemoved = [...held].filter(([p, option]) => option && next?.get(p) === false).map(([p]) => p);
    if (optionRemoved.length) steps.push(statement(`${prefix}REVOKE GRANT OPTION FOR ${list(optionRemoved)} ON ${on} FROM ${granteeSql(grantee)}`));
  }
  for (const [grantee, held] of after) {
    const previous = before.get(grantee);
    for (const option of [false, true]) {
      const added = [...held].filter(([p, o]) => o === option && (!previous?.has(p) || (option && previous.get(p) === false))).map(([p]) => p);
      if (added.length) steps.push(statement(`${prefix}GRANT ${list(added)} ON ${on} TO ${granteeSql(grantee)}${option ? ' WITH GRANT OPTION' : ''}`));
    }
  }
  return steps;
}

/** Revokes what is no longer granted, then grants what is new, per role; column privileges name their column. */
export const setGrants: Render<Extract<Change, { kind: 'set grants' }>> = ({ target, from, to }) => {
  if (target.type === 'column') {
    const on = `TABLE ${nameOf(target.table)}`;
    return grantStatements(from, to, { on, privilege: (privilege) => `${privilege} (${ident(target.column)})`, what: `column ${target.table}.${target.column}` });
  }
  const { object } = grantTargetObject(target);
  return grantStatements(from, to, { on: targetSql(target), what: `${target.type} ${object}` });
};
