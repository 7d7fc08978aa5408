import type { StatisticsKind, StatisticsObject } from '../model/schema.js';
import { ident } from '../sql/quote.js';
import { isSqlText, sqlOf, type SqlText } from './sql.js';

/**
 * StatisticsInput declares an extended statistics object (CREATE STATISTICS): `on` lists column
 * names and `sql` expressions (two or more, or one expression), `kinds` narrows what is gathered
 * (default all three), `target` is its statistics target.
 */
export interface StatisticsInput {
  /** Its schema, when not the table's. */
  schema?: string;
  on: (string | SqlText)[];
  kinds?: StatisticsKind[];
  target?: number;
  description?: string;
}

const kindOrder: StatisticsKind[] = ['ndistinct', 'dependencies', 'mcv'];

/** The model of a declared statistics object, or the problem with it (field and message). */
export function toStatisticsModel(name: string, input: StatisticsInput, columns: Set<string> | undefined): { statistics: StatisticsObject } | { problem: { field: string; message: string } } {
  const field = `statistics.${name}`;
  for (const item of input.on) {
    if (!isSqlText(item) && columns && !columns.has(item)) return { problem: { field: `${field}.on`, message: `column "${item}" does not exist` } };
  }
  const expressions = input.on.filter(isSqlText).length;
  const single = input.on.length === 1;
  if (single && expressions === 0) return { problem: { field: `${field}.on`, message: 'a statistics object covers two or more columns or expressions, or a single expression' } };
  if (single && input.kinds) return { problem: { field: `${field}.kinds`, message: 'a statistics object on a single expression takes no kinds' } };
  const kinds = single ? [] : kindOrder.filter((kind) => (input.kinds ?? kindOrder).includes(kind));
  return {
    statistics: {
      name,
      ...(input.schema !== undefined ? { schema: input.schema } : {}),
      on: input.on.map((item) => (isSqlText(item) ? `(${sqlOf(item)})` : ident(item))).join(', '),
      kinds,
      ...(input.target !== undefined ? { target: input.target } : {}),
      ...(input.description !== undefined ? { comment: input.description } : {}),
    },
  };
}
