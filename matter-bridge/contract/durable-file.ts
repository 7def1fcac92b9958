/**
 * The one way files are written: a temp file beside the target, fsync, then rename (or link, to
 * never replace an existing file), then fsync of the folder. A reader sees the old file or the new
 * one, never half of one, also after a power cut. Whatever fails, no temp file is left behind.
 */
import { link, open, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

export interface DurableWriteOptions {
  /** File mode of a new file (default 0600: the storage holds tokens and health notes). */
  mode?: number;
  /** Never replace an existing file: fails with EEXIST instead (for files whose first writer wins). */
  exclusive?: boolean;
  /** The temp file's path (default: beside the target, unique to this process and write). */
  tmp?: string;
}

let sequence = 0;

export async function writeFileDurably(path: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const tmp = options.tmp ?? `${path}.${process.pid}.${++sequence}.tmp`;
  try {
    const file = await open(tmp, "w", options.mode ?? 0o600);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.exclusive) await link(tmp, path);
    else await rename(tmp, path);
  } finally {
    // After a rename there is nothing left; after a link or a failure the temp name goes.
    await rm(tmp, { force: true }).catch(() => {});
  }
  const dir = await open(dirname(path), "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
