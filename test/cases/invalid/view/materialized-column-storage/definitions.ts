import { materializedView, sql } from 'pgform';

export const totals = materializedView('totals', { query: sql`SELECT 1 AS n`, columns: { n: { storage: 'fast' as never } } });
