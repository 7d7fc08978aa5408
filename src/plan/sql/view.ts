import type { Change, Hazard } from '../../model/change.js';
import type { View } from '../../model/schema.js';
import { qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';
import { withStorage } from './storage.js';

function viewOptions(view: View): string {
  const options: string[] = [];
  if (view.checkOption) options.push(`check_option = ${view.checkOption}`);
  if (view.securityBarrier) options.push('security_barrier = true');
  if (view.securityInvoker) options.push('security_invoker = true');
  return options.length ? ` WITH (${options.join(', ')})` : '';
}

/** The query without the trailing semicolon pg_get_viewdef prints. */
function query(view: View): string {
  return view.definition.trim().replace(/;\s*$/, '');
}

export function viewSql(view: View, orReplace: boolean): string {
  const name = qualified(view.schema, view.name);
  if (view.materialized) return `CREATE MATERIALIZED VIEW ${name}${withStorage(view.storage)} AS\n${query(view)}${view.withNoData ? '\nWITH NO DATA' : ''}`;
  return `CREATE${orReplace ? ' OR REPLACE' : ''} VIEW ${name}${viewOptions(view)} AS\n${query(view)}`;
}

/** A view that stops running as its caller runs as its owner: the owner's privileges and RLS bypass apply. */
function invokerLost(from: View, to: View): Hazard[] {
  if (!from.securityInvoker || to.securityInvoker || to.materialized) return [];
  const id = `${to.schema}.${to.name}`;
  return [{ code: 'WEAKENS_SECURITY', message: `view ${id} loses security_invoker: it reads its tables with its owner's privileges, bypassing the caller's row level security` }];
}

export const createView: Render<Extract<Change, { kind: 'create view' }>> = ({ view, replaces }) => [
  statement(viewSql(view, false), replaces ? invokerLost(replaces, view) : []),
];

export const replaceView: Render<Extract<Change, { kind: 'replace view' }>> = ({ from, to }) => {
  const steps = [statement(viewSql(to, true))];
  if (!to.materialized) {
    const reset: string[] = [];
    if (from.securityInvoker && !to.securityInvoker) reset.push('security_invoker');
    if (from.securityBarrier && !to.securityBarrier) reset.push('security_barrier');
    if (from.checkOption && !to.checkOption) reset.push('check_option');
    if (reset.length) steps.push(statement(`ALTER VIEW ${qualified(to.schema, to.name)} RESET (${reset.join(', ')})`, invokerLost(from, to)));
  }
  return steps;
};

export const dropView: Render<Extract<Change, { kind: 'drop view' }>> = ({ view }) => [
  statement(`DROP ${view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${qualified(view.schema, view.name)}`),
];
