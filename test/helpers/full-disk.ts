/** A ledger writer for tests whose disk can be made full (every write then fails with ENOSPC) and freed. */
import { writeFileDurably } from "../../common/durable-file.js";
import type { LedgerWriter } from "../../matter-bridge/dose/ledger.js";

export const diskFullError = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

export function fillableDisk(full = false): { full: boolean; write: LedgerWriter } {
  const disk = {
    full,
    write: async (path: string, text: string) => {
      if (disk.full) throw diskFullError();
      await writeFileDurably(path, text);
    },
  };
  return disk;
}
