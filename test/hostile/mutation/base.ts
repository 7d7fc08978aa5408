import * as dsl from '../../../src/dsl/index.js';
import type { Definition } from '../../../src/dsl/build.js';

/**
 * A builder call written as data, so a mutation can reach every argument: `['references',
 * 'crm.accounts', 'id', { onDelete: 'cascade' }]` is `.references('crm.accounts', 'id', {...})`.
 * The method name itself is the harness's, never mutated.
 */
export type Call = [method: string, ...args: unknown[]];

/** A column: a type helper (`uuid`, `varchar`, `column`...) with its arguments, then calls. */
export interface ColumnInput {
  helper: string;
  args: unknown[];
  calls: Call[];
}

/** One builder invocation: the builder's name and its arguments (names, options objects). */
export interface Declaration {
  builder: string;
  args: unknown[];
}

/**
 * An Input is a whole set of definitions as plain data: what the builders are given, in order.
 * Inside options, `{ $column: ColumnInput }` stands for a column builder and `{ $def: 'name' }`
 * for the definition declared earlier under that name (an enum for a column type, a table for
 * a reference, a routine for a trigger).
 */
export type Input = Declaration[];

const col = (helper: string, args: unknown[], ...calls: Call[]) => ({ $column: { helper, args, calls } });

/** A small valid system that touches every builder and most options. */
export function baseInput(): Input {
  return [
    { builder: 'schema', args: ['crm', { description: 'CRM' }] },
    { builder: 'extension', args: ['pgcrypto'] },
    { builder: 'enumType', args: ['lead_status', ['new', 'won', 'lost'], { schema: 'crm', description: 'stages' }] },
    { builder: 'domain', args: ['email', 'text', { schema: 'crm', checks: { email_at: { sql: "VALUE ~ '@'" } } }] },
    { builder: 'sequence', args: ['ticket_no', { schema: 'crm', start: 100, increment: 1 }] },
    { builder: 'triggerFunction', args: ['touch', { schema: 'crm', body: { sql: 'BEGIN NEW.updated_at := now(); RETURN NEW; END;' } }] },
    {
      builder: 'rpc',
      args: ['lead_count', { schema: 'crm', args: { status: { $def: 'lead_status' } }, returns: 'integer', language: 'sql', volatility: 'stable', body: { sql: 'SELECT 1' }, grants: ['authenticated'] }],
    },
    {
      builder: 'table',
      args: [
        'accounts',
        {
          schema: 'crm',
          description: 'customers',
          columns: {
            id: col('uuid', [], ['primaryKey'], ['default', { sql: 'gen_random_uuid()' }]),
            name: col('varchar', [120], ['notNull'], ['unique'], ['describe', 'display name']),
            email: col('column', [{ $def: 'email' }]),
            updated_at: col('timestamptz', [], ['notNull'], ['defaultNow']),
          },
          triggers: { accounts_touch: { timing: 'before', events: ['update'], function: { $def: 'touch' } } },
          grants: [{ to: 'authenticated', privileges: ['select'] }],
        },
      ],
    },
    {
      builder: 'table',
      args: [
        'leads',
        {
          schema: 'crm',
          columns: {
            id: col('bigint', [], ['identity'], ['primaryKey']),
            account_id: col('uuid', [], ['notNull'], ['references', { $def: 'accounts' }, 'id', { onDelete: 'cascade' }], ['index']),
            status: col('column', [{ $def: 'lead_status' }], ['default', 'new']),
            score: col('numeric', [5, 2], ['check', { sql: 'score >= 0' }]),
            tags: col('text', [], ['array']),
            owner: col('uuid', []),
          },
          indexes: { leads_status_score: { on: ['status', 'score DESC'], where: { sql: "status <> 'lost'" } } },
          unique: [['account_id', 'owner']],
          rls: true,
          policies: { own_leads: { for: 'select', to: 'authenticated', using: { sql: 'owner = auth.uid()' } } },
        },
      ],
    },
    { builder: 'triggerFunction', args: ['on_signup', { schema: 'crm', body: { sql: 'BEGIN RETURN NEW; END;' }, security: 'definer', set: { search_path: '' } }] },
    { builder: 'trigger', args: ['crm_on_signup', { on: 'auth.users', timing: 'after', events: ['insert'], function: { $def: 'on_signup' } }] },
    { builder: 'view', args: ['open_leads', { schema: 'crm', query: { sql: "SELECT id, status FROM crm.leads WHERE status <> 'lost'" }, columns: { id: 'lead id' } }] },
    { builder: 'system', args: [{ title: 'CRM', groups: { core: { description: 'core' } }, joins: [{ from: 'crm.leads.owner', to: 'crm.accounts.id' }] }] },
  ];
}

/** The name a declaration is known by, for `{ $def: name }` markers. */
function nameOf(declaration: Declaration): unknown {
  return declaration.args[0];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Turns an Input into definitions by calling the real builders. Markers become builders and
 * earlier definitions; a `{ $def }` naming nothing declared passes on as the bare name (a
 * dangling reference written as text). Whatever a builder throws propagates, as it would from
 * a user's definitions file.
 */
export function materialize(input: Input): Definition[] {
  const declared = new Map<unknown, Definition>();
  const resolve = (value: unknown, depth = 0): unknown => {
    if (depth > 8) return value;
    if (Array.isArray(value)) return value.map((item) => resolve(item, depth + 1));
    if (!isRecord(value)) return value;
    if ('$column' in value && isRecord(value.$column) && Object.keys(value).length === 1) return makeColumn(value.$column as unknown as ColumnInput, resolve);
    if ('$def' in value && Object.keys(value).length === 1) return declared.get(value.$def) ?? value.$def;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, depth + 1)]));
  };
  const definitions: Definition[] = [];
  for (const declaration of input) {
    // A mutation may break the harness's own shape; such a declaration is simply not made.
    if (!isRecord(declaration) || typeof declaration.builder !== 'string' || !Array.isArray(declaration.args)) continue;
    const builder = (dsl as unknown as Record<string, (...args: unknown[]) => Definition>)[declaration.builder]!;
    const definition = builder(...declaration.args.map((arg) => resolve(arg)));
    declared.set(nameOf(declaration), definition);
    definitions.push(definition);
  }
  return definitions;
}

function makeColumn(input: ColumnInput, resolve: (value: unknown) => unknown): unknown {
  const helper = (dsl as unknown as Record<string, (...args: unknown[]) => unknown>)[input.helper];
  if (typeof helper !== 'function') return input;
  let builder = helper(...(Array.isArray(input.args) ? input.args : [input.args]).map(resolve)) as Record<string, (...args: unknown[]) => unknown>;
  for (const call of Array.isArray(input.calls) ? input.calls : []) {
    if (!Array.isArray(call) || typeof builder?.[call[0]] !== 'function') continue;
    const [method, ...args] = call;
    builder = builder[method]!(...args.map(resolve)) as typeof builder;
  }
  return builder;
}
