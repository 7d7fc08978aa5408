/**
 * Row-level security in plain words: the table's RLS state and each policy as a sentence, e.g.
 * "**Owners read their projects** — SELECT for `authenticated`, permissive: rows where
 * `owner_id = auth.uid()`". USING filters the rows a command sees; WITH CHECK is what new or
 * changed rows must satisfy (PostgreSQL reuses USING for that when a policy has no WITH CHECK).
 */
import type { Policy, PolicyCommand, Table } from '../../model/schema.js';
import { code, plural } from './markdown.js';
import { dropTextCasts, stripOuterParens } from './sql-text.js';

const commandOrder: PolicyCommand[] = ['ALL', 'SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/** Policies ordered by command, then name. */
export function orderedPolicies(table: Pick<Table, 'policies'>): Policy[] {
  return Object.values(table.policies).sort(
    (a, b) => commandOrder.indexOf(a.command) - commandOrder.indexOf(b.command) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function rolesText(roles: string[]): string {
  if (roles.length === 0 || roles.includes('public')) return 'every role';
  return roles.map(code).join(', ');
}

/** A policy clause as people write it: no outer parentheses, no `::text` after literals. */
function clause(expression: string): string {
  return dropTextCasts(stripOuterParens(expression));
}

function condition(expression: string | undefined): string {
  const text = clause(expression ?? '');
  return text === 'true' ? 'all rows' : `rows where ${code(text)}`;
}


/** One policy as a sentence. */
export function policySentence(policy: Policy): string {
  const head = `**${policy.name.replace(/([\\*_`[\]<>|])/g, '\\$1')}** — ${policy.command} for ${rolesText(policy.roles)}, ${policy.permissive ? 'permissive' : 'restrictive (must also pass)'}`;
  const parts: string[] = [];
  const { command, using, withCheck } = policy;
  if (command !== 'INSERT') parts.push(using !== undefined ? condition(using) : 'grants no rows (no USING)');
  if (command === 'INSERT' || command === 'UPDATE' || command === 'ALL') {
    const verb = command === 'INSERT' ? 'new rows' : command === 'UPDATE' ? 'updated rows' : 'new and updated rows';
    if (withCheck !== undefined && clause(withCheck) === 'true') parts.push(`${verb} unchecked`);
    else if (withCheck !== undefined && using !== undefined && clause(withCheck) === clause(using)) parts.push(`${verb} must satisfy the same condition`);
    else if (withCheck !== undefined) parts.push(`${verb} must satisfy ${code(clause(withCheck))}`);
    else if (using !== undefined && command !== 'INSERT') parts.push(`${verb} must satisfy the same condition`);
    else if (command === 'INSERT') parts.push('allows no new rows (no WITH CHECK)');
  }
  const text = `${head}: ${parts.join('; ')}`;
  return policy.comment ? `${text}. ${policy.comment}` : text;
}

/** The RLS paragraph and policy list of a table section. */
export function renderPolicies(table: Table): string {
  const policies = orderedPolicies(table);
  let state: string;
  if (!table.rls.enabled) {
    state = policies.length
      ? `**off**: the ${plural(policies.length, 'policy', 'policies')} below are not applied, and every role with table privileges sees every row.`
      : '**off**: every role with table privileges sees every row.';
  } else if (policies.length === 0) {
    state = '**on** with **no policies**: only the owner and roles that bypass RLS reach any row.';
  } else {
    state = `on${table.rls.forced ? ' and forced (it applies to the owner too)' : ''}, with ${plural(policies.length, 'policy', 'policies')}:`;
  }
  return [`**Row-level security:** ${state}`, ...(policies.length ? [''] : []), ...policies.map((policy) => `- ${policySentence(policy)}`)].join('\n');
}
