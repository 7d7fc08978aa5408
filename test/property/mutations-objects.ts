import fc from 'fast-check';
import { enumSpec, functionRaw, relationColumns, resolveFunction, resolveView, tableKeys, triggerFunction, viewRaw } from './arbitraries.js';
import { mutation, pick, type Mutation } from './mutation.js';
import { extraNamespace, names } from './spec.js';

/** Mutations of enums, functions, trigger functions, views and the extra schema. */

const n = fc.nat();
const comment = fc.option(fc.constantFrom(...names.comments), { nil: undefined });

const viewChanges = fc.constantFrom('append', 'remove', 'reorder', 'filter', 'cast', 'call', 'securityInvoker', 'materialized', 'base', 'comment', 'columnComment', 'grants');

export const objectMutations: Mutation[] = [
  mutation('namespace.toggle', fc.constant(null), (spec) => {
    spec.namespaces = spec.namespaces.length ? [] : [extraNamespace];
  }),
  mutation('enum.add', enumSpec, (spec, en) => {
    if (spec.enums.some((e) => e.name === en.name)) return false;
    spec.enums.push(en);
  }),
  mutation('enum.drop', n, (spec, at) => {
    const en = pick(spec.enums, at);
    if (!en) return false;
    spec.enums = spec.enums.filter((e) => e !== en);
  }),
  mutation('enum.addValue', fc.tuple(n, fc.constantFrom(...names.labels), n), (spec, [at, label, position]) => {
    const en = pick(spec.enums, at);
    if (!en || en.values.includes(label)) return false;
    en.values.splice(position % (en.values.length + 1), 0, label);
  }),
  mutation('enum.removeValue', fc.tuple(n, n), (spec, [at, j]) => {
    const en = pick(spec.enums, at);
    if (!en || en.values.length < 2) return false;
    en.values.splice(j % en.values.length, 1);
  }),
  mutation('enum.reorder', n, (spec, at) => {
    const en = pick(spec.enums, at);
    if (!en || en.values.length < 2) return false;
    en.values.reverse();
  }),
  mutation('enum.comment', fc.tuple(n, comment), (spec, [at, text]) => {
    const en = pick(spec.enums, at);
    if (!en || en.comment === text) return false;
    en.comment = text;
  }),
  mutation('function.add', functionRaw, (spec, raw) => {
    if (spec.functions.some((f) => f.name === raw.name)) return false;
    spec.functions.push(resolveFunction(raw, spec));
  }),
  mutation('function.drop', n, (spec, at) => {
    const fn = pick(spec.functions, at);
    if (!fn) return false;
    spec.functions = spec.functions.filter((f) => f !== fn);
  }),
  mutation('function.alter', fc.tuple(n, functionRaw, fc.constantFrom('variant', 'reads', 'language', 'volatility', 'securityDefiner', 'grants', 'comment')), (spec, [at, raw, what]) => {
    const fn = pick(spec.functions, at);
    if (!fn) return false;
    const other = resolveFunction(raw, spec);
    if (what === 'variant') fn.variant = fn.variant === 0 ? 1 : 0;
    if (what === 'reads') fn.reads = fn.reads ? undefined : pick(tableKeys(spec), raw.reads ?? 0);
    if (what === 'language') fn.language = fn.language === 'sql' ? 'plpgsql' : 'sql';
    if (what === 'volatility') fn.volatility = other.volatility;
    if (what === 'securityDefiner') fn.securityDefiner = !fn.securityDefiner;
    if (what === 'grants') fn.grants = other.grants;
    if (what === 'comment') fn.comment = other.comment;
  }),
  mutation('function.signature', fc.tuple(n, functionRaw, fc.constantFrom('type', 'name', 'toggle', 'returns')), (spec, [at, raw, what]) => {
    const fn = pick(spec.functions, at);
    if (!fn) return false;
    const other = raw.argument ?? { name: 'p', type: 'text' as const };
    if (what === 'returns') fn.returns = fn.returns ? undefined : 'integer';
    else if (what === 'toggle') fn.argument = fn.argument ? undefined : other;
    else if (!fn.argument) return false;
    else if (what === 'type') fn.argument = { ...fn.argument, type: other.type };
    else fn.argument = { ...fn.argument, name: other.name };
  }),
  mutation('triggerFunction.add', triggerFunction, (spec, fn) => {
    if (spec.triggerFunctions.some((f) => f.name === fn.name)) return false;
    spec.triggerFunctions.push(fn);
  }),
  mutation('triggerFunction.drop', n, (spec, at) => {
    const fn = pick(spec.triggerFunctions, at);
    if (!fn) return false;
    spec.triggerFunctions = spec.triggerFunctions.filter((f) => f !== fn);
  }),
  mutation('triggerFunction.alter', fc.tuple(n, triggerFunction), (spec, [at, other]) => {
    const fn = pick(spec.triggerFunctions, at);
    if (!fn) return false;
    fn.variant = other.variant;
    fn.comment = other.comment;
  }),
  mutation('view.add', viewRaw, (spec, raw) => {
    if (spec.views.some((v) => v.name === raw.name)) return false;
    spec.views.push(resolveView(raw, spec));
  }),
  mutation('view.drop', n, (spec, at) => {
    const v = pick(spec.views, at);
    if (!v) return false;
    spec.views = spec.views.filter((x) => x !== v);
  }),
  mutation('view.alter', fc.tuple(n, viewRaw, n, viewChanges), (spec, [at, raw, k, what]) => {
    const i = spec.views.length ? at % spec.views.length : -1;
    const v = spec.views[i];
    if (!v) return false;
    const available = relationColumns(spec, v.base);
    const other = resolveView(raw, { ...spec, views: spec.views.slice(0, i) });
    if (what === 'append') v.columns = [...new Set([...v.columns, pick(available, k) ?? 'id'])];
    if (what === 'remove' && v.columns.length > 1) v.columns = v.columns.filter((_, j) => j !== k % v.columns.length);
    if (what === 'reorder') v.columns = [...v.columns].reverse();
    if (what === 'filter') v.filter = v.filter ? undefined : pick(available, k);
    if (what === 'cast') v.cast = v.cast ? undefined : pick(available, k);
    if (what === 'call') v.call = v.call ? undefined : pick(spec.functions, k)?.name;
    if (what === 'securityInvoker' && !v.materialized) v.securityInvoker = v.securityInvoker ? undefined : true;
    if (what === 'materialized') {
      v.materialized = !v.materialized;
      v.securityInvoker = undefined;
      v.index = v.materialized ? true : undefined;
    }
    if (what === 'base') Object.assign(v, { base: other.base, columns: other.columns, cast: other.cast, filter: other.filter, call: other.call, columnComment: other.columnComment });
    if (what === 'comment') v.comment = other.comment;
    if (what === 'columnComment') v.columnComment = other.columnComment;
    if (what === 'grants') v.grants = other.grants;
  }),
];
