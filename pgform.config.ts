import { defineConfig } from 'pgform';

/** The example systems under schemas/: each has its own migrations, generated output and embedded database. */
export default defineConfig({
  definitions: 'schemas/proxe',
  migrations: 'migrations',
  out: 'generated',
  preset: 'supabase',
  gen: { types: ['kysely', 'supabase'], zod: true },
  systems: {
    proxe: 'schemas/proxe',
    'chat-crm': 'schemas/chat-crm',
    'revenue-intel': 'schemas/revenue-intel',
    platform: 'schemas/platform',
    pulse: 'schemas/pulse',
  },
});
