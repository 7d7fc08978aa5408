import type { LogicalJoin } from '../model/schema.js';
import { guard, systemShape } from './guard.js';
import { callSite } from './source.js';

export interface SystemOptions {
  title?: string;
  /** Markdown shown at the top of the generated docs. */
  note?: string;
  /** Groups in the order the docs show them, with a description and Markdown notes. */
  groups?: Record<string, { description?: string; note?: string }>;
  /** Joins the application relies on: `{ from: 'call_records.caller_number', to: 'contacts.phone' }`. */
  joins?: { from: string; to: string; description?: string }[];
}

/** A SystemDef carries documentation of a whole system: title, notes, groups and logical joins. */
export interface SystemDef {
  readonly pgform: 'system';
  readonly title?: string;
  readonly note?: string;
  readonly groups: Record<string, { description?: string; note?: string }>;
  readonly joins: LogicalJoin[];
}

/** Splits `table.column`, `schema.table.column` or `table.(a, b)` into a table id and columns. */
function joinSide(text: string): LogicalJoin['from'] {
  const parts = text.split('.');
  const columnPart = parts.pop() ?? '';
  const tablePart = parts.length === 1 ? `public.${parts[0]}` : parts.join('.');
  const columns = columnPart.replace(/^\(|\)$/g, '').split(',').map((c) => c.trim());
  return { table: tablePart, columns };
}

export function system(options: SystemOptions): SystemDef {
  guard(systemShape, options, { object: 'system', source: callSite() });
  return {
    pgform: 'system',
    ...(options.title ? { title: options.title } : {}),
    ...(options.note ? { note: options.note } : {}),
    groups: options.groups ?? {},
    joins: (options.joins ?? []).map((join) => ({
      from: joinSide(join.from),
      to: joinSide(join.to),
      ...(join.description ? { description: join.description } : {}),
    })),
  };
}
