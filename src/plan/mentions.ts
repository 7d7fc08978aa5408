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

/** Compiled patterns by schema and name: planning asks about the same objects many times. */
const patterns = new Map<string, RegExp>();

function patternFor(schema: string, name: string): RegExp {
  const key = `${schema}\u0000${name}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`(^|[^a-z0-9_$"])(${quotedOrBare(schema)}\\s*\\.\\s*)?${quotedOrBare(name)}($|[^a-z0-9_$"])`);
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

/** The candidates whose qualified (or, in their schema's text, bare) name occurs in `text`. */
export function mentions(text: string, candidates: Named[]): string[] {
  if (candidates.length === 0) return [];
  const lower = text.toLowerCase();
  const words = wordsOf(lower);
  return candidates
    .filter(({ schema, name }) => {
      const key = name.toLowerCase();
      return simpleName.test(key) ? words.has(key) : patternFor(schema, name).test(lower);
    })
    .map(({ id }) => id);
}

/** Whether `text` names the identifier `name` (bare or quoted), e.g. a column in a policy. */
export function mentionsName(text: string, name: string): boolean {
  return new RegExp(`(^|[^a-z0-9_$"])${quotedOrBare(name)}($|[^a-z0-9_$"])`).test(text.toLowerCase());
}
