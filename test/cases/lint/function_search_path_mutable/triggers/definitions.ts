import { bigint, extension, integer, materializedView, rpc, sql, table, text, uuid, view } from 'pgform';

export const touch = rpc('touch', { returns: 'integer', language: 'sql', body: 'SELECT 1' });

export const elevate = rpc('elevate', { returns: 'integer', language: 'sql', security: 'definer', body: 'SELECT 1' });
