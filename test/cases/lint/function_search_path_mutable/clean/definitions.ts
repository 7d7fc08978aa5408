import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const touch = rpc('touch', { returns: 'integer', language: 'sql', set: { search_path: '' }, body: 'SELECT 1' });
