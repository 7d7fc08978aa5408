import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PgliteSetup, ScratchConnection } from './pglite.js';
import type { EngineCall, EngineReply } from './worker-protocol.js';

/**
 * A scratch database (see openScratchPglite) whose engine runs on a thread of its own, so that its
 * work and the calling thread's run on two cores at once: while one statement script runs there,
 * the caller is free to run another engine. The Connection is the same; each call is a message.
 * The thread ends when the database is closed.
 */
export async function openScratchPgliteInWorker(setup?: PgliteSetup, from?: string): Promise<ScratchConnection> {
  const worker = new Worker(workerEntry(), { workerData: { setup, from } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let next = 0;
  let ended: Error | undefined;
  const fail = (error: Error) => {
    ended ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: EngineReply) => {
    const call = waiting.get(reply.id);
    if (!call) return;
    waiting.delete(reply.id);
    if (reply.ok) call.resolve(reply.value);
    else call.reject(Object.assign(new Error(String(reply.error.message)), reply.error));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the embedded database's thread ended (exit code ${code})`)));
  const ask = <T>(request: EngineCall): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const finish = async (request: EngineCall) => {
    if (ended) return;
    try {
      await ask(request);
    } finally {
      await worker.terminate();
    }
  };
  try {
    await ask({ op: 'open' });
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    engine: 'pglite',
    inTransaction: false,
    query: <Row>(text: string, params?: unknown[]) => ask<Row[]>({ op: 'query', text, ...(params ? { params } : {}) }),
    queryKept: <Row>(text: string, params?: unknown[]) => ask<Row[]>({ op: 'queryKept', text, ...(params ? { params } : {}) }),
    exec: (script: string) => ask<void>({ op: 'exec', script }),
    serverVersion: () => ask<number>({ op: 'serverVersion' }),
    renew: () => ask<void>({ op: 'renew' }),
    close: () => finish({ op: 'close' }),
    closeAndKeep: (path: string) => finish({ op: 'closeAndKeep', path }),
  };
}

/** The worker's script. A thread runs JavaScript: run from the sources (the tests), the built copy. */
function workerEntry(): URL {
  const beside = new URL('./pglite-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/engine/pglite-worker.js', import.meta.url);
}
