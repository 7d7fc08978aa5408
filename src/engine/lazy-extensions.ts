import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Extension, PGliteInterface } from '@electric-sql/pglite';

/**
 * PGlite compiles every extension library it is given while the engine starts, whether or not
 * the database ever loads it: pgcrypto alone (OpenSSL inside) costs about 0.2 s of CPU on each
 * start. An extension wrapped here only puts its files in the engine's file system; PostgreSQL
 * compiles the library when it first loads it (CREATE EXTENSION, or a call of one of its
 * functions), and a database that never does pays nothing.
 */
export function lazyExtensions<Names extends string>(extensions: Record<Names, Extension>): Record<Names, Extension> {
  const wrapped = {} as Record<Names, Extension>;
  for (const [name, extension] of Object.entries(extensions) as [Names, Extension][]) wrapped[name] = lazy(extension);
  return wrapped;
}

/** The engine's module as an extension sees it: its file system and where PostgreSQL is installed. */
interface EngineModule {
  WASM_PREFIX?: string;
  FS: {
    analyzePath(path: string): { exists: boolean };
    mkdirTree(path: string): void;
    writeFile(path: string, data: Uint8Array): void;
  };
}

/** Where PGlite installs PostgreSQL inside the engine's file system when the module does not say. */
const defaultInstallRoot = '/tmp/pglite';

function lazy(extension: Extension): Extension {
  return {
    name: extension.name,
    setup: async (pg, emscriptenOpts, clientOnly) => {
      const { bundlePath } = await extension.setup(pg, emscriptenOpts, clientOnly);
      if (!bundlePath) throw new Error(`the extension ${extension.name} has no bundle to install`);
      return {
        // init runs once the engine is up, before any statement of the caller.
        init: async () => {
          const module = (pg as PGliteInterface & { mod: EngineModule }).mod;
          installFiles(module, bundleFiles(bundlePath));
        },
      };
    },
  };
}

function installFiles(module: EngineModule, files: readonly BundleFile[]): void {
  const root = module.WASM_PREFIX ?? defaultInstallRoot;
  for (const file of files) {
    const path = `${root}/${file.name}`;
    const directory = path.slice(0, path.lastIndexOf('/'));
    if (!module.FS.analyzePath(directory).exists) module.FS.mkdirTree(directory);
    module.FS.writeFile(path, file.data);
  }
}

interface BundleFile {
  name: string;
  data: Uint8Array;
}

/** A bundle is read once per process: every later engine start reuses its files. */
const bundles = new Map<string, readonly BundleFile[]>();

function bundleFiles(bundlePath: URL): readonly BundleFile[] {
  const key = bundlePath.href;
  let files = bundles.get(key);
  if (!files) {
    files = regularFiles(gunzipSync(readFileSync(fileURLToPath(bundlePath))));
    bundles.set(key, files);
  }
  return files;
}

const blockSize = 512;

/** The regular files of a tar archive (ustar, with GNU long names). */
export function regularFiles(archive: Uint8Array): BundleFile[] {
  const files: BundleFile[] = [];
  let longName: string | undefined;
  for (let offset = 0; offset + blockSize <= archive.length; ) {
    const header = archive.subarray(offset, offset + blockSize);
    if (header[0] === 0) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = header[156] === 0 ? '0' : String.fromCharCode(header[156]!);
    const data = archive.subarray(offset + blockSize, offset + blockSize + size);
    offset += blockSize + Math.ceil(size / blockSize) * blockSize;
    if (type === 'L') {
      longName = new TextDecoder().decode(data).replace(/\0[\s\S]*$/, '');
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = undefined;
    if (type === '0' || type === '7') files.push({ name, data });
  }
  return files;
}

/** A NUL-terminated text field of a tar header. */
function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}
