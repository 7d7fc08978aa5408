/**
 * Reads the DDL statements of a migration file well enough for the migration rules: a tokenizer
 * and a recognizer for CREATE TABLE, CREATE INDEX, ALTER TABLE and SET, nothing more. Statements
 * it does not recognize yield no action, so an unusual statement is never misreported. Both
 * files pgform wrote and hand-written ones pass through it, so `generate` and `lint` agree.
 */

/** A Token of SQL: an upper-cased keyword or name, a quoted identifier, punctuation or a literal. */
interface Token {
  type: 'word' | 'quoted' | 'punct' | 'literal';
  /** Keywords upper-cased; quoted identifiers as written inside the quotes. */
  value: string;
  /** Start and end offsets in the statement text. */
  start: number;
  end: number;
}

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '-' && sql[i + 1] === '-') i = sql.indexOf('\n', i) < 0 ? sql.length : sql.indexOf('\n', i);
    else if (c === '/' && sql[i + 1] === '*') i = sql.indexOf('*/', i) < 0 ? sql.length : sql.indexOf('*/', i) + 2;
    else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      tokens.push({ type: c === '"' ? 'quoted' : 'literal', value: sql.slice(i + 1, j).replaceAll(c + c, c), start: i, end: j + 1 });
      i = j + 1;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64))![0];
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end < 0 ? sql.length : end + tag.length;
      tokens.push({ type: 'literal', value: sql.slice(i, stop), start: i, end: stop });
      i = stop;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      tokens.push({ type: 'word', value: sql.slice(i, j).toUpperCase(), start: i, end: j });
      i = j;
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[0-9.eE]/.test(sql[j]!)) j++;
      tokens.push({ type: 'literal', value: sql.slice(i, j), start: i, end: j });
      i = j;
    } else {
      tokens.push({ type: 'punct', value: c === ':' && sql[i + 1] === ':' ? '::' : c, start: i, end: i + (c === ':' && sql[i + 1] === ':' ? 2 : 1) });
      i += c === ':' && sql[i + 1] === ':' ? 2 : 1;
    }
  }
  return tokens;
}

/** A ColumnSpec is a column as a CREATE TABLE or ADD COLUMN writes it. */
export interface ColumnSpec {
  name: string;
  /** The type as written, lower-cased and with single spaces: `character varying(20)`, `timestamp`. */
  type: string;
  notNull: boolean;
  primaryKey: boolean;
  /** The default expression's text, when there is one. */
  default?: string;
  identity: boolean;
}

/** An Action is one thing a statement does that a migration rule cares about. */
export type Action =
  | { kind: 'create table'; table: string; columns: ColumnSpec[]; primaryKey: string[] }
  /** `online`: writes go on: CONCURRENTLY, or ON ONLY a partitioned table (nothing is built: each partition's index is, and is attached). */
  | { kind: 'create index'; table: string; online: boolean }
  | { kind: 'create materialized view'; table: string }
  | { kind: 'add column'; table: string; column: ColumnSpec }
  | { kind: 'add constraint'; table: string; constraint: 'check' | 'foreign key' | 'unique' | 'primary key' | 'exclude'; name?: string; notValid: boolean; usingIndex: boolean; text: string }
  | { kind: 'validate constraint'; table: string; name: string }
  | { kind: 'alter column type'; table: string; column: string; type: string }
  | { kind: 'set not null'; table: string; column: string }
  | { kind: 'drop column'; table: string; column: string }
  | { kind: 'rename column'; table: string; column: string; to: string }
  | { kind: 'rename table'; table: string; to: string }
  | { kind: 'other alter table'; table: string }
  | { kind: 'drop table'; table: string }
  | { kind: 'set'; name: string; local: boolean };

class Cursor {
  i = 0;
  constructor(
    readonly tokens: Token[],
    readonly text: string,
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  is(...words: string[]): boolean {
    return words.every((word, k) => {
      const token = this.peek(k);
      return token !== undefined && token.type === 'word' && token.value === word;
    });
  }
  /** Consumes the words when they come next. */
  take(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.i += words.length;
    return true;
  }
  /** A name: a word lower-cased as PostgreSQL folds it, or a quoted identifier as written. */
  name(): string | undefined {
    const token = this.peek();
    if (!token || (token.type !== 'word' && token.type !== 'quoted')) return undefined;
    this.i++;
    return token.type === 'word' ? token.value.toLowerCase() : token.value;
  }
  /** A possibly qualified relation name as a table id (`public.` when unqualified). */
  relation(): string | undefined {
    const parts: string[] = [];
    let part = this.name();
    while (part !== undefined) {
      parts.push(part);
      if (this.peek()?.value !== '.') break;
      this.i++;
      part = this.name();
    }
    if (!parts.length) return undefined;
    return parts.length === 1 ? `public.${parts[0]}` : parts.slice(-2).join('.');
  }
  /** The tokens up to the next top-level comma or the end, as text; the comma is consumed. */
  element(): { tokens: Token[]; text: string } {
    const from = this.i;
    let depth = 0;
    while (this.i < this.tokens.length) {
      const token = this.tokens[this.i]!;
      if (token.value === '(' && token.type === 'punct') depth++;
      else if (token.value === ')' && token.type === 'punct') {
        if (depth === 0) break;
        depth--;
      } else if (token.value === ',' && token.type === 'punct' && depth === 0) break;
      this.i++;
    }
    const tokens = this.tokens.slice(from, this.i);
    if (this.peek()?.value === ',') this.i++;
    return { tokens, text: tokens.length ? this.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '' };
  }
}

/** Column options that end the type: what follows is a constraint or default. */
const typeEnds = new Set(['NOT', 'NULL', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'CHECK', 'REFERENCES', 'CONSTRAINT', 'GENERATED', 'COLLATE', 'DEFERRABLE', 'INITIALLY', 'COMPRESSION', 'STORAGE', 'USING']);

/** Reads a column definition from its name on: `email varchar(255) NOT NULL DEFAULT ''`. */
function columnSpec(tokens: Token[], text: string): ColumnSpec | undefined {
  const cursor = new Cursor(tokens, text);
  const name = cursor.name();
  if (name === undefined) return undefined;
  const typeStart = cursor.i;
  while (cursor.i < tokens.length && !(tokens[cursor.i]!.type === 'word' && typeEnds.has(tokens[cursor.i]!.value))) cursor.i++;
  const typeTokens = tokens.slice(typeStart, cursor.i);
  const type = typeTokens.length ? text.slice(typeTokens[0]!.start, typeTokens[typeTokens.length - 1]!.end).toLowerCase().replace(/\s+/g, ' ').replace(/\s*\(\s*/g, '(').replace(/\s*\)/g, ')') : '';
  const rest = tokens.slice(cursor.i);
  const words = rest.filter((t) => t.type === 'word').map((t) => t.value);
  const at = (word: string) => rest.findIndex((t) => t.type === 'word' && t.value === word);
  const defaultAt = at('DEFAULT');
  let defaultText: string | undefined;
  if (defaultAt >= 0) {
    let end = defaultAt + 1;
    let depth = 0;
    while (end < rest.length) {
      const t = rest[end]!;
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      if (depth === 0 && t.type === 'word' && ['NOT', 'NULL', 'PRIMARY', 'UNIQUE', 'CHECK', 'REFERENCES', 'CONSTRAINT', 'GENERATED', 'COLLATE'].includes(t.value) && !(t.value === 'NULL' && end === defaultAt + 1)) break;
      end++;
    }
    defaultText = text.slice(rest[defaultAt + 1]?.start ?? 0, rest[end - 1]?.end ?? 0);
  }
  const notNullAt = words.findIndex((w, k) => w === 'NOT' && words[k + 1] === 'NULL');
  return {
    name,
    type,
    notNull: notNullAt >= 0 || words.includes('PRIMARY'),
    primaryKey: words.includes('PRIMARY'),
    ...(defaultText !== undefined ? { default: defaultText } : {}),
    identity: words.includes('IDENTITY') || /serial/.test(type),
  };
}

function createTable(cursor: Cursor): Action[] {
  cursor.take('IF', 'NOT', 'EXISTS');
  const table = cursor.relation();
  if (!table || cursor.peek()?.value !== '(') return [];
  cursor.i++;
  const columns: ColumnSpec[] = [];
  const primaryKey: string[] = [];
  while (cursor.i < cursor.tokens.length && cursor.peek()?.value !== ')') {
    const element = cursor.element();
    const first = element.tokens[0];
    if (!first) break;
    const head = first.type === 'word' ? first.value : '';
    if (['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'EXCLUDE', 'LIKE'].includes(head)) {
      const inner = new Cursor(element.tokens, cursor.text);
      if (inner.take('CONSTRAINT')) inner.name();
      if (inner.take('PRIMARY', 'KEY') && inner.peek()?.value === '(') {
        inner.i++;
        for (let name = inner.name(); name !== undefined; name = inner.peek()?.value === ',' ? (inner.i++, inner.name()) : undefined) primaryKey.push(name);
      }
      continue;
    }
    const column = columnSpec(element.tokens, cursor.text);
    if (column) columns.push(column);
  }
  for (const column of columns) if (column.primaryKey) primaryKey.push(column.name);
  for (const column of columns) if (primaryKey.includes(column.name)) column.primaryKey = true;
  return [{ kind: 'create table', table, columns, primaryKey }];
}

function createIndex(cursor: Cursor): Action[] {
  const concurrently = cursor.take('CONCURRENTLY');
  cursor.take('IF', 'NOT', 'EXISTS');
  if (!cursor.is('ON')) cursor.name();
  if (!cursor.take('ON')) return [];
  const only = cursor.take('ONLY');
  const table = cursor.relation();
  return table ? [{ kind: 'create index', table, online: concurrently || only }] : [];
}

const constraintKinds: Record<string, Extract<Action, { kind: 'add constraint' }>['constraint']> = { CHECK: 'check', FOREIGN: 'foreign key', UNIQUE: 'unique', PRIMARY: 'primary key', EXCLUDE: 'exclude' };

function alterAction(table: string, tokens: Token[], text: string): Action {
  const cursor = new Cursor(tokens, text);
  const elementText = tokens.length ? text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '';
  if (cursor.take('ADD')) {
    if (cursor.is('CONSTRAINT') || constraintKinds[cursor.peek()?.value ?? ''] !== undefined) {
      let name: string | undefined;
      if (cursor.take('CONSTRAINT')) name = cursor.name();
      const constraint = constraintKinds[cursor.peek()?.value ?? ''];
      if (constraint) {
        const words = tokens.filter((t) => t.type === 'word').map((t) => t.value);
        const notValid = words.some((w, k) => w === 'NOT' && words[k + 1] === 'VALID');
        const usingIndex = words.some((w, k) => w === 'USING' && words[k + 1] === 'INDEX');
        return { kind: 'add constraint', table, constraint, ...(name !== undefined ? { name } : {}), notValid, usingIndex, text: elementText };
      }
    }
    cursor.take('COLUMN');
    cursor.take('IF', 'NOT', 'EXISTS');
    const column = columnSpec(tokens.slice(cursor.i), text);
    return column ? { kind: 'add column', table, column } : { kind: 'other alter table', table };
  }
  if (cursor.take('VALIDATE', 'CONSTRAINT')) {
    const name = cursor.name();
    return name !== undefined ? { kind: 'validate constraint', table, name } : { kind: 'other alter table', table };
  }
  if (cursor.take('ALTER')) {
    cursor.take('COLUMN');
    const column = cursor.name();
    if (column === undefined) return { kind: 'other alter table', table };
    if (cursor.take('SET', 'DATA', 'TYPE') || cursor.take('TYPE')) {
      const typeTokens = tokens.slice(cursor.i);
      const end = typeTokens.findIndex((t) => t.type === 'word' && (t.value === 'USING' || t.value === 'COLLATE'));
      const kept = end < 0 ? typeTokens : typeTokens.slice(0, end);
      const type = kept.length ? text.slice(kept[0]!.start, kept[kept.length - 1]!.end).toLowerCase().replace(/\s+/g, ' ') : '';
      return { kind: 'alter column type', table, column, type };
    }
    if (cursor.take('SET', 'NOT', 'NULL')) return { kind: 'set not null', table, column };
    return { kind: 'other alter table', table };
  }
  if (cursor.take('DROP')) {
    if (cursor.is('CONSTRAINT')) return { kind: 'other alter table', table };
    cursor.take('COLUMN');
    cursor.take('IF', 'EXISTS');
    const column = cursor.name();
    return column !== undefined ? { kind: 'drop column', table, column } : { kind: 'other alter table', table };
  }
  if (cursor.take('RENAME')) {
    if (cursor.take('TO')) {
      const to = cursor.name();
      return to !== undefined ? { kind: 'rename table', table, to } : { kind: 'other alter table', table };
    }
    if (cursor.is('CONSTRAINT')) return { kind: 'other alter table', table };
    cursor.take('COLUMN');
    const column = cursor.name();
    if (column !== undefined && cursor.take('TO')) {
      const to = cursor.name();
      if (to !== undefined) return { kind: 'rename column', table, column, to };
    }
  }
  return { kind: 'other alter table', table };
}

function alterTable(cursor: Cursor): Action[] {
  cursor.take('IF', 'EXISTS');
  cursor.take('ONLY');
  const table = cursor.relation();
  if (!table) return [];
  const actions: Action[] = [];
  while (cursor.i < cursor.tokens.length) {
    const element = cursor.element();
    if (!element.tokens.length) break;
    actions.push(alterAction(table, element.tokens, cursor.text));
  }
  return actions;
}

/** What one statement does, as far as the migration rules need to know. */
export function readStatement(sql: string): Action[] {
  const cursor = new Cursor(tokenize(sql), sql);
  if (cursor.take('CREATE')) {
    cursor.take('OR', 'REPLACE');
    for (const word of ['GLOBAL', 'LOCAL', 'TEMPORARY', 'TEMP', 'UNLOGGED']) cursor.take(word);
    if (cursor.take('TABLE')) return createTable(cursor);
    if (cursor.take('MATERIALIZED', 'VIEW')) {
      cursor.take('IF', 'NOT', 'EXISTS');
      const table = cursor.relation();
      return table ? [{ kind: 'create materialized view', table }] : [];
    }
    cursor.take('UNIQUE');
    if (cursor.take('INDEX')) return createIndex(cursor);
    return [];
  }
  if (cursor.take('ALTER', 'TABLE')) return alterTable(cursor);
  if (cursor.take('DROP', 'TABLE')) {
    cursor.take('IF', 'EXISTS');
    const table = cursor.relation();
    return table ? [{ kind: 'drop table', table }] : [];
  }
  if (cursor.take('SET')) {
    const local = cursor.take('LOCAL');
    cursor.take('SESSION');
    const name = cursor.name();
    return name ? [{ kind: 'set', name, local }] : [];
  }
  return [];
}
