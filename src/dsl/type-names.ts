/**
 * PostgreSQL's spelling of built-in type names, as `format_type` prints them. The synonyms are
 * the documented ones (int4, varchar, timestamptz...); anything else passes through and the
 * canonical step lets the server print it.
 */
const synonyms: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  integer: 'integer',
  int2: 'smallint',
  smallint: 'smallint',
  int8: 'bigint',
  bigint: 'bigint',
  float4: 'real',
  real: 'real',
  float8: 'double precision',
  float: 'double precision',
  'double precision': 'double precision',
  bool: 'boolean',
  boolean: 'boolean',
  varchar: 'character varying',
  'character varying': 'character varying',
  char: 'character',
  character: 'character',
  bpchar: 'character',
  decimal: 'numeric',
  numeric: 'numeric',
  timestamptz: 'timestamp with time zone',
  'timestamp with time zone': 'timestamp with time zone',
  timestamp: 'timestamp without time zone',
  'timestamp without time zone': 'timestamp without time zone',
  timetz: 'time with time zone',
  'time with time zone': 'time with time zone',
  time: 'time without time zone',
  'time without time zone': 'time without time zone',
  varbit: 'bit varying',
};

/** Types whose modifier sits before a time-zone suffix: `timestamp(3) with time zone`. */
const zoned = /^(timestamp|time)\s*(\(\s*\d+\s*\))?\s*(with|without)\s+time\s+zone$/;

/** Normalises a built-in type name; user types and unknown names are returned trimmed. */
export function normalizeTypeName(input: string): string {
  let text = input.trim().replace(/\s+/g, ' ');
  let arraySuffix = '';
  const array = /((\s*\[\s*\d*\s*\])+)$/.exec(text);
  if (array) {
    arraySuffix = '[]';
    text = text.slice(0, array.index).trim();
  }
  const lower = text.toLowerCase();
  const zone = zoned.exec(lower);
  if (zone) {
    const precision = zone[2] ? zone[2].replace(/\s/g, '') : '';
    return `${zone[1]}${precision} ${zone[3]} time zone${arraySuffix}`;
  }
  const modifier = /^([a-z0-9_ ]+?)\s*\(([^)]*)\)$/.exec(lower);
  if (modifier) {
    const base = synonyms[modifier[1]!.trim()];
    if (base) {
      const args = modifier[2]!.split(',').map((part) => part.trim()).join(',');
      if (base === 'timestamp with time zone' || base === 'timestamp without time zone') {
        return `timestamp(${args}) ${base.slice('timestamp '.length)}${arraySuffix}`;
      }
      if (base === 'time with time zone' || base === 'time without time zone') {
        return `time(${args}) ${base.slice('time '.length)}${arraySuffix}`;
      }
      return `${base}(${args})${arraySuffix}`;
    }
    return `${text}${arraySuffix}`;
  }
  const base = synonyms[lower];
  if (base === 'character' && !modifier) return `character(1)${arraySuffix}`;
  if (base) return `${base}${arraySuffix}`;
  return `${/^[a-z0-9_ ]+$/.test(lower) ? lower : text}${arraySuffix}`;
}
