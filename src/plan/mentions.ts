/**
 * Which objects a piece of SQL text names. Introspection prints every name schema-qualified
 * (search_path is empty), so `schema.name` is how a view, default or policy refers to another
 * object. This only orders statements and finds dependents; it never decides equality.
 */
export interface Named {
  id: string;
  schema: string;
  name: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function quotedOrBare(name: string): string {
  const bare = escape(name.toLowerCase());
  const quoted = escape(`"${name.replace(/"/g, '""')}"`.toLowerCase());
  return `(?:${quoted}|${bare})`;
}

/** A pattern matching `core` with no identifier character (nor a quote) either side. */
function bounded(core: string): RegExp {
  return new RegExp(`(^|[^a-z0-9_$"])${core}($|[^a-z0-9_$"])`);
}

/** Compiled patterns by schema, name and form: planning asks about the same objects many times. */
const patterns = new Map<string, RegExp>();

/**
 * The pattern of a name in lower-cased text: schema-qualified, or (unless `qualifiedOnly`) bare
 * too. Quoted or bare parts, spaces allowed around the dot.
 */
function patternFor(schema: string, name: string, qualifiedOnly = false): RegExp {
  const key = `${qualifiedOnly ? 'q' : 'a'}\u0000${schema}\u0000${name}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const prefix = `${quotedOrBare(schema)}\\s*\\.\\s*`;
    pattern = bounded(`${qualifiedOnly ? prefix : `(${prefix})?`}${quotedOrBare(name)}`);
    patterns.set(key, pattern);
  }
  return pattern;
}

const simpleName = /^[a-z0-9_$]+$/;

/**
 * The words of a text: its maximal runs of identifier characters. A name made only of such
 * characters can occur in the text, bare or quoted, only as one of them, so one pass over the
 * text answers for every such candidate; only other names need their pattern.
 */
function wordsOf(lower: string): Set<string> {
  return new Set(lower.match(/[a-z0-9_$]+/g));
}

/** Candidates by lower-case name (the simple ones) and the rest, with each one's place in the list. */
interface CandidateIndex {
  simple: Map<string, number[]>;
  other: number[];
}

/** Indexes of candidate lists: planning asks about the same list for every change. */
const indexes = new WeakMap<Named[], CandidateIndex>();

function indexOf(candidates: Named[]): CandidateIndex {
  let index = indexes.get(candidates);
  if (!index) {
    index = { simple: new Map(), other: [] };
    for (const [i, { name }] of candidates.entries()) {
      const key = name.toLowerCase();
      if (!simpleName.test(key)) index.other.push(i);
      else index.simple.set(key, [...(index.simple.get(key) ?? []), i]);
    }
    indexes.set(candidates, index);
  }
  return index;
}

/**
 * The candidates whose qualified (or, in their schema's text, bare) name occurs in `text`, in the
 * candidates' order. The text's words are looked up among the simple names, so a long list of
 * candidates (every table of a large schema) costs no more than a short one.
 */
export function mentions(text: string, candidates: Named[]): string[] {
  if (candidates.length === 0) return [];
  const lower = text.toLowerCase();
  const { simple, other } = indexOf(candidates);
  const found: number[] = other.filter((i) => patternFor(candidates[i]!.schema, candidates[i]!.name).test(lower));
  for (const word of wordsOf(lower)) found.push(...(simple.get(word) ?? []));
  return found.sort((a, b) => a - b).map((i) => candidates[i]!.id);
}

/**
 * The candidates whose schema-qualified name occurs in `text`, in the candidates' order. For
 * text where a bare word may be something else: in an index key, `status` is the column of that
 * name, while the type `status` prints as a qualified cast (`'b'::public.status`).
 */
export function mentionsQualified(text: string, candidates: Named[]): string[] {
  const lower = text.toLowerCase();
  return candidates.filter(({ schema, name }) => patternFor(schema, name, true).test(lower)).map(({ id }) => id);
}

/** Whether `text` names the identifier `name` (bare or quoted), e.g. a column in a policy. */
export function mentionsName(text: string, name: string): boolean {
  return bounded(quotedOrBare(name)).test(text.toLowerCase());
}
