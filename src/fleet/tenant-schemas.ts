import { PgformError } from '../errors.js';
import type { Schema } from '../model/schema.js';

/** Tenant schema names pgform rewrites into: plain lower-case identifiers, bare in ids and SQL alike. */
const plainName = /^[a-z_][a-z0-9_]*$/;

/**
 * The schemas a `--schemas` value names among those the database has: a comma-separated list of
 * names and `*` patterns (`tenant_*`). A plain name the database lacks is kept (push creates it);
 * a pattern matching nothing is an error, as is a name pgform cannot rewrite SQL into.
 */
export function matchTenantSchemas(spec: string, existing: string[]): string[] {
  const picked = new Set<string>();
  for (const entry of spec.split(',').map((part) => part.trim()).filter(Boolean)) {
    if (entry.includes('*')) {
      const pattern = new RegExp(`^${entry.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      const matched = existing.filter((name) => pattern.test(name));
      if (matched.length === 0) throw new PgformError('USAGE', `no schema matches "${entry}"`, { field: '--schemas' }, `the database has: ${existing.join(', ') || 'no schemas'}`);
      for (const name of matched) picked.add(name);
    } else picked.add(entry);
  }
  for (const name of picked) {
    if (!plainName.test(name)) throw new PgformError('USAGE', `tenant schema "${name}" is not a plain lower-case name`, { field: '--schemas' }, 'tenant schemas are named with a-z, 0-9 and _, so definitions can be rewritten into them');
  }
  if (picked.size === 0) throw new PgformError('USAGE', '--schemas names no schema', { field: '--schemas' }, "give names or patterns: --schemas 'tenant_*' or --schemas acme,globex");
  return [...picked].sort();
}

/** The one schema the definitions manage: the template every tenant schema is a copy of. */
export function templateNamespace(definitions: Schema): string {
  // Every model holds `public`; it is the template only when objects live there.
  const used = new Set([definitions.enums, definitions.domains, definitions.composites ?? {}, definitions.ranges ?? {}, definitions.sequences, definitions.tables, definitions.views, definitions.routines, definitions.aggregates ?? {}].flatMap((record) => Object.values(record).map((o) => o.schema)));
  const managed = Object.values(definitions.namespaces)
    .filter((ns) => !ns.external && (ns.name !== 'public' || used.has('public')))
    .map((ns) => ns.name);
  if (managed.length !== 1) {
    throw new PgformError('USAGE', `per-tenant schemas need definitions in exactly one schema; they declare ${managed.length ? managed.join(', ') : 'none'}`, { field: '--schemas' }, 'keep shared objects in a separate definitions set');
  }
  const [name] = managed;
  if (!plainName.test(name!)) throw new PgformError('USAGE', `the definitions' schema "${name}" is not a plain lower-case name`, { field: '--schemas' });
  return name!;
}

/**
 * The model with every object of schema `from` moved to schema `to`: the namespace itself, ids,
 * schema fields, and qualified names inside SQL texts (view queries, bodies, expressions, types),
 * which PostgreSQL prints qualified. Both names are plain identifiers, so `from.` is rewritten
 * wherever it starts a qualified name (not inside a longer identifier or a quoted one).
 */
export function moveNamespace(schema: Schema, from: string, to: string): Schema {
  if (from === to) return schema;
  const qualified = new RegExp(`(^|[^\\w$".])${from}\\.`, 'g');
  const text = (value: string) => value.replace(qualified, `$1${to}.`);
  const walk = (value: unknown, key: string): unknown => {
    // Where a definition was written is a file path, not SQL.
    if (key === 'source') return value;
    if (typeof value === 'string') return value === from && /schema|namespace/i.test(key) ? to : text(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), walk(v, k)]));
    return value;
  };
  const { namespaces, ...rest } = schema;
  const moved = walk(rest, '') as Omit<Schema, 'namespaces'>;
  const renamed = Object.fromEntries(Object.entries(namespaces).map(([name, ns]) => (name === from ? [to, { ...(walk(ns, 'namespace') as typeof ns), name: to }] : [name, ns])));
  return { ...moved, namespaces: renamed } as Schema;
}

/**
 * A migration file's SQL moved from schema `from` to schema `to`: `from.` and `"from".` wherever
 * they start a qualified name (pgform writes names quoted, people often bare), the schema itself
 * where a statement names it (`SCHEMA from`: grants, comments, default privileges), and its
 * `CREATE SCHEMA` made `CREATE SCHEMA IF NOT EXISTS` (a tenant schema may exist before its first
 * migration: that is how a pattern finds it). A string literal reading `from.` is rewritten too:
 * the rewrite reads SQL as text, not parsed.
 */
export function moveSqlText(sql: string, from: string, to: string): string {
  if (from === to) return sql;
  const name = `("${from}"|${from})`;
  const created = new RegExp(`\\bCREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?${name}(?![\\w$])`, 'gi');
  const named = new RegExp(`\\bSCHEMA\\s+${name}(?![\\w$])`, 'gi');
  const qualified = new RegExp(`(^|[^\\w$".])${name}\\.`, 'g');
  return sql.replace(created, `CREATE SCHEMA IF NOT EXISTS "${to}"`).replace(named, `SCHEMA "${to}"`).replace(qualified, `$1"${to}".`);
}
