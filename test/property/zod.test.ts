import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/canonical/apply.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { canonicalize } from '../../src/canonical/index.js';
import { translateCheck } from '../../src/emit/zod/checks.js';
import { zodColumn } from '../../src/emit/zod/columns.js';
import { renderZod, tableVariables } from '../../src/emit/zod/index.js';
import { inTransaction, type Connection } from '../../src/engine/connection.js';
import { loadSchema } from '../../src/load/definitions.js';
import type { Schema, Table } from '../../src/model/schema.js';
import { engines, withDatabase } from '../support/engines.js';
import { externalNamespaces, repoRoot, scratchFolder } from '../types/support.js';
import { rowsOf, sqlText, type Row } from './zod-rows.js';

/** Rows drawn per table: tens in `npm test`, hundreds under PGFORM_FUZZ=1. */
const rowsPerTable = process.env.PGFORM_FUZZ === '1' ? 400 : 12;
const seed = Number(process.env.PGFORM_SEED ?? 20261206);

const targets = [
  // One table with every kind of constraint: many rows, so that some pass them all.
  { label: 'zod/constraints', definitions: join(repoRoot, 'test', 'cases', 'zod', 'constraints', 'definitions.ts'), rows: rowsPerTable * 12 },
  ...['proxe', 'chat-crm', 'revenue-intel', 'platform', 'pulse'].map((name) => ({ label: `system ${name}`, definitions: join(repoRoot, 'schemas', name), rows: rowsPerTable })),
];

type Validator = { safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } }; shape?: Record<string, Validator> };
type Schemas = Record<string, Validator>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * A copy of the table with only what the Zod schema claims to check: its columns, NOT NULL,
 * defaults, identity, generated columns and the CHECK constraints pgform translated. Foreign
 * keys, unique keys and triggers are left out: Zod cannot know them. Undefined when a domain of
 * the table has a check pgform did not translate (a domain's checks cannot be left out).
 */
async function probeTable(conn: Connection, schema: Schema, table: Table, probe: string): Promise<boolean> {
  const columns = new Map(table.columns.map((c) => [c.name, zodColumn(schema, c.type)]));
  for (const column of table.columns) {
    for (const domain of columns.get(column.name)!.domains) {
      if (Object.values(domain.checks).some((c) => translateCheck(c.expression, columns, column.name).kind === 'untranslated')) return false;
    }
  }
  await conn.exec(`CREATE TABLE zod_probe.${quote(probe)} (LIKE ${quote(table.schema)}.${quote(table.name)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED INCLUDING IDENTITY)`);
  for (const constraint of Object.values(table.constraints)) {
    if (constraint.kind === 'check' && translateCheck(constraint.expression, columns).kind === 'untranslated') {
      await conn.exec(`ALTER TABLE zod_probe.${quote(probe)} DROP CONSTRAINT ${quote(constraint.name)}`);
    }
  }
  return true;
}

/**
 * A refusal Zod leaves to the database: a row check when the row leaves out a column it reads,
 * which the database fills with its default before it checks (see `holds` in zod.ts), and a
 * generated column whose expression fails on the row's values (an overflow, say).
 */
function leftToDatabase(table: Table, refusal: string, row: Row, validators: Schemas, name: string): boolean {
  if (table.columns.some((c) => c.generated) && !/violates|cannot insert/.test(refusal)) return true;
  const violated = /violates check constraint "([^"]+)"/.exec(refusal)?.[1];
  const checks = (validators as unknown as Record<string, { name: string; filled: string[] }[] | undefined>)[`${name}Checks`] ?? [];
  const check = checks.find((c) => c.name === violated);
  return Boolean(check && table.constraints[check.name] && check.filled.some((column) => row[column] === undefined));
}

async function inserts(conn: Connection, schema: Schema, table: Table, probe: string, row: Row): Promise<string | undefined> {
  const names = Object.keys(row);
  const values = names.map((name) => sqlText(row[name], zodColumn(schema, table.columns.find((c) => c.name === name)!.type).kind));
  // Untyped parameters take the column's type by assignment, as a client's values do: an explicit
  // cast to character(3) would cut a longer value instead of refusing it.
  const sql =
    names.length === 0
      ? `INSERT INTO zod_probe.${quote(probe)} DEFAULT VALUES`
      : `INSERT INTO zod_probe.${quote(probe)} (${names.map(quote).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`;
  await conn.exec('SAVEPOINT row');
  try {
    await conn.query(sql, values);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await conn.exec('ROLLBACK TO SAVEPOINT row');
  }
}

/**
 * Random rows, valid and not, for every table of the constraints case and of the example
 * systems: the table's Zod insert schema must accept a row exactly when PostgreSQL's INSERT
 * accepts it, on both engines, for every constraint pgform translated.
 */
describe.each(engines)('Zod insert schemas agree with INSERT on $name', (engine) => {
  it.skipIf(Boolean(engine.unavailable)).each(targets)('$label', async ({ label, definitions, rows: count }) => {
    await withDatabase(engine, async ({ conn }) => {
      const declared = await loadSchema(definitions, { externalNamespaces });
      const schema = await canonicalize(declared, conn, { externalNamespaces });
      await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
      const folder = scratchFolder(`zod-${engine.name}-${label.replace(/\W+/g, '-')}`);
      try {
        writeFileSync(join(folder.dir, 'zod.ts'), renderZod(schema));
        const validators = (await import(join(folder.dir, 'zod.ts'))) as Schemas;
        await conn.exec('CREATE SCHEMA zod_probe');
        const mismatches: string[] = [];
        let accepted = 0;
        let refused = 0;
        let index = 0;
        for (const [table, name] of tableVariables(schema)) {
          const shape = validators[`${name}Columns`]!.shape!;
          const rows = rowsOf(schema, table, (column, value) => shape[column]?.safeParse(value).success ?? false, seed + index);
          const probe = `t${index++}`;
          if (!rows || !(await probeTable(conn, schema, table, probe))) continue;
          await conn.exec('BEGIN');
          try {
            for (const row of fc.sample(rows, { numRuns: count, seed: seed + index })) {
              const parsed = validators[`${name}Insert`]!.safeParse(row);
              const refusal = await inserts(conn, schema, table, probe, row);
              if (parsed.success && refusal !== undefined && leftToDatabase(table, refusal, row, validators, name)) continue;
              if (parsed.success !== (refusal === undefined)) {
                mismatches.push(`${table.schema}.${table.name} ${JSON.stringify(row)}: Zod ${parsed.success ? 'accepts' : `refuses (${JSON.stringify(parsed.error?.issues[0])})`}, INSERT ${refusal === undefined ? 'accepts' : `refuses (${refusal})`}`);
              }
              if (parsed.success) accepted++;
              else refused++;
            }
          } finally {
            await conn.exec('ROLLBACK');
          }
        }
        expect(mismatches.slice(0, 20)).toEqual([]);
        expect(accepted, 'some drawn rows are valid').toBeGreaterThan(0);
        expect(refused, 'some drawn rows are invalid').toBeGreaterThan(0);
      } finally {
        folder.dispose();
      }
    });
  }, 900_000);
});
