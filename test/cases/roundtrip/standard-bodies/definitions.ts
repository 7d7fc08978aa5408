import { integer, procedure, rpc, sql, table, text } from 'pgform';

export const events = table('events', {
  columns: { id: integer().primaryKey().identity('always'), kind: text().notNull() },
});

export const add = rpc('add', {
  args: { a: 'integer', b: 'integer' },
  returns: 'integer',
  volatility: 'immutable',
  body: sql`RETURN a + b`,
});

export const addThree = rpc('add', {
  description: 'an overload with three arguments',
  args: { a: 'integer', b: 'integer', c: 'integer' },
  returns: 'integer',
  volatility: 'immutable',
  body: sql`RETURN public.add(a, b) + c`,
});

export const logEvent = rpc('log_event', {
  args: { k: 'text' },
  returns: 'bigint',
  language: 'sql',
  body: sql`BEGIN ATOMIC
  INSERT INTO public.events (kind) VALUES (k);
  SELECT count(*) FROM public.events WHERE kind = k;
END`,
});

export const clearEvents = procedure('clear_events', {
  body: sql`BEGIN ATOMIC
  DELETE FROM public.events;
END`,
});
