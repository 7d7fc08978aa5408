/**
 * Functions and procedures: signature, result, language, volatility, security (definer or
 * invoker, and the pinned search_path a definer needs), grants, purpose, what uses them
 * (triggers, policies, views, other routines) and the body, collapsed.
 */
import { parseObjectId } from '../../model/id.js';
import type { Routine } from '../../model/schema.js';
import { displayId, relationRef, routineRef, sectionAnchor, routineSignature, routineTitle, shortType, triggerRoutine, type DocsContext } from './context.js';
import { blocks, code, details, fence, heading, link, nestMarkdown, plain, table } from './markdown.js';
import { routinesCalled } from './facts.js';
import { presetTableAnchor } from './external.js';

/** How a routine's search_path setting reads; undefined when it is not pinned. */
export function pinnedSearchPath(routine: Routine): string | undefined {
  const value = routine.settings['search_path'];
  if (value === undefined) return undefined;
  return value === '""' || value === "''" ? 'pinned to empty (every name schema-qualified)' : `pinned to ${code(value)}`;
}

function securityText(routine: Routine): string {
  const path = pinnedSearchPath(routine);
  if (routine.securityDefiner) {
    return `SECURITY DEFINER (runs with the owner's rights); search_path ${path ?? '**not pinned**: a caller can shadow the names it uses'}`;
  }
  return `SECURITY INVOKER${path ? `; search_path ${path}` : ''}`;
}

function behaviour(routine: Routine): string {
  return [
    routine.kind === 'procedure' ? '' : routine.volatility,
    routine.strict ? 'strict (NULL in, NULL out)' : '',
    routine.leakproof ? 'leakproof' : '',
    routine.parallel === 'unsafe' ? '' : `parallel ${routine.parallel}`,
    routine.cost !== undefined ? `cost ${routine.cost}` : '',
    routine.rows !== undefined ? `about ${routine.rows} rows` : '',
    routine.support !== undefined ? `planner support ${routine.support}` : '',
    routine.transforms?.length ? `transforms for ${routine.transforms.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** A link to a preset table's section. */
function presetTableRef(id: string): string {
  return link(code(displayId(id)), presetTableAnchor(id));
}

/** Where a routine is used, one list per kind of user, in document order. */
type Usage = Record<'Triggers' | 'Policies of' | 'Views' | 'Called by', string[]>;

function usages(ctx: DocsContext): Map<string, Usage> {
  const uses = new Map<string, Usage>();
  const add = (id: string, kind: keyof Usage, use: string) => {
    const usage = uses.get(id) ?? { Triggers: [], 'Policies of': [], Views: [], 'Called by': [] };
    if (!usage[kind].includes(use)) usage[kind].push(use);
    uses.set(id, usage);
  };
  for (const tableId of ctx.tableOrder) {
    const t = ctx.schema.tables[tableId]!;
    for (const name of Object.keys(t.triggers).sort()) {
      const routine = triggerRoutine(ctx, t.triggers[name]!.function);
      if (routine) add(routine, 'Triggers', `${code(name)} on ${relationRef(ctx, tableId)}`);
    }
    for (const name of Object.keys(t.policies).sort()) {
      const policy = t.policies[name]!;
      for (const id of routinesCalled(ctx, `${policy.using ?? ''} ${policy.withCheck ?? ''}`, t.schema)) add(id, 'Policies of', relationRef(ctx, tableId));
    }
  }
  for (const [tableId, t] of Object.entries(ctx.schema.externalTables ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const name of Object.keys(t.triggers).sort()) {
      const routine = triggerRoutine(ctx, t.triggers[name]!.function);
      if (routine) add(routine, 'Triggers', `${code(name)} on ${presetTableRef(tableId)}`);
    }
    for (const name of Object.keys(t.policies).sort()) {
      const policy = t.policies[name]!;
      for (const id of routinesCalled(ctx, `${policy.using ?? ''} ${policy.withCheck ?? ''}`, parseObjectId(tableId).schema)) add(id, 'Policies of', presetTableRef(tableId));
    }
  }
  for (const viewId of ctx.groups.flatMap((g) => g.views)) {
    const view = ctx.schema.views[viewId]!;
    for (const id of routinesCalled(ctx, view.definition, view.schema)) add(id, 'Views', relationRef(ctx, viewId));
  }
  for (const callerId of ctx.groups.flatMap((g) => g.routines)) {
    const caller = ctx.schema.routines[callerId]!;
    for (const id of routinesCalled(ctx, caller.body, caller.schema)) if (id !== callerId) add(id, 'Called by', routineRef(ctx, callerId));
  }
  return uses;
}

function renderRoutine(ctx: DocsContext, id: string, usedBy: Usage | undefined): string {
  const routine = ctx.schema.routines[id]!;
  const group = ctx.groupOf.get(id)!;
  const calls = routinesCalled(ctx, routine.body, routine.schema).filter((call) => call !== id);
  const grants = routine.grants.filter((g) => g.privileges.includes('EXECUTE')).map((g) => (g.grantee === 'PUBLIC' ? 'PUBLIC (every role)' : code(g.grantee)));
  const rows: [string, string][] = [
    ['Signature', code(routineSignature(routine))],
    ['Returns', routine.kind === 'procedure' ? 'nothing (procedure)' : code(shortType(routine.returns ?? 'void'))],
    ['Language', code(routine.language)],
    ['Behaviour', behaviour(routine) || '—'],
    ['Security', securityText(routine)],
    ['EXECUTE granted to', grants.length ? grants.join(', ') : 'owner only'],
  ];
  const other = Object.entries(routine.settings).filter(([key]) => key !== 'search_path');
  if (other.length) rows.push(['Settings', other.map(([key, value]) => code(`${key} = ${value}`)).join(', ')]);
  if (calls.length) rows.push(['Calls', calls.map((call) => routineRef(ctx, call)).join(', ')]);
  for (const [kind, list] of Object.entries(usedBy ?? {})) if (list.length) rows.push([kind, list.join(', ')]);
  const language = routine.language === 'plpgsql' || routine.language === 'sql' ? 'sql' : routine.language;
  return blocks(
    heading(3, ctx.anchor('routine', id)!, code(routineTitle(routine))),
    routine.comment,
    [`Group: ${link(plain(group.name), group.anchor)}`, routine.source ? `defined in ${code(routine.source.file)}` : ''].filter(Boolean).join(' · '),
    routine.note && nestMarkdown(routine.note, 3),
    table(['Property', 'Value'], rows),
    details('Body', fence(language, routine.body.trim())),
  );
}

export function renderFunctions(ctx: DocsContext): string {
  const ids = ctx.groups.flatMap((group) => group.routines);
  if (ids.length === 0) return '';
  const usedBy = usages(ctx);
  return blocks(heading(2, sectionAnchor.functions, 'Functions'), ...ids.map((id) => renderRoutine(ctx, id, usedBy.get(id))));
}
