import { z } from 'zod';

const targetName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a target name is letters, digits, ., - and _');

/** The shape `pgform.config.ts` must have: what resolveConfig validates a loaded config against. */
export const configShape = z
  .object({
    definitions: z.string().min(1).optional(),
    migrations: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
    database: z.string().min(1).optional(),
    preset: z.enum(['supabase', 'none']).optional(),
    schemas: z.array(z.string().min(1)).optional(),
    online: z.boolean().optional(),
    lockTimeout: z.string().regex(/^\d+(\s*(us|ms|s|min|h|d))?$/, 'a lock timeout is a number with a unit: 2s, 500ms, 1min').optional(),
    systems: z.record(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a system name is lower-case letters, digits, - and _'), z.string().min(1)).optional(),
    lint: z
      .object({
        rules: z.record(z.string(), z.enum(['off', 'error', 'warn', 'info'])).optional(),
        exposedSchemas: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    gen: z
      .object({
        types: z.array(z.enum(['kysely', 'supabase'])).min(1).optional(),
        zod: z.boolean().optional(),
      })
      .strict()
      .optional(),
    targets: z.record(targetName, z.union([z.string().min(1), z.object({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name') }).strict()])).optional(),
  })
  .strict();
