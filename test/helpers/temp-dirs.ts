/** Temp folders for a test file, removed after its tests. */
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "@jest/globals";

/** A function that makes a new temp folder named `prefix…` each call; all are removed after the file's tests. */
export function tempDirs(prefix: string): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  return async () => {
    const d = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
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
