/**
 * The helper types supabase-js users import from the generated file: `Tables<"x">`,
 * `TablesInsert<"x">`, `TablesUpdate<"x">`, `Enums<"x">` and `CompositeTypes<"x">`, each taking
 * a name in `public` or `{ schema }` and a name in another schema, as the Supabase CLI's do.
 * Fixed text, kept in prettier's layout (the golden test formats it).
 */
import { hardline, join } from '../layout/doc.js';
import type { Statement } from '../types/statements.js';

const text = `type SchemaName = keyof Database;

type DefaultSchema = Database["public"];

/** A row of a table or view: \`Tables<"leads">\`, or \`Tables<{ schema: "billing" }, "invoices">\` in another schema. */
export type Tables<
  NameOrSchema extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: SchemaName },
  Name extends (NameOrSchema extends { schema: SchemaName }
    ? keyof (Database[NameOrSchema["schema"]]["Tables"] &
        Database[NameOrSchema["schema"]]["Views"])
    : never) = never,
> = NameOrSchema extends { schema: SchemaName }
  ? (Database[NameOrSchema["schema"]]["Tables"] &
      Database[NameOrSchema["schema"]]["Views"])[Name] extends {
      Row: infer Row;
    }
    ? Row
    : never
  : NameOrSchema extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] & DefaultSchema["Views"])[NameOrSchema] extends {
        Row: infer Row;
      }
      ? Row
      : never
    : never;

/** What an insert into a table takes: \`TablesInsert<"leads">\`. */
export type TablesInsert<
  NameOrSchema extends keyof DefaultSchema["Tables"] | { schema: SchemaName },
  Name extends (NameOrSchema extends { schema: SchemaName }
    ? keyof Database[NameOrSchema["schema"]]["Tables"]
    : never) = never,
> = NameOrSchema extends { schema: SchemaName }
  ? Database[NameOrSchema["schema"]]["Tables"][Name] extends {
      Insert: infer Insert;
    }
    ? Insert
    : never
  : NameOrSchema extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][NameOrSchema] extends { Insert: infer Insert }
      ? Insert
      : never
    : never;

/** The values of an enum: \`Enums<"lead_stage">\`. */
export type Enums<
  NameOrSchema extends keyof DefaultSchema["Enums"] | { schema: SchemaName },
  Name extends (NameOrSchema extends { schema: SchemaName }
    ? keyof Database[NameOrSchema["schema"]]["Enums"]
    : never) = never,
> = NameOrSchema extends { schema: SchemaName }
  ? Database[NameOrSchema["schema"]]["Enums"][Name]
  : NameOrSchema extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][NameOrSchema]
    : never;

/** A composite type: \`CompositeTypes<"address">\`. */
export type CompositeTypes<
  NameOrSchema extends
    keyof DefaultSchema["CompositeTypes"] | { schema: SchemaName },
  Name extends (NameOrSchema extends { schema: SchemaName }
    ? keyof Database[NameOrSchema["schema"]]["CompositeTypes"]
    : never) = never,
> = NameOrSchema extends { schema: SchemaName }
  ? Database[NameOrSchema["schema"]]["CompositeTypes"][Name]
  : NameOrSchema extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][NameOrSchema]
    : never;`;

const blocks = text.split('\n\n');
const insertAt = blocks.findIndex((block) => block.includes('export type TablesInsert<'));
// TablesUpdate is TablesInsert with Update for Insert, line for line.
blocks.splice(insertAt + 1, 0, blocks[insertAt]!.replace('What an insert into a table takes', 'What an update of a table takes').replace(/Insert/g, 'Update'));

export const helperTypes: Statement[] = blocks.map((block) => ({ doc: join(hardline, block.split('\n')) }));
