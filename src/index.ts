/** pgform's public API: the definitions DSL, `defineConfig`, and the model types. */
export * from './dsl/index.js';
export { defineConfig, env, type EnvReference, type PgformConfig } from './config/define.js';
export type * from './model/schema.js';
