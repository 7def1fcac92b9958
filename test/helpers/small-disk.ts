/**
 * A real small disk for tests: a tmpfs of a few hundred KiB mounted on a temp folder (needs root, as
 * the PID-namespace tests do), that `fill()` makes truly full (a filler file grown until ENOSPC) and
 * `free()` gives room again. Unmounted after the test file's tests.
 */
import { execFile } from "node:child_process";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll } from "@jest/globals";
import { newTempDir, removeTempDir } from "./temp-dirs.js";

const run = promisify(execFile);
const mounted: string[] = [];
afterAll(async () => {
  for (const dir of mounted.splice(0)) {
    await run("umount", [dir]).catch(() => {});
    await removeTempDir(dir);
  }
});

export interface SmallDisk {
  /** The mounted folder (put the storage in it). */
  dir: string;
  /** Writes a filler file until the disk answers ENOSPC; true once it did. */
  fill(): Promise<boolean>;
  /** Removes every filler file. */
  free(): Promise<void>;
  /** Remounts it read-only (every write, root's too, fails with EROFS) or writable again. */
  readOnly(on: boolean): Promise<void>;
}

/** A tmpfs of `kib` KiB, or undefined where it cannot be mounted (not root, no mount(2)). */
export async function smallDisk(kib: number): Promise<SmallDisk | undefined> {
  const dir = await newTempDir("biolight-small-disk-");
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${kib}k,mode=0700`, "tmpfs", dir]);
  } catch {
    await removeTempDir(dir);
    return undefined;
  }
  mounted.push(dir);
  let fillers = 0;
  return {
    dir,
    async fill() {
      const file = await open(join(dir, `filler-${++fillers}`), "w");
      const chunk = Buffer.alloc(4096, 1);
      try {
        for (;;) await file.write(chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
        return true;
      } finally {
        await file.close();
      }
    },
    async free() {
      for (; fillers > 0; fillers--) await rm(join(dir, `filler-${fillers}`), { force: true });
    },
    async readOnly(on) {
      await run("mount", ["-o", `remount,${on ? "ro" : "rw"}`, dir]);
    },
  };
}
