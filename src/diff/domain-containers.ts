import { PgformError } from '../errors.js';
import { objectId, parseQualifiedName } from '../model/id.js';
import type { Domain, Schema } from '../model/schema.js';

/*
 * PostgreSQL checks the values of a domain stored in columns of the domain itself, but none
 * stored inside an array or a composite (get_rels_with_domain in typecmds.c): ALTER DOMAIN ...
 * ADD CONSTRAINT (validated), VALIDATE CONSTRAINT and SET NOT NULL fail with "cannot alter type
 * ... because column ... uses it" while any table column's type holds the domain that way, even
 * with no rows. Planning stops instead of emitting a statement that fails.
 */

/** What an ALTER DOMAIN from `a` to `b` must check against stored values, or undefined when nothing. */
function checking(a: Domain, b: Domain): string | undefined {
  if (b.notNull && !a.notNull) return 'becomes NOT NULL';
  for (const [name, check] of Object.entries(b.checks)) {
    const before = a.checks[name];
    if (check.notValid) continue;
    if (!before || before.expression !== check.expression) return `gains a checked constraint ${name}`;
    if (before.notValid) return `validates its constraint ${name}`;
  }
  return undefined;
}

const typeId = (type: string): string | undefined => {
  const parsed = parseQualifiedName(type);
  return parsed && objectId(parsed.schema, parsed.name);
};

/** The domain and the domains over it (PostgreSQL checks a column of one of these, not an array of it). */
function domainsOver(schema: Schema, id: string): Set<string> {
  const over = new Set([id]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [other, domain] of Object.entries(schema.domains)) {
      const base = typeId(domain.type);
      if (!over.has(other) && base !== undefined && over.has(base)) grown = over.add(other).has(other);
    }
  }
  return over;
}

/** Composite types holding one of `over`, directly, in an array or in another such composite. */
function compositesHolding(schema: Schema, over: Set<string>): Set<string> {
  const holding = new Set<string>();
  for (let grown = true; grown; ) {
    grown = false;
    for (const [id, composite] of Object.entries(schema.composites ?? {})) {
      if (holding.has(id)) continue;
      const holds = composite.attributes.some((a) => {
        const t = typeId(a.type);
        return t !== undefined && (over.has(t) || holding.has(t));
      });
      if (holds) grown = holding.add(id).has(id);
    }
  }
  return holding;
}

/**
 * Stops planning when the change from `a` to `b` must check stored values PostgreSQL cannot reach:
 * a column (of a table kept by the plan) stores the domain inside an array or a composite.
 */
export function refuseCheckingInsideContainers(from: Schema, to: Schema, a: Domain, b: Domain): void {
  const what = checking(a, b);
  if (what === undefined) return;
  const id = objectId(b.schema, b.name);
  const over = domainsOver(from, id);
  const composites = compositesHolding(from, over);
  for (const [tableId, table] of Object.entries(from.tables).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const kept = to.tables[tableId];
    if (!kept) continue;
    for (const column of table.columns) {
      if (!kept.columns.some((c) => c.name === column.name)) continue;
      const t = typeId(column.type);
      if (t === undefined) continue;
      const inside = composites.has(t) || (column.type.endsWith('[]') && over.has(t));
      if (!inside) continue;
      throw new PgformError(
        'CONVERSION_REQUIRED',
        `domain ${id} ${what} while column ${tableId}.${column.name} stores it inside ${column.type}: PostgreSQL checks no value inside an array or composite and refuses the change`,
        { object: id, field: what === 'becomes NOT NULL' ? 'notNull' : 'checks' },
        `add the check NOT VALID (notValid: true), or change ${tableId}.${column.name} off ${column.type} first`,
      );
    }
  }
}
