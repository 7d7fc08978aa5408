import { literal } from '../sql/quote.js';

/**
 * Plans kept for the statements a session runs again and again (the catalog reads). On the
 * embedded engine, planning a catalog query costs several times running it on a small schema,
 * and a session kept open (watch mode, a library caller) reads the same catalogs after every
 * change. Each statement is prepared (SQL PREPARE) the first time and executed by name after;
 * its parameters are written into the EXECUTE as untyped literals, which take the prepared
 * parameter's type. The reads ask for a generic plan (see inCatalogSnapshot), made once.
 */
export interface KeptStatements {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Tells of SQL run on the session otherwise: DEALLOCATE or DISCARD may have dropped kept statements. */
  saw(sql: string): void;
}

interface Session {
  query<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  exec(script: string): Promise<void>;
}

/** How many statements a session keeps: the catalog reads are a few dozen; beyond, statements are planned each time. */
const limit = 100;
const prefix = 'pgform_kept_';

export function keptStatements(session: Session): KeptStatements {
  const names = new Map<string, string>();
  let count = 0;
  // Set when SQL that can drop prepared statements ran: the names are checked before the next use.
  let unsure = false;
  const check = async () => {
    const present = new Set((await session.query<{ name: string }>(`SELECT name FROM pg_prepared_statements WHERE name LIKE '${prefix}%'`)).map((row) => row.name));
    for (const [text, name] of names) if (!present.has(name)) names.delete(text);
    unsure = false;
  };
  return {
    async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
      const values = params.map(inlineValue);
      if (unsure && names.size) await check();
      let name = names.get(text);
      // What cannot be written as literals, or a statement past the limit, is planned as usual.
      if (values.includes(undefined) || (!name && names.size >= limit)) return session.query<Row>(text, params);
      if (!name) {
        name = `${prefix}${count++}`;
        await session.exec(`PREPARE ${name} AS ${text}`);
        names.set(text, name);
      }
      return session.query<Row>(`EXECUTE ${name}${values.length ? `(${values.join(', ')})` : ''}`);
    },
    saw(sql: string) {
      if (names.size && /\b(deallocate|discard)\b/i.test(sql)) unsure = true;
    },
  };
}

/** A parameter as an untyped literal (an array in PostgreSQL's array syntax); undefined for what it cannot write. */
function inlineValue(value: unknown): string | undefined {
  if (value === null) return 'NULL';
  if (!Array.isArray(value)) {
    const text = scalarText(value);
    return text === undefined ? undefined : literal(text);
  }
  const elements: string[] = [];
  for (const element of value) {
    const text = element === null ? 'NULL' : scalarText(element);
    if (text === undefined) return undefined;
    elements.push(element === null ? text : `"${text.replace(/["\\]/g, '\\$&')}"`);
  }
  return literal(`{${elements.join(',')}}`);
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  return undefined;
}
