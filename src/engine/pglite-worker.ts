/**
 * A scratch database on a thread of its own (see openScratchPgliteInWorker): answers the
 * Connection's calls one message at a time, in the order they come.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openScratchPglite, type PgliteSetup, type ScratchConnection } from './pglite.js';
import type { EngineReply, EngineRequest } from './worker-protocol.js';

const { setup, from } = workerData as { setup?: PgliteSetup; from?: string };
const port = parentPort!;
const opened: Promise<ScratchConnection> = openScratchPglite(setup, from);

async function answer(request: EngineRequest): Promise<unknown> {
  const conn = await opened;
  switch (request.op) {
    case 'open':
      return undefined;
    case 'query':
      return conn.query(request.text, request.params);
    case 'queryKept':
      return conn.queryKept ? conn.queryKept(request.text, request.params) : conn.query(request.text, request.params);
    case 'exec':
      return conn.exec(request.script);
    case 'serverVersion':
      return conn.serverVersion();
    case 'renew':
      return conn.renew?.();
    case 'close':
      return conn.close();
    case 'closeAndKeep':
      return conn.closeAndKeep(request.path);
  }
}

port.on('message', (request: EngineRequest) => {
  answer(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies EngineReply),
    (error: unknown) => port.postMessage({ id: request.id, ok: false, error: clonableError(error) } satisfies EngineReply),
  );
});

/**
 * An engine error as a plain object: a thread boundary keeps only an Error's message and stack,
 * and the callers read PostgreSQL's fields (code, position, detail, hint).
 */
function clonableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === undefined || ['string', 'number', 'boolean'].includes(typeof value)));
  return { ...fields, name: error.name, message: error.message };
}
