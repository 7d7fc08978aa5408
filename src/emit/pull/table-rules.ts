import { objectId, parseObjectId } from '../../model/id.js';
import type { Policy, Table, Trigger } from '../../model/schema.js';
import { bool, call, obj, sqlText, str, strings, type Expr } from './code.js';
import { unitKey, warn, type PullContext } from './context.js';
import { byName } from './parts.js';

/** The trigger function by its variable, or by its name when that would close an import cycle. */
function triggerFunction(functionId: string, owner: string, ctx: PullContext): Expr {
  const routine = Object.entries(ctx.schema.routines).find(
    ([, r]) => objectId(r.schema, r.name) === functionId && r.arguments.length === 0 && r.returns === 'trigger',
  );
  if (routine) {
    const key = unitKey('routine', routine[0]);
    return { kind: 'ref', target: key, direct: { kind: 'var', target: key }, byName: str(functionId) };
  }
  if (!ctx.external.has(parseObjectId(functionId).schema)) {
    warn(ctx, owner, `trigger function ${functionId}() is not among the pulled routines (an extension's?); the definitions will not load until it is declared`);
  }
  return str(functionId);
}

/** A trigger's options, as a table's `triggers` entry or `trigger()` on a preset's table writes them. */
export function triggerEntries(trigger: Trigger, owner: string, ctx: PullContext): [string, Expr | undefined][] {
  return [
    ['timing', str(trigger.timing.toLowerCase())],
    ['events', strings(trigger.events.map((event) => event.toLowerCase()))],
    ['updateOf', trigger.updateOf?.length ? strings(trigger.updateOf) : undefined],
    ['forEach', trigger.level === 'STATEMENT' ? str('statement') : undefined],
    ['when', trigger.when !== undefined ? sqlText(trigger.when) : undefined],
    ['function', triggerFunction(trigger.function, owner, ctx)],
    ['arguments', trigger.arguments.length ? strings(trigger.arguments) : undefined],
    ['enabled', trigger.enabled !== 'origin' ? str(trigger.enabled) : undefined],
    ['constraint', trigger.constraint ? constraintTrigger(trigger.constraint, owner) : undefined],
    ['referencing', trigger.referencing ? obj([['old', trigger.referencing.old !== undefined ? str(trigger.referencing.old) : undefined], ['new', trigger.referencing.new !== undefined ? str(trigger.referencing.new) : undefined]]) : undefined],
    ['description', trigger.comment !== undefined ? str(trigger.comment) : undefined],
  ];
}

/** A constraint trigger's deferral and FROM table; the table by name, bare in its own schema. */
function constraintTrigger(constraint: NonNullable<Trigger['constraint']>, owner: string): Expr {
  const from = constraint.from && parseObjectId(constraint.from);
  const sameSchema = from && from.schema === parseObjectId(owner).schema && from.schema === 'public';
  return obj([
    ['deferrable', constraint.deferrable ? bool(true) : undefined],
    ['initiallyDeferred', constraint.initiallyDeferred ? bool(true) : undefined],
    ['from', from ? str(sameSchema ? from.name : constraint.from!) : undefined],
  ]);
}

/** `triggers: { name: { timing, events, function, ... } }`. */
export function triggersExpr(table: Pick<Table, 'schema' | 'name'> & { triggers?: Table['triggers'] }, ctx: PullContext): Expr | undefined {
  const triggers = byName(Object.values(table.triggers ?? {}));
  if (triggers.length === 0) return undefined;
  const owner = objectId(table.schema, table.name);
  return obj(triggers.map((trigger) => [trigger.name, obj(triggerEntries(trigger, owner, ctx))]));
}

/** `trigger('on_auth_user_created', { on: 'auth.users', ... })`: a trigger on a table of the preset. */
export function externalTriggerExpr(tableId: string, trigger: Trigger, ctx: PullContext): Expr {
  return call('trigger', str(trigger.name), obj([['on', str(tableId)], ...triggerEntries(trigger, tableId, ctx)]));
}

/** A policy's options, as a table's `policies` entry or `policy()` on a preset's table writes them. */
function policyEntries(policy: Policy): [string, Expr | undefined][] {
  const everyone = policy.roles.length === 1 && policy.roles[0] === 'public';
  const to = everyone ? undefined : policy.roles.length === 1 ? str(policy.roles[0]!) : strings(policy.roles);
  return [
    ['for', str(policy.command.toLowerCase())],
    ['to', to],
    ['restrictive', policy.permissive ? undefined : bool(true)],
    ['using', policy.using !== undefined ? sqlText(policy.using) : undefined],
    ['withCheck', policy.withCheck !== undefined ? sqlText(policy.withCheck) : undefined],
    ['description', policy.comment !== undefined ? str(policy.comment) : undefined],
  ];
}

/** `policies: { 'Owners read': { for: 'select', to: 'authenticated', using: sql`...` } }`. */
export function policiesExpr(table: Table): Expr | undefined {
  const policies = byName(Object.values(table.policies));
  if (policies.length === 0) return undefined;
  return obj(policies.map((policy) => [policy.name, obj(policyEntries(policy))]));
}

/** `policy('Avatars are public', { on: 'storage.objects', ... })`: a policy on a table of the preset. */
export function externalPolicyExpr(tableId: string, policy: Policy): Expr {
  return call('policy', str(policy.name), obj([['on', str(tableId)], ...policyEntries(policy)]));
}
