import type { Trigger } from '../model/schema.js';

/**
 * Why PostgreSQL would refuse a trigger's transition tables (`REFERENCING OLD/NEW TABLE AS`),
 * or undefined when it takes them: said at load time, naming the trigger, rather than as an
 * error halfway through applying a plan.
 */
export function transitionTablesError(trigger: Pick<Trigger, 'timing' | 'events' | 'updateOf' | 'referencing' | 'constraint'>): string | undefined {
  const referencing = trigger.referencing;
  if (!referencing) return undefined;
  if (trigger.timing !== 'AFTER') return "transition tables (referencing) need timing 'after'";
  if (trigger.constraint) return 'a constraint trigger cannot have transition tables (referencing)';
  if (trigger.updateOf?.length) return 'transition tables (referencing) cannot go with updateOf';
  const events = trigger.events.filter((event) => event !== 'TRUNCATE');
  if (events.length !== trigger.events.length) return 'transition tables (referencing) cannot go with a truncate event';
  if (events.length !== 1) return 'transition tables (referencing) need exactly one event (insert, update or delete)';
  if (referencing.old !== undefined && events[0] === 'INSERT') return 'an insert trigger has no old transition table (referencing.old)';
  if (referencing.new !== undefined && events[0] === 'DELETE') return 'a delete trigger has no new transition table (referencing.new)';
  if (referencing.old !== undefined && referencing.old === referencing.new) return 'the old and new transition tables need different names';
  return undefined;
}
