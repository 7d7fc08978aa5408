import { bigint, date, defaultPrivileges, rpc, schema, sequence, table, text } from 'pgform';

export const reporting = schema('reporting', { grants: [{ to: 'authenticated', privileges: ['usage'] }] });

/** Everything pgform creates in reporting is readable by authenticated. */
export const reportingTables = defaultPrivileges({ inSchema: 'reporting', on: 'tables', grant: ['select'], to: ['authenticated'] });
export const reportingSequences = defaultPrivileges({ inSchema: 'reporting', on: 'sequences', grant: ['usage', 'select'], to: ['authenticated'] });

/** Functions are not executable by everyone unless granted. */
export const noPublicExecute = defaultPrivileges({ on: 'functions', grant: ['execute'], to: ['service_role'] });

/** Added to Supabase's own default privileges in public. */
export const publicTables = defaultPrivileges({ inSchema: 'public', on: 'tables', grant: ['select'], to: ['authenticator'] });

export const daily = table('daily', {
  schema: 'reporting',
  columns: { day: date().primaryKey(), total: bigint().notNull() },
  grants: [{ to: 'service_role', privileges: ['insert', 'update'] }],
});

export const reportNumbers = sequence('report_numbers', { schema: 'reporting' });

export const notes = table('notes', {
  columns: { id: bigint().primaryKey(), body: text() },
});

export const total = rpc('total', {
  schema: 'reporting',
  returns: 'bigint',
  language: 'sql',
  volatility: 'stable',
  body: 'SELECT coalesce(sum(total), 0)::bigint FROM reporting.daily',
  grants: ['authenticated'],
});
