// Builds a definitions path and prints a summary or the first error: `node scripts/check-definitions.mjs schemas/proxe`.
import { loadSchema } from '../dist/load/definitions.js';
const path = process.argv[2] ?? 'schemas';
try {
  const schema = await loadSchema(path, { externalNamespaces: ['auth', 'storage', 'extensions'] });
  const tables = Object.values(schema.tables);
  console.log(
    `${path}: ${tables.length} tables, ${Object.keys(schema.views).length} views, ${Object.keys(schema.routines).length} routines, ` +
      `${Object.keys(schema.enums).length} enums, ${tables.reduce((n, t) => n + Object.keys(t.policies).length, 0)} policies, ` +
      `${tables.reduce((n, t) => n + Object.keys(t.triggers).length, 0)} triggers, ${tables.reduce((n, t) => n + Object.keys(t.indexes).length, 0)} indexes`,
  );
  if (process.argv.includes('--json')) console.log(JSON.stringify(schema, null, 2));
} catch (error) {
  console.error(error.describe ? error.describe() : error);
  process.exit(2);
}
