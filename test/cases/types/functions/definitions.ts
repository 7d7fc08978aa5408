import { enumType, integer, jsonb, numeric, procedure, rpc, sql, table, text, timestamptz, triggerFunction, uuid, view } from 'pgform';

export const tier = enumType('tier', ['free', 'pro']);

export const customers = table('customers', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    tier: tier.column().notNull().default('free'),
    balance: numeric(12, 2).notNull().default(0),
    joined_at: timestamptz().notNull().defaultNow(),
  },
});

export const richCustomers = view('rich_customers', {
  query: sql`SELECT id, name, balance FROM public.customers WHERE balance > 1000`,
});

export const addNumbers = rpc('add_numbers', {
  description: 'Adds two integers',
  args: { a: 'integer', b: { type: 'integer', default: sql`1` } },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT a + b`,
});

export const addNumerics = rpc('add_numbers', {
  description: 'Adds two numerics exactly',
  args: { a: 'numeric', b: 'numeric' },
  returns: 'numeric',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT a + b`,
});

export const touch = rpc('touch', {
  description: 'Returns nothing',
  args: { customer: 'uuid' },
  returns: 'void',
  language: 'sql',
  body: sql`UPDATE public.customers SET name = name WHERE id = customer`,
});

export const customerIds = rpc('customer_ids', {
  returns: { setof: 'uuid' },
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT id FROM public.customers`,
});

export const customersOfTier = rpc('customers_of_tier', {
  description: 'SETOF a table: rows typed as the table',
  args: { wanted: tier },
  returns: 'setof customers',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT * FROM public.customers WHERE tier = wanted`,
});

export const newest = rpc('newest_customer', {
  description: 'One row of a table type',
  returns: 'customers',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT * FROM public.customers ORDER BY joined_at DESC LIMIT 1`,
});

export const balances = rpc('balances', {
  args: { minimum: { type: 'numeric', default: sql`0` }, since: { type: 'timestamp with time zone', default: sql`'-infinity'` } },
  returns: { table: { customer_id: 'uuid', amount: 'numeric', joined: 'timestamp with time zone', tier: tier } },
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT c.id, c.balance, c.joined_at, c.tier FROM public.customers c WHERE c.balance >= minimum AND c.joined_at >= since`,
});

export const splitName = rpc('split_name', {
  description: 'OUT parameters: one row',
  args: { full_name: 'text', first: { type: 'text', mode: 'out' }, last: { type: 'text', mode: 'out' } },
  returns: 'record',
  language: 'plpgsql',
  volatility: 'immutable',
  body: sql`
BEGIN
  first := split_part(full_name, ' ', 1);
  last := split_part(full_name, ' ', 2);
END;
`,
});

export const ranked = rpc('ranked', {
  description: 'SETOF record with OUT parameters: rows',
  args: { position: { type: 'integer', mode: 'out' }, customer: { type: 'text', mode: 'out' } },
  returns: 'setof record',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT row_number() OVER ()::integer, name FROM public.customers`,
});

export const total = rpc('total', {
  args: { amounts: { type: 'numeric[]', mode: 'variadic' } },
  returns: 'numeric',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT coalesce(sum(x), 0) FROM unnest(amounts) AS x`,
});

export const counts = rpc('counts', {
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  body: sql`SELECT count(*) FROM public.customers`,
});

export const settings = rpc('settings', {
  args: { input: 'jsonb', tags: 'text[]' },
  returns: 'jsonb',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT input || jsonb_build_object('tags', tags)`,
});

export const firstOf = rpc('first_of', {
  description: 'Polymorphic: typed unknown',
  args: { items: 'anyarray' },
  returns: 'anyelement',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT items[1]`,
});

export const stamp = rpc('stamp', {
  args: { at: 'timestamp with time zone', days: 'integer' },
  returns: 'timestamp with time zone',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT at + make_interval(days => days)`,
});

export const setUpdated = triggerFunction('set_updated', {
  description: 'Trigger functions are not callable: left out',
  body: sql`
BEGIN
  RETURN NEW;
END;
`,
});

export const settle = procedure('settle', {
  description: 'Procedures are CALLed: left out',
  args: { from_id: 'uuid', amount: 'numeric' },
  language: 'plpgsql',
  body: sql`
BEGIN
  UPDATE public.customers SET balance = balance - amount WHERE id = from_id;
END;
`,
});

export const counter = table('counters', {
  columns: { id: integer().primaryKey(), payload: jsonb() },
});
