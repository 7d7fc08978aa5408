/**
 * `pull` into existing definitions: the definitions' model and the database's are both printed
 * as pull would print them, compared definition by definition, and only the differences are
 * written into the files, in place (see sync.ts). New definitions go to the file the pull layout
 * gives them; what cannot be merged is reported, and its pulled form is written under `.pulled/`
 * for a person to merge, never over their code.
 */
import { Node, Project, type CallExpression, type SourceFile } from 'ts-morph';
import type { Schema } from '../../../model/schema.js';
import { resolveRefs, type Expr, type RefScope } from '../code.js';
import { createContext, type PullContext, type PullWarning, type UnitKind } from '../context.js';
import { printFile, type FilePlan, type PulledFile } from '../files.js';
import { placeUnits, type Layout } from '../layout.js';
import { variablePool } from '../names.js';
import { printDeclaration, printImport } from '../print.js';
import { tableExpr } from '../table.js';
import { collectUnits, type Unit } from '../units.js';
import { applyEdits, type TextEdit } from './edits.js';
import { builderCalls, removeLines, stringOption } from './source.js';
import { mergeCall, type MergeSink } from './sync.js';

/** An ExistingFile is a definitions file as read, relative to the pull folder. */
export interface ExistingFile {
  path: string;
  content: string;
}

export interface MergeResult {
  /** Files whose content changed, or that are new. */
  files: PulledFile[];
  warnings: PullWarning[];
}

const builders: Record<UnitKind, string[]> = {
  namespace: ['schema'],
  extension: ['extension'],
  collation: ['collation'],
  enum: ['enumType'],
  domain: ['domain'],
  composite: ['compositeType'],
  range: ['rangeType'],
  sequence: ['sequence'],
  routine: ['rpc', 'triggerFunction', 'procedure'],
  aggregate: ['aggregate'],
  table: ['table'],
  trigger: ['trigger'],
  policy: ['policy'],
  'default privileges': ['defaultPrivileges'],
  publication: ['publication'],
  view: ['view', 'materializedView'],
};
const allBuilders = new Set(Object.values(builders).flat());

/** References are written by name: an edit never adds an import between the user's files. */
const byName: RefScope = { canUse: () => false, useVar: () => {}, useDsl: () => {} };

/** The pulled form of each unit that merging compares: tables with every constraint and index keyed at table level. */
function comparable(ctx: PullContext): Map<string, { unit: Unit; expr: Expr }> {
  const units = new Map<string, { unit: Unit; expr: Expr }>();
  for (const unit of collectUnits(ctx)) {
    const table = unit.kind === 'table' ? ctx.schema.tables[unit.key.slice('table:'.length)] : undefined;
    const expr = table ? tableExpr(table, ctx, { shorthands: false }) : unit.expr;
    units.set(unit.key, { unit, expr: resolveRefs(expr, byName) });
  }
  return units;
}

/** The call that declares a unit in the existing files, when exactly one does. */
function locate(unit: Unit, calls: { file: SourceFile; builder: string; name: string; call: CallExpression }[]): { file: SourceFile; call: CallExpression } | string {
  const found = calls.filter((c) => {
    if (!builders[unit.kind].includes(c.builder) || c.name !== unit.name) return false;
    if (unit.kind === 'trigger' || unit.kind === 'policy') return stringOption(c.call, 'on') === unit.key.slice(unit.kind.length + 1).split(':')[0];
    if (unit.kind === 'extension' || unit.kind === 'namespace') return true;
    return (stringOption(c.call, 'schema') ?? 'public') === unit.schema;
  });
  if (found.length === 1) return found[0]!;
  return found.length === 0 ? 'its declaration was not found (built by code, or under a computed name?)' : `it is declared ${found.length} times (overloads?)`;
}

/** The statement `export const x = table(...)` that holds a call and nothing else. */
function ownStatement(call: CallExpression): Node | undefined {
  const declaration = call.getParent();
  if (!declaration || !Node.isVariableDeclaration(declaration) || declaration.getInitializer() !== call) return undefined;
  const statement = declaration.getVariableStatement();
  if (!statement || statement.getDeclarations().length !== 1 || !Node.isSourceFile(statement.getParent())) return undefined;
  // Still used elsewhere (a trigger's function, a helper): removing it would break the files.
  const name = declaration.getNameNode();
  if (!Node.isIdentifier(name)) return undefined;
  const uses = name.findReferencesAsNodes().filter((ref) => ref.getSourceFile() !== call.getSourceFile() || ref.getPos() < statement.getPos() || ref.getPos() > statement.getEnd());
  return uses.length === 0 ? statement : undefined;
}

/** Names declared at the top of any existing file: new variables must not take them. */
function takenNames(files: SourceFile[]): Set<string> {
  const taken = new Set<string>();
  for (const file of files) {
    for (const statement of file.getStatements()) {
      if (Node.isVariableStatement(statement)) statement.getDeclarations().forEach((d) => taken.add(d.getName().toLowerCase()));
      if (Node.isFunctionDeclaration(statement) && statement.getName()) taken.add(statement.getName()!.toLowerCase());
      if (Node.isImportDeclaration(statement)) statement.getNamedImports().forEach((i) => taken.add((i.getAliasNode() ?? i.getNameNode()).getText().toLowerCase()));
    }
  }
  return taken;
}

/** Adds builders to a file's `import { ... } from 'pgform'` (or a new one). */
function importEdit(file: SourceFile, wanted: string[]): TextEdit | undefined {
  const declaration = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === 'pgform' && !d.isTypeOnly());
  if (!declaration) {
    const last = file.getImportDeclarations().at(-1);
    const at = last ? last.getEnd() : 0;
    const text = printImport([...wanted].sort(), 'pgform');
    return { start: at, end: at, text: last ? `\n${text}` : `${text}\n` };
  }
  const have = declaration.getNamedImports().map((i) => i.getText());
  const missing = wanted.filter((name) => !declaration.getNamedImports().some((i) => i.getName() === name));
  if (missing.length === 0) return undefined;
  return { start: declaration.getStart(), end: declaration.getEnd(), text: printImport([...have, ...missing.sort()], 'pgform') };
}

/**
 * Merges the database (`db`) into existing definition files whose model is `mine`. Files are
 * only read here; the caller writes what comes back.
 */
export function mergePull(existing: ExistingFile[], mine: Schema, db: Schema, options: { layout: Layout; externalNamespaces: string[]; externalExtensions?: string[]; presetDefaults?: Record<string, string[]> }): MergeResult {
  const dbCtx = createContext(db, options.externalNamespaces, options.externalExtensions, options.presetDefaults);
  const mineUnits = comparable(createContext(mine, options.externalNamespaces, options.externalExtensions, options.presetDefaults));
  const dbUnits = comparable(createContext(db, options.externalNamespaces, options.externalExtensions, options.presetDefaults));
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const sources = new Map(existing.map((file) => [file.path, project.createSourceFile(`/${file.path}`, file.content)]));
  const calls = [...sources.values()].flatMap((file) => builderCalls(file, allBuilders).map((c) => ({ ...c, file })));
  const edits = new Map<SourceFile, TextEdit[]>();
  const addEdits = (file: SourceFile, more: TextEdit[]) => edits.set(file, [...(edits.get(file) ?? []), ...more]);
  const warnings: PullWarning[] = [];
  const conflicts: Unit[] = [];
  const objectOf = (unit: Unit) => unit.key.slice(unit.kind.length + 1);

  for (const [key, { unit, expr }] of dbUnits) {
    const before = mineUnits.get(key);
    if (!before || JSON.stringify(before.expr) === JSON.stringify(expr)) continue;
    const place = locate(unit, calls);
    const sink: MergeSink = { edits: [], problems: [] };
    if (typeof place === 'string') sink.problems.push(place);
    else mergeCall(place.call, before.expr, expr, sink);
    if (typeof place !== 'string') addEdits(place.file, sink.edits);
    if (sink.problems.length) {
      conflicts.push(unit);
      for (const problem of sink.problems) warnings.push({ object: objectOf(unit), message: `not merged: ${problem}` });
    }
  }

  for (const [key, { unit }] of mineUnits) {
    if (dbUnits.has(key)) continue;
    const place = locate(unit, calls);
    const statement = typeof place === 'string' ? undefined : ownStatement(place.call);
    if (typeof place !== 'string' && statement) addEdits(place.file, [removeLines(statement, false)]);
    else warnings.push({ object: objectOf(unit), message: `is gone from the database, but ${typeof place === 'string' ? place : 'its declaration is used elsewhere or shares a statement'}; remove it by hand` });
  }

  const fresh = [...dbUnits.values()].map(({ unit }) => unit).filter((unit) => !mineUnits.has(unit.key));
  const files: PulledFile[] = [];
  const shorthand = new Map(collectUnits(dbCtx).map((unit) => [unit.key, unit]));
  warnings.unshift(...dbCtx.warnings);
  const placement = placeUnits([...shorthand.values()], options.layout, dbCtx);
  const pool = variablePool();
  const taken = takenNames([...sources.values()]);
  const variable = new Map<string, string>();
  const claim = (unit: Unit) => {
    const base = placement.variable.get(unit.key)!;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    variable.set(unit.key, pool.claim([name], name));
  };
  fresh.forEach(claim);
  conflicts.forEach(claim);

  // New definitions: appended to their layout file when it exists, else a new file.
  const byFile = new Map<string, Unit[]>();
  for (const unit of fresh) {
    const file = placement.file.get(unit.key)!;
    byFile.set(file, [...(byFile.get(file) ?? []), shorthand.get(unit.key)!]);
  }
  for (const [path, units] of byFile) {
    const plan = filePlan(path, units, variable, (target) => byFile.get(path)!.some((u) => u.key === target));
    const existingFile = sources.get(path);
    if (!existingFile) {
      files.push({ path, content: printFile(plan) });
      continue;
    }
    const text = existingFile.getFullText();
    const declarations = plan.declarations.map(({ variable: name, value }) => printDeclaration(name, value, plan.names));
    const append: TextEdit = { start: text.length, end: text.length, text: `${text.endsWith('\n') ? '' : '\n'}\n${declarations.join('\n\n')}\n` };
    const imports = importEdit(existingFile, plan.imports[0]!.names);
    addEdits(existingFile, [append, ...(imports ? [imports] : [])]);
  }

  for (const [file, fileEdits] of edits) {
    if (fileEdits.length === 0) continue;
    const before = file.getFullText();
    const after = applyEdits(before, fileEdits);
    if (after !== before) files.push({ path: file.getFilePath().slice(1), content: after });
  }

  // What could not be merged is written in full beside the definitions, where the loader does not look.
  for (const unit of conflicts) {
    const path = `.pulled/${unit.kind}-${unit.schema}.${unit.name}.ts`.replace(/[^A-Za-z0-9._/-]/g, '_');
    files.push({ path, content: printFile(filePlan(path, [shorthand.get(unit.key)!], variable, () => false)) });
    warnings.push({ object: objectOf(unit), message: `its pulled form is in ${path}: merge it by hand` });
  }
  return { files, warnings };
}

/** One file of new definitions: references to units in the same file by variable, others by name. */
function filePlan(path: string, units: Unit[], variable: Map<string, string>, sameFile: (target: string) => boolean): FilePlan {
  const dsl = new Set<string>();
  const scope: RefScope = { canUse: sameFile, useVar: () => {}, useDsl: (name) => dsl.add(name) };
  const declarations = units.map((unit) => ({ variable: variable.get(unit.key)!, value: resolveRefs(unit.expr, scope) }));
  return { path, imports: [{ module: 'pgform', names: [...dsl].sort() }], declarations, names: (target) => variable.get(target) ?? target };
}
