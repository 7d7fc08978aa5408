import type { Change } from '../../model/change.js';
import { parseObjectId } from '../../model/id.js';
import type { Index, Trigger } from '../../model/schema.js';
import { nameOf } from './names.js';
import { ident, identList, literal, qualified } from '../../sql/quote.js';
import { statement, type Render } from './step.js';
import { withStorage } from './storage.js';

/** CREATE INDEX; `only` builds it on a partitioned table alone, invalid until each partition's is attached. */
export function indexSql(relation: string, index: Index, only = false): string {
  const { schema } = parseObjectId(relation);
  let text = `CREATE${index.unique ? ' UNIQUE' : ''} INDEX ${ident(index.name)} ON ${only ? 'ONLY ' : ''}${nameOf(relation)} USING ${ident(index.method)} (${index.keys.join(', ')})`;
  if (index.include.length) text += ` INCLUDE (${identList(index.include)})`;
  if (index.nullsNotDistinct) text += ' NULLS NOT DISTINCT';
  text += withStorage(index.storage);
  if (index.where) text += ` WHERE (${index.where})`;
  void schema;
  return text;
}

export const createIndex: Render<Extract<Change, { kind: 'create index' }>> = ({ relation, index }) => [
  statement(indexSql(relation, index), [{ code: 'LONG_LOCK', message: `building ${index.name} blocks writes to ${relation} until it finishes` }]),
];

export const dropIndex: Render<Extract<Change, { kind: 'drop index' }>> = ({ relation, index }) => [
  statement(`DROP INDEX ${qualified(parseObjectId(relation).schema, index.name)}`),
];

export function triggerSql(table: string, trigger: Trigger): string {
  const events = trigger.events.map((event) => (event === 'UPDATE' && trigger.updateOf?.length ? `UPDATE OF ${identList(trigger.updateOf)}` : event));
  const constraint = trigger.constraint;
  let text = `CREATE ${constraint ? 'CONSTRAINT ' : ''}TRIGGER ${ident(trigger.name)} ${trigger.timing} ${events.join(' OR ')} ON ${nameOf(table)}`;
  if (constraint) {
    if (constraint.from) text += ` FROM ${nameOf(constraint.from)}`;
    text += constraint.deferrable ? ` DEFERRABLE INITIALLY ${constraint.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}` : ' NOT DEFERRABLE';
  }
  const referencing = trigger.referencing;
  if (referencing) {
    text += ' REFERENCING';
    if (referencing.old !== undefined) text += ` OLD TABLE AS ${ident(referencing.old)}`;
    if (referencing.new !== undefined) text += ` NEW TABLE AS ${ident(referencing.new)}`;
  }
  text += ` FOR EACH ${trigger.level}`;
  if (trigger.when) text += ` WHEN (${trigger.when})`;
  text += ` EXECUTE FUNCTION ${nameOf(trigger.function)}(${trigger.arguments.map(literal).join(', ')})`;
  return text;
}

const enabling: Record<Exclude<Trigger['enabled'], 'origin'>, string> = {
  disabled: 'DISABLE TRIGGER',
  always: 'ENABLE ALWAYS TRIGGER',
  replica: 'ENABLE REPLICA TRIGGER',
};

export const createTrigger: Render<Extract<Change, { kind: 'create trigger' }>> = ({ table, trigger }) => {
  const steps = [statement(triggerSql(table, trigger))];
  if (trigger.enabled !== 'origin') steps.push(statement(`ALTER TABLE ${nameOf(table)} ${enabling[trigger.enabled]} ${ident(trigger.name)}`));
  return steps;
};

export const dropTrigger: Render<Extract<Change, { kind: 'drop trigger' }>> = ({ table, trigger }) => [
  statement(`DROP TRIGGER ${ident(trigger.name)} ON ${nameOf(table)}`),
];
