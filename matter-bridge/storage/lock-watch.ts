/**
 * The storage lock, checked while the bridge runs: a lock file that names another bridge now (two
 * bridges took over one stale lock at once, see lock.ts) means this bridge no longer owns the
 * folder. The ledger asks the same before every write (`lockLost`); this catches it between writes.
 * Whichever finds it first, the bridge gives the folder up (bridge.ts).
 */
import { every } from "../support/timers.js";
import { describeHolder, type StorageLock } from "./lock.js";
import { StorageUnavailableError } from "./writable.js";

export const LOCK_CHECK_MS = 2000;

/** Why the folder is no longer this bridge's, or undefined while it is (or no lock is held yet). */
export async function lockLost(dir: string, lock: StorageLock | undefined): Promise<StorageUnavailableError | undefined> {
  const holder = await lock?.lostTo();
  return holder && StorageUnavailableError.taken(dir, describeHolder(holder));
}

/** Runs `check` every LOCK_CHECK_MS until one finds the lock taken (`check` acts on it); returns the function that stops checking. */
export function watchLock(check: () => Promise<StorageUnavailableError | undefined>, log: (m: string) => void): () => void {
  const stop = every(
    LOCK_CHECK_MS,
    async () => {
      if (await check()) stop();
    },
    (m) => log(`Checking the storage lock failed: ${m}`),
  );
  return stop;
}
