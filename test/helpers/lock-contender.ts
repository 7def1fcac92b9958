/**
 * Child process for the lock tests: on "go" takes the storage lock (prints "held", or "refused"
 * and the refusal as JSON), on "check" says whether it still holds it ("holds" or "lost"), on
 * "release" releases it.
 */
import { createInterface } from "node:readline";
import { lockStorage, type StorageLock, StorageLockedError } from "../../matter-bridge/storage/lock.js";

const dir = process.argv[2];
let lock: StorageLock | undefined;
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (line === "go") {
    let refusal = "";
    lock = await lockStorage(dir).catch((err: Error) => {
      if (!(err instanceof StorageLockedError)) throw err;
      refusal = err.message;
      return undefined;
    });
    process.stdout.write(lock ? "held\n" : `refused ${JSON.stringify(refusal)}\n`);
  } else if (line === "check") {
    process.stdout.write(lock && (await lock.lostTo()) === undefined ? "holds\n" : "lost\n");
  } else if (line === "release") {
    if (lock && (await lock.lostTo()) === undefined) await lock.release();
    lock = undefined;
    process.stdout.write("released\n");
  }
}
