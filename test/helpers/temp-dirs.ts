/**
 * The tests' temp folders: `tempDirs` for a test file's (removed after its tests); `newTempDir` and
 * `removeTempDir` for a helper whose folder lives as long as what it starts (a broker, a bridge, a
 * mounted disk) and that also runs outside Jest (`npm run bench`: no Jest hooks here at import).
 */
import { accessSync, constants } from "node:fs";
import { chmod, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A function that makes a new temp folder named `prefix` + `label…` in `root` (default: the system's
 * temp folder) each call. All are removed (write bits given back first) by an afterAll hook of the
 * block tempDirs is called in. Jest runs a block's afterAll hooks in the order they were declared:
 * where an afterAll closes something that still runs in these folders (a bridge, a Matter node),
 * call tempDirs below it, so the folders go once it is closed.
 */
export function tempDirs(prefix: string, root?: string): (label?: string) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.splice(0).map(removeTempDir));
  });
  return async (label = "") => {
    const dir = await newTempDir(`${prefix}${label}`, root);
    dirs.push(dir);
    return dir;
  };
}

/** A new empty folder named `prefix…` in `root` (default: the system's temp folder); remove it with removeTempDir. */
export function newTempDir(prefix: string, root = tmpdir()): Promise<string> {
  return mkdtemp(join(root, prefix));
}

/** Removes `dir` and everything in it; where a test took write bits away (a read-only storage), gives them back first. */
export async function removeTempDir(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch {
    await giveBackWriteBits(dir);
    await rm(dir, { recursive: true, force: true });
  }
}

/** `chmod -R u+rwx` on the folders under `dir` (a file needs no bits of its own to be removed). */
async function giveBackWriteBits(dir: string): Promise<void> {
  await chmod(dir, 0o700).catch(() => {});
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => giveBackWriteBits(join(dir, e.name))));
}

/**
 * Where to make temp folders for tests that write and fsync many small files (property runs over
 * the real ledger): tmpfs (/dev/shm) where the machine has one, so a busy disk's fsync does not set
 * the pace; the files, renames and reads are the same. The system temp folder otherwise.
 */
export function memoryTmpdir(): string {
  try {
    accessSync("/dev/shm", constants.W_OK);
    return "/dev/shm";
  } catch {
    return tmpdir();
  }
}
