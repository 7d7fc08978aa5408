import { enumType, integer, numeric, procedure, rpc, sql, table, text, uuid } from 'pgform';

export const tier = enumType('tier', ['free', 'pro']);

export const customers = table('customers', {
  columns: {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    tier: tier.column().notNull().default('free'),
    balance: numeric(12, 2).notNull().default(0),
  },
});

export const addNumbers = rpc('add_numbers', {
  description: 'Adds two integers',
  args: { a: 'integer', b: { type: 'int', default: sql`1` } },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  strict: true,
  parallel: 'safe',
  cost: 0.5,
  body: sql`SELECT a + b`,
});

export const customersOfTier = rpc('customers_of_tier', {
  args: { wanted: tier },
  returns: 'setof customers',
  language: 'sql',
  volatility: 'stable',
  cost: 25,
  rows: 40,
  body: sql`SELECT * FROM public.customers WHERE tier = wanted`,
});

export const balances = rpc('balances', {
  args: { minimum: { type: 'numeric', default: sql`0` } },
  returns: { table: { customer_id: 'uuid', amount: 'numeric' } },
  language: 'plpgsql',
  volatility: 'stable',
  security: 'definer',
  set: { search_path: '' },
  cost: 100,
  rows: 1000,
  grants: ['authenticated', 'service_role'],
  body: sql`
BEGIN
  RETURN QUERY SELECT c.id, c.balance FROM public.customers c WHERE c.balance >= minimum;
END;
`,
});

export const splitName = rpc('split_name', {
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

export const total = rpc('total', {
  args: { amounts: { type: 'numeric[]', mode: 'variadic' } },
  returns: 'numeric',
  language: 'sql',
  volatility: 'immutable',
  leakproof: true,
  body: sql`SELECT coalesce(sum(x), 0) FROM unnest(amounts) AS x`,
});

export const totalOverload = rpc('add_numbers', {
  args: { a: 'numeric', b: 'numeric' },
  returns: 'numeric',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT a + b`,
});

export const settle = procedure('settle', {
  description: 'Moves balance between customers',
  args: { from_id: 'uuid', to_id: 'uuid', amount: 'numeric' },
  language: 'plpgsql',
  set: { search_path: 'public, pg_temp', statement_timeout: '5s' },
  body: sql`
BEGIN
  UPDATE public.customers SET balance = balance - amount WHERE id = from_id;
  UPDATE public.customers SET balance = balance + amount WHERE id = to_id;
END;
`,
});

export const countCustomers = rpc('count_customers', {
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  grants: [],
  body: sql`SELECT count(*) FROM public.customers`,
});

export const atomicDouble = rpc('double_it', {
  args: { x: 'integer' },
  returns: 'integer',
  language: 'sql',
  volatility: 'immutable',
  body: sql`BEGIN ATOMIC
 SELECT (x * 2);
END`,
});

export const withInteger = rpc('with_integer', {
  args: { n: 'int4' },
  returns: 'int8',
  language: 'sql',
  volatility: 'immutable',
  body: sql`SELECT n::bigint`,
});

// A planner support function (SUPPORT), which only a superuser may attach.
export const matches = rpc('matches', {
  args: { a: 'text', b: 'text' },
  returns: 'boolean',
  language: 'sql',
  volatility: 'immutable',
  support: 'textlike_support',
  body: sql`SELECT a LIKE b`,
});
