import { engines, type OpenDatabase, type TestEngine as SupportEngine } from '../support/engines.js';

/** A TestEngine of the introspection suites: a fresh database without the preset's objects. */
export type TestEngine = Omit<SupportEngine, 'open'> & { open(): Promise<OpenDatabase> };

/** Both engines, opening bare databases: the fixtures create everything they read. */
export const testEngines: TestEngine[] = engines.map((engine) => ({ ...engine, open: () => engine.open({ preset: false }) }));
