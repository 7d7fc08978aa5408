import type { Change, StorageTarget } from '../../model/change.js';
import { parseObjectId } from '../../model/id.js';
import type { ReplicaIdentity, StorageOptions } from '../../model/schema.js';
import { nameOf } from './names.js';
import { ident, literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';

/** An option name: `fillfactor`, or `toast.autovacuum_enabled` for the TOAST table's own. */
function optionName(name: string): string {
  return name.split('.').map(ident).join('.');
}

/**
 * `("fillfactor" = '70', ...)`. Values go as string literals: PostgreSQL parses them by the
 * option's type and stores the text, so `'70'` and `70` are stored alike.
 */
export function storageList(options: StorageOptions): string {
  return `(${Object.entries(options).map(([name, value]) => `${optionName(name)} = ${literal(value)}`).join(', ')})`;
}

/** ` WITH (...)` for CREATE TABLE, INDEX and MATERIALIZED VIEW; empty without options. */
export function withStorage(options: StorageOptions | undefined): string {
  return options && Object.keys(options).length ? ` WITH ${storageList(options)}` : '';
}

function targetSql(target: StorageTarget): string {
  if (target.type === 'index') return `INDEX ${qualified(parseObjectId(target.relation).schema, target.name)}`;
  return `${target.type === 'table' ? 'TABLE' : 'MATERIALIZED VIEW'} ${nameOf(target.id)}`;
}

/** SET for options added or changed, RESET for options removed; neither rewrites the relation. */
export const setStorage: Render<Extract<Change, { kind: 'set storage' }>> = ({ target, from, to }) => {
  const changed = Object.fromEntries(Object.entries(to).filter(([name, value]) => from[name] !== value));
  const removed = Object.keys(from).filter((name) => !(name in to));
  const steps = [];
  if (removed.length) steps.push(statement(`ALTER ${targetSql(target)} RESET (${removed.map(optionName).join(', ')})`));
  if (Object.keys(changed).length) steps.push(statement(`ALTER ${targetSql(target)} SET ${storageList(changed)}`));
  return steps;
};

function identitySql(identity: ReplicaIdentity | undefined): string {
  if (identity === undefined) return 'DEFAULT';
  if (identity === 'full') return 'FULL';
  if (identity === 'nothing') return 'NOTHING';
  return `USING INDEX ${ident(identity.index)}`;
}

export const setReplicaIdentity: Render<Extract<Change, { kind: 'set replica identity' }>> = ({ table, to }) => [
  statement(`ALTER TABLE ${nameOf(table)} REPLICA IDENTITY ${identitySql(to)}`),
];
