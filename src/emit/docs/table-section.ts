/**
 * One section per table: description, group, note, the field table, then constraints, indexes
 * with what they serve, triggers, row-level security in plain words, privileges and the table's
 * links to others. Every table gets an anchor, so the inventory and diagrams are one click away.
 */
import { realtimePublication, type Constraint, type Grant, type Index, type Table, type Trigger } from '../../model/schema.js';
import { displayId, relationRef, sectionAnchor, routineRef, triggerRoutine, type DocsContext } from './context.js';
import { coveringIndex, readersOf } from './facts.js';
import { foreignKeyText, renderFields } from './fields.js';
import { blocks, code, codeList, heading, link, nestMarkdown, plain, table } from './markdown.js';
import { renderPolicies } from './policies.js';
import { dropTextCasts, readableCheck, stripOuterParens } from './sql-text.js';

const kindOrder: Constraint['kind'][] = ['primary key', 'unique', 'foreign key', 'check', 'exclude'];

export function renderTables(ctx: DocsContext): string {
  const readers = readersOf(ctx);
  return blocks(heading(2, sectionAnchor.tables, 'Tables'), ...ctx.tableOrder.map((id) => renderTable(ctx, id, readers.get(id) ?? [])));
}

function renderTable(ctx: DocsContext, id: string, readBy: string[]): string {
  const t = ctx.schema.tables[id]!;
  const group = ctx.groupOf.get(id)!;
  const where = [`Group: ${link(plain(group.name), group.anchor)}`, t.source ? `defined in ${code(t.source.file)}` : ''].filter(Boolean).join(' · ');
  return blocks(
    heading(3, ctx.anchor('table', id)!, code(displayId(id))),
    t.comment,
    where,
    partitioning(ctx, t),
    replicationLine(ctx, id, t),
    t.note && nestMarkdown(t.note, 3),
    renderFields(ctx, t),
    renderConstraints(ctx, t),
    renderIndexes(ctx, id, t),
    renderTriggers(ctx, t),
    renderPolicies(t),
    renderGrants(t.grants),
    renderLinks(ctx, id, readBy),
  );
}

/** "Partition of `public.events` for values from ... to ...", "Partitioned by RANGE (created_at)", "Inherits from ...". */
function partitioning(ctx: DocsContext, t: Table): string {
  const lines: string[] = [];
  if (t.partitionOf) {
    const bound = t.partitionOf.bound === 'DEFAULT' ? 'the default partition' : code(t.partitionOf.bound);
    lines.push(`Partition of ${relationRef(ctx, t.partitionOf.parent)}: ${bound}.`);
  }
  if (t.partitionBy) lines.push(`Partitioned by ${code(t.partitionBy)}.`);
  if (t.inherits?.length) lines.push(`Inherits from ${t.inherits.map((p) => relationRef(ctx, p)).join(', ')}.`);
  return lines.join(' ');
}

/** Realtime, publications, replica identity and storage parameters, on one line when any is set. */
function replicationLine(ctx: DocsContext, id: string, t: Table): string {
  const member = Object.values(ctx.schema.publications).filter((p) => p.tables[id] !== undefined);
  const others = member.filter((p) => p.name !== realtimePublication).map((p) => code(p.name));
  const identity = t.replicaIdentity;
  const storage = Object.entries(t.storage ?? {}).map(([name, value]) => code(`${name}=${value}`));
  return [
    member.some((p) => p.name === realtimePublication) ? 'Realtime: yes' : '',
    others.length ? `Publications: ${others.join(', ')}` : '',
    identity === undefined ? '' : `Replica identity: ${typeof identity === 'object' ? `index ${code(identity.index)}` : identity}`,
    storage.length ? `Storage: ${storage.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function constraintDefinition(ctx: DocsContext, constraint: Constraint): string {
  let text: string;
  switch (constraint.kind) {
    case 'primary key':
      text = `PRIMARY KEY (${codeList(constraint.columns)})`;
      break;
    case 'unique':
      text = `UNIQUE${constraint.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${codeList(constraint.columns)})`;
      break;
    case 'foreign key':
      text = `FOREIGN KEY (${codeList(constraint.columns)}) ${foreignKeyText(ctx, constraint)}${constraint.match ? ' MATCH FULL' : ''}`;
      break;
    case 'check':
      text = `CHECK ${code(`(${readableCheck(constraint.expression)})`)}${constraint.noInherit ? ' NO INHERIT' : ''}`;
      break;
    case 'exclude':
      text = code(constraint.definition);
      break;
  }
  if (constraint.deferrable) text += constraint.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE';
  if ((constraint.kind === 'check' || constraint.kind === 'foreign key') && constraint.notValid) text += ' NOT VALID';
  return text;
}

function renderConstraints(ctx: DocsContext, t: Table): string {
  const constraints = Object.values(t.constraints).sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  if (constraints.length === 0) return '';
  return blocks(
    '**Constraints**',
    table(
      ['Constraint', 'Definition', 'Description'],
      constraints.map((c) => [code(c.name), constraintDefinition(ctx, c), c.comment ?? '']),
      ['Description'],
    ),
  );
}

/** What an index is: unique, method, partial, included columns. */
export function indexKind(index: Index): string {
  const parts = [index.unique ? 'unique' : '', index.method === 'btree' ? '' : index.method].filter(Boolean);
  const kind = parts.length ? parts.join(' ') : 'btree';
  const extras = [
    index.include.length ? `INCLUDE (${codeList(index.include)})` : '',
    index.nullsNotDistinct ? 'NULLS NOT DISTINCT' : '',
    index.where ? `partial: WHERE ${code(dropTextCasts(stripOuterParens(index.where)))}` : '',
  ].filter(Boolean);
  return [kind, ...extras].join(', ');
}

function renderIndexes(ctx: DocsContext, tableId: string, t: Table): string {
  const names = Object.keys(t.indexes).sort();
  if (names.length === 0) return '';
  // An index that is the first to cover a foreign key is the one that serves it.
  const serves = new Map<string, string[]>();
  for (const fk of ctx.foreignKeysFrom.get(tableId) ?? []) {
    const covering = coveringIndex(t, fk.key.columns);
    if (covering && t.indexes[covering]) serves.set(covering, [...(serves.get(covering) ?? []), `joins to ${relationRef(ctx, fk.key.references.table)} (FK ${code(fk.key.name)})`]);
  }
  return blocks(
    '**Indexes**',
    table(
      ['Index', 'Keys', 'Kind', 'Serves'],
      names.map((name) => {
        const index = t.indexes[name]!;
        const uses = [index.comment ?? '', ...(serves.get(name) ?? [])].filter(Boolean).join('; ');
        return [code(name), codeList(index.keys), indexKind(index), uses];
      }),
      ['Serves'],
    ),
  );
}

const timingOrder: Trigger['timing'][] = ['BEFORE', 'INSTEAD OF', 'AFTER'];

/** When a trigger fires: `BEFORE INSERT OR UPDATE OF a FOR EACH ROW WHEN (...)`. */
export function triggerFires(trigger: Trigger): string {
  const events = trigger.events.map((event) => (event === 'UPDATE' && trigger.updateOf?.length ? `UPDATE OF ${codeList(trigger.updateOf)}` : event));
  const when = trigger.when ? ` WHEN ${code(`(${stripOuterParens(trigger.when)})`)}` : '';
  const enabled = trigger.enabled === 'origin' ? '' : trigger.enabled === 'disabled' ? ' (**disabled**)' : ` (enabled ${trigger.enabled})`;
  const referencing = trigger.referencing
    ? ` REFERENCING${trigger.referencing.old !== undefined ? ` OLD TABLE AS ${code(trigger.referencing.old)}` : ''}${trigger.referencing.new !== undefined ? ` NEW TABLE AS ${code(trigger.referencing.new)}` : ''}`
    : '';
  return `${trigger.timing} ${events.join(' OR ')}${referencing} FOR EACH ${trigger.level}${when}${enabled}`;
}

function renderTriggers(ctx: DocsContext, t: Table): string {
  return renderTriggerList(ctx, t.triggers);
}

/** The triggers table of a table section (of the definitions' tables and the preset's alike). */
export function renderTriggerList(ctx: DocsContext, list: Record<string, Trigger>): string {
  const triggers = Object.values(list).sort(
    (a, b) => timingOrder.indexOf(a.timing) - timingOrder.indexOf(b.timing) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  if (triggers.length === 0) return '';
  return blocks(
    '**Triggers** (same timing fires in name order)',
    table(
      ['Trigger', 'Fires', 'Function', 'Description'],
      triggers.map((trigger) => {
        const routine = triggerRoutine(ctx, trigger.function);
        const fn = routine ? routineRef(ctx, routine) : code(`${displayId(trigger.function)}()`);
        const args = trigger.arguments.length ? ` with ${codeList(trigger.arguments.map((a) => `'${a}'`))}` : '';
        return [code(trigger.name), triggerFires(trigger), `${fn}${args}`, trigger.comment ?? ''];
      }),
      ['Description'],
    ),
  );
}

/** Privileges in one line: roles granted the same privileges share one entry (Supabase's API roles usually do). */
export function renderGrants(grants: Grant[]): string {
  if (grants.length === 0) return '**Privileges:** none granted beyond the owner.';
  const groups = new Map<string, string[]>();
  for (const g of grants) {
    const key = `${g.privileges.join(', ')}${g.withGrantOption ? ' (with grant option)' : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), g.grantee === 'PUBLIC' ? 'PUBLIC' : code(g.grantee)]);
  }
  return `**Privileges:** ${[...groups].map(([privileges, roles]) => `${roles.join(', ')}: ${privileges}`).join('; ')}.`;
}

function renderLinks(ctx: DocsContext, id: string, readBy: string[]): string {
  const outgoing = ctx.foreignKeysFrom.get(id) ?? [];
  const incoming = ctx.foreignKeysTo.get(id) ?? [];
  const joins = ctx.schema.docs.joins.filter((j) => j.from.table === id || j.to.table === id);
  const lines = [
    outgoing.length && `References: ${outgoing.map((fk) => `${relationRef(ctx, fk.key.references.table)} via ${codeList(fk.key.columns)}`).join(', ')}.`,
    incoming.length && `Referenced by: ${incoming.map((fk) => `${relationRef(ctx, fk.table)}.${codeList(fk.key.columns)}`).join(', ')}.`,
    readBy.length && `Read by views: ${readBy.map((view) => relationRef(ctx, view)).join(', ')}.`,
    joins.length && `Declared joins: ${[...new Set(joins.map((j) => (j.from.table === id ? `to ${relationRef(ctx, j.to.table)}` : `from ${relationRef(ctx, j.from.table)}`)))].join(', ')} (see ${link('key joins', sectionAnchor.joins)}).`,
  ].filter((line): line is string => typeof line === 'string');
  return lines.length ? lines.map((line) => `- ${line}`).join('\n') : '';
}
