import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import { canonicalize } from '../../src/canonical/index.js';
import { applyPlan } from '../../src/canonical/apply.js';
import { createContext } from '../../src/emit/pull/context.js';
import { planFiles, printFile } from '../../src/emit/pull/files.js';
import { renderPull, type Layout, type PullRender } from '../../src/emit/pull/index.js';
import { placeUnits } from '../../src/emit/pull/layout.js';
import { collectUnits } from '../../src/emit/pull/units.js';
import { inTransaction, type Connection } from '../../src/engine/connection.js';
import { introspect } from '../../src/introspect/index.js';
import { loadSchema } from '../../src/load/definitions.js';
import { listDifferences, type Difference } from '../../src/model/compare.js';
import type { Schema } from '../../src/model/schema.js';
import { createPlan } from '../../src/canonical/from-scratch.js';
import { presets } from '../../src/engine/presets.js';
import { withPooledDatabase } from '../support/database-pool.js';
import type { TestEngine } from '../support/engines.js';
import { databasePart, externalNamespaces } from '../support/round-trip.js';
import { oneLineFile } from './one-line.js';

const repoRoot = join(import.meta.dirname, '..', '..');
let folders = 0;

/**
 * A scratch folder inside the repository (so pulled files that import 'pgform' resolve through
 * the loader's alias), removed afterwards whatever happens.
 */
export async function withPullFolder<T>(work: (folder: string) => Promise<T>): Promise<T> {
  const folder = join(repoRoot, 'test', `.tmp-pull-${process.pid}-${folders++}`);
  rmSync(folder, { recursive: true, force: true });
  try {
    return await work(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function writePulled(folder: string, render: PullRender): void {
  for (const file of render.files) {
    const path = join(folder, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}

/** The source of a database: definitions (a file or folder) or SQL run as is. */
export type Source = { definitions: string } | { sql: string };

const loaded = new Map<string, Promise<Schema>>();

/** Definitions are loaded once per test file: loading through the TypeScript loader takes seconds. */
function declaredModel(path: string): Promise<Schema> {
  if (!loaded.has(path)) loaded.set(path, loadSchema(path, { externalNamespaces }));
  return loaded.get(path)!;
}

/** Applies a source to an empty database and reads back every schema, as `pgform pull` does. */
export async function liveModel(conn: Connection, source: Source): Promise<Schema> {
  if ('sql' in source) await conn.exec(source.sql);
  else {
    const declared = await declaredModel(source.definitions);
    await inTransaction(conn, () => applyPlan(conn, createPlan(declared)));
  }
  return introspect(conn, { externalNamespaces });
}

export interface PullRoundTrip {
  /** The model read from the database, which was pulled. */
  live: Schema;
  render: PullRender;
  differences: Difference[];
}

/**
 * database -> pull -> load the pulled files -> canonical form on a fresh database of the same
 * engine -> compare with the database: nothing may differ. The databases come from the case
 * pool (see database-pool.ts): the caller's file drains it.
 */
export async function pullRoundTrip(engine: TestEngine, source: Source, layout: Layout, options: { load?: boolean } = {}): Promise<PullRoundTrip> {
  const live = await withPooledDatabase(engine, ({ conn }) => liveModel(conn, source));
  const render = await renderPull(live, { layout, externalNamespaces, externalExtensions: presets.supabase.externalExtensions, presetDefaults: presets.supabase.defaultPrivilegeGrantees });
  // A case that pulls what definitions cannot declare stops here: its files need not load.
  if (options.load === false) return { live, render, differences: [] };
  return withPullFolder(async (folder) => {
    writePulled(folder, render);
    const pulled = await loadSchema(folder, { externalNamespaces });
    const canonical = await withPooledDatabase(engine, ({ conn }) => canonicalize(pulled, conn, { externalNamespaces }));
    return { live, render, differences: listDifferences(databasePart(live), databasePart(canonical)) };
  });
}

/** A pulled file, and its source as pull wrote it before it laid files out itself: one unformatted line a declaration. */
export interface PulledSource {
  path: string;
  content: string;
  oneLine: string;
}

/** Every file pull writes for a model in a layout. */
export function pulledSources(live: Schema, layout: Layout): PulledSource[] {
  const ctx = createContext(live, externalNamespaces, presets.supabase.externalExtensions, presets.supabase.defaultPrivilegeGrantees);
  const units = collectUnits(ctx);
  return planFiles(units, placeUnits(units, layout, ctx)).map((plan) => {
    const content = printFile(plan);
    return { path: plan.path, content, oneLine: oneLineFile(plan, content) };
  });
}

/** The prettier options pulled files are laid out for. */
export const prettierOptions = { parser: 'typescript', singleQuote: true, printWidth: 120 } as const;

export function formatPulled(text: string): Promise<string> {
  return prettier.format(text, prettierOptions);
}

/**
 * Formats until prettier changes nothing more (it keeps the objects it broke broken, which can
 * move other breaks), or reaches `fixedPoint`, a text prettier is known to leave as it is.
 */
export async function formatSettled(text: string, fixedPoint?: string): Promise<string> {
  for (let previous = ''; text !== previous && text !== fixedPoint; ) {
    previous = text;
    text = await formatPulled(text);
  }
  return text;
}
