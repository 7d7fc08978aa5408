/** The messages between a Connection and the engine thread answering it (see pglite-worker.ts). */
export type EngineCall =
  | { op: 'open' | 'serverVersion' | 'renew' | 'close' }
  | { op: 'query' | 'queryKept'; text: string; params?: unknown[] }
  | { op: 'exec'; script: string }
  | { op: 'closeAndKeep'; path: string };

export type EngineRequest = EngineCall & { id: number };

export type EngineReply = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: Record<string, unknown> });
